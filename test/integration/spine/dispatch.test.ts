import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/api';
import { ROLES } from '../../../shared/roles';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';
import { malformedPayloads } from '../../fixtures/malformed';

let core: TestCore;
beforeAll(async () => {
  core = await makeCore();
});
afterAll(() => core.close());

const lastAudit = () =>
  core.app.db.prepare('SELECT channel, outcome, code, username FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    channel: string;
    outcome: string;
    code: string | null;
    username: string | null;
  };

describe('dispatch', () => {
  it.each(CHANNELS)('refuses malformed payloads for %s and writes nothing', async (channel) => {
    const token = await core.tokenFor([...ROLES]);
    const payloads = malformedPayloads(contract[channel].input);
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) {
      const before = businessFingerprint(core.app);
      const r = await core.call(channel, payload, token);
      expect(r.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(businessFingerprint(core.app)).toBe(before);
      expect(lastAudit()).toMatchObject({ channel, outcome: 'refused', code: 'VALIDATION' });
    }
  });

  it.each(CHANNELS.flatMap((c) => ROLES.map((r) => [c, r] as const)))('%s as %s: allowed roles only', async (channel, role) => {
    const access = contract[channel].access;
    if (access === 'public' || access === 'any' || access.includes(role)) return;
    const token = await core.tokenFor([role]);
    const before = businessFingerprint(core.app);
    const r = await core.call(channel, {}, token);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    expect(businessFingerprint(core.app)).toBe(before);
    expect(lastAudit()).toMatchObject({ channel, outcome: 'refused', code: 'FORBIDDEN', username: `u_${role}` });
  });

  it.each(CHANNELS.filter((c) => contract[c].access !== 'public'))('%s needs a login', async (channel) => {
    const r = await core.call(channel, {}, null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UNAUTHENTICATED');
    expect(lastAudit()).toMatchObject({ channel, outcome: 'refused', code: 'UNAUTHENTICATED' });
  });

  it('refuses an unknown channel in Chinese', async () => {
    const r = await core.call('nope.nothing' as never, {}, core.adminToken);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('rolls back a handler that fails half-way', async () => {
    const fresh = await makeCore();
    try {
      // users.update writes the name and roles, then finds no admin left and refuses: nothing may survive.
      const admin = (await fresh.ok('users.list', {}, fresh.adminToken))[0]!;
      const before = businessFingerprint(fresh.app);
      const r = await fresh.call('users.update', { id: admin.id, displayName: '改名', roles: ['staff'], active: true }, fresh.adminToken);
      expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
      expect(businessFingerprint(fresh.app)).toBe(before);
      expect((await fresh.ok('users.list', {}, fresh.adminToken))[0]).toMatchObject({ displayName: '管理员', roles: ['admin'] });
    } finally {
      fresh.close();
    }
  });
});
