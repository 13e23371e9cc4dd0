import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
afterEach(() => core.close());

describe('first run, login and lock-out', () => {
  it('has no user and no default password until setup, and setup runs only once', async () => {
    core = await makeCore({ setup: false });
    expect(await core.ok('auth.setupStatus', {})).toMatchObject({ needsSetup: true });
    expect((await core.call('auth.login', { username: 'admin', password: 'admin' })).ok).toBe(false);
    const r = await core.ok('auth.setup', { username: 'boss', displayName: '王主任', password: TEST_PASSWORD });
    expect(r.user.roles).toEqual(['admin']);
    expect(await core.ok('auth.setupStatus', {})).toMatchObject({ needsSetup: false });
    expect(await core.call('auth.setup', { username: 'evil', displayName: '某人', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('locks an account after five wrong passwords, for the configured minutes', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    for (let i = 1; i <= 4; i++) {
      expect(await core.call('auth.login', { username: 'u_staff', password: 'wrong-password' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    // The fifth locks the account but reads like any wrong password (no enumeration); the right password is told.
    const fifth = await core.call('auth.login', { username: 'u_staff', password: 'wrong-password' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // the right password does not help while locked
    expect(await core.call('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const users = await core.ok('users.list', {}, core.adminToken);
    expect(users.find((u) => u.username === 'u_staff')!.lockedUntil).not.toBeNull();
    core.clock.advance(14 * 60_000);
    expect(await core.call('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    core.clock.advance(2 * 60_000);
    expect((await core.call('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).ok).toBe(true);
  });

  it('follows the lock-out settings', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    await core.ok('settings.update', { changes: { maxFailedLogins: 2, lockoutMinutes: 1 } }, core.adminToken);
    await core.call('auth.login', { username: 'u_staff', password: 'nope-nope' });
    await core.call('auth.login', { username: 'u_staff', password: 'nope-nope' });
    expect(await core.call('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).toMatchObject({ error: { code: 'LOCKED' } });
    core.clock.advance(61_000);
    expect((await core.call('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).ok).toBe(true);
  });

  it('expires idle sessions and ends them on logout', async () => {
    core = await makeCore();
    const token = await core.tokenFor(['staff']);
    expect((await core.call('auth.me', {}, token)).ok).toBe(true);
    core.clock.advance(29 * 60_000);
    expect((await core.call('auth.me', {}, token)).ok).toBe(true);
    core.clock.advance(31 * 60_000);
    expect(await core.call('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD });
    await core.ok('auth.logout', {}, again.token);
    expect((await core.call('auth.me', {}, again.token)).ok).toBe(false);
  });

  it('stores only salted scrypt hashes', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    const rows = core.app.db.prepare('SELECT password_hash, password_salt FROM users').all() as { password_hash: string; password_salt: string }[];
    expect(rows.length).toBe(2);
    expect(new Set(rows.map((r) => r.password_salt)).size).toBe(2);
    for (const r of rows) expect(r.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('keeps the last admin', async () => {
    core = await makeCore();
    const admin = (await core.ok('users.list', {}, core.adminToken))[0]!;
    expect(await core.call('users.update', { id: admin.id, displayName: '管理员', roles: ['admin'], active: false }, core.adminToken)).toMatchObject({
      error: { code: 'RULE' },
    });
  });
});

describe('settings', () => {
  it('keeps every change with its effective date and who made it, and a rolled-back change leaves no trace', async () => {
    core = await makeCore();
    await core.ok('settings.update', { changes: { centreName: '城南帮扶中心' } }, core.adminToken);
    expect((await core.ok('settings.get', {}, core.adminToken)).centreName).toBe('城南帮扶中心');
    const r = await core.call('settings.update', { changes: {} }, core.adminToken);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const future = await core.call('settings.update', { changes: { minLivingLineFen: 90_000 }, effectiveFrom: '2000-01-01' }, core.adminToken);
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await core.ok('settings.get', {}, core.adminToken)).minLivingLineFen).toBe(78_000);
    const history = await core.ok('settings.history', {}, core.adminToken);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ key: 'centreName', value: '城南帮扶中心', setBy: 'admin' });
  });

  it('applies a change scheduled for a later date only from that date', async () => {
    core = await makeCore({ start: new Date('2026-11-22T02:00:00Z') });
    await core.ok('settings.update', { changes: { minLivingLineFen: 90_000 }, effectiveFrom: '2026-12-01' }, core.adminToken);
    expect((await core.ok('settings.get', {}, core.adminToken)).minLivingLineFen).toBe(78_000);
    core.clock.set(new Date('2026-11-30T15:59:00Z')); // 23:59 on 30 November in Shanghai
    const { token } = await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD });
    expect((await core.ok('settings.get', {}, token)).minLivingLineFen).toBe(78_000);
    core.clock.advance(60_000);
    expect((await core.ok('settings.get', {}, token)).minLivingLineFen).toBe(90_000);
  });
});
