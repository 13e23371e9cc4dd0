import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../../shared/api';
import type { ApiResult } from '../../../shared/errors';
import { ROLES, type Role } from '../../../shared/roles';
import { exampleFor, EXAMPLES } from '../../fixtures/examples';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

// Every channel, called with its valid example by a user holding one role, and with no session.
// A role the channel allows must get past the gate (the handler may still answer NOT_FOUND, RULE,
// CONFLICT …: the example's records do not exist); any other role is refused FORBIDDEN; without a
// session every non-public channel answers UNAUTHENTICATED.
//
// The gate's refusals are told from a handler's own by their messages: a handler may refuse with the
// same codes (a wrong old password is VALIDATION, a wrong login UNAUTHENTICATED), never with these texts.
const GATE = {
  UNAUTHENTICATED: (m: string) => m === '登录已过期或尚未登录，请重新登录。',
  FORBIDDEN: (m: string) => /需要.+角色，您没有这个权限。$/.test(m),
  VALIDATION: (m: string) => m.startsWith('输入有误：'),
} as const;

function stoppedAtGate(r: ApiResult<unknown>): string | null {
  if (r.ok) return null;
  const { code, message } = r.error;
  if (code === 'UNKNOWN_CHANNEL' || code === 'INTERNAL') return `${code} ${message}`;
  if (code in GATE && GATE[code as keyof typeof GATE](message)) return `${code} ${message}`;
  return null;
}

let core: TestCore;
const tokens = {} as Record<Role, string>;
beforeAll(async () => {
  core = await makeCore();
  for (const role of ROLES) tokens[role] = await core.tokenFor([role]);
  // The login example's account exists, so the example logs in.
  const login = EXAMPLES['auth.login'];
  await core.ok('users.create', { username: login.username, displayName: '王芳', password: login.password, roles: ['staff'] }, core.adminToken);
  // Accounts whose password is the change-password example's old one, so the example goes through.
  for (const role of ROLES) {
    await core.ok(
      'users.create',
      { username: `cp_${role}`, displayName: '改密码测试', password: EXAMPLES['auth.changePassword'].oldPassword, roles: [role] },
      core.adminToken,
    );
  }
});
afterAll(() => core.close());

/** The token to call a channel with as a role: logging out and changing the password get their own session. */
async function tokenAs(channel: Channel, role: Role): Promise<string> {
  if (channel === 'auth.logout') return (await core.ok('auth.login', { username: `u_${role}`, password: TEST_PASSWORD })).token;
  if (channel === 'auth.changePassword') {
    return (await core.ok('auth.login', { username: `cp_${role}`, password: EXAMPLES['auth.changePassword'].oldPassword })).token;
  }
  return tokens[role];
}

describe('role matrix', () => {
  it.each(CHANNELS)('%s: allowed roles get through, others are refused', async (channel) => {
    const access = contract[channel].access;
    const problems: string[] = [];
    for (const role of ROLES) {
      const allowed = access === 'public' || access === 'any' || access.includes(role);
      const r = await core.call(channel, exampleFor(channel), await tokenAs(channel, role));
      if (allowed) {
        const stop = stoppedAtGate(r);
        if (stop) problems.push(`${role} (allowed) stopped: ${stop}`);
      } else if (r.ok || r.error.code !== 'FORBIDDEN' || !GATE.FORBIDDEN(r.error.message)) {
        problems.push(`${role} (not allowed) got ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`);
      }
    }
    const r = await core.call(channel, exampleFor(channel), null);
    if (access === 'public') {
      const stop = stoppedAtGate(r);
      if (stop) problems.push(`no session (public) stopped: ${stop}`);
    } else if (r.ok || r.error.code !== 'UNAUTHENTICATED' || !GATE.UNAUTHENTICATED(r.error.message)) {
      problems.push(`no session got ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`);
    }
    expect(problems).toEqual([]);
  });

  it('left every role session working', async () => {
    for (const role of ROLES) expect(await core.ok('auth.me', {}, tokens[role])).toMatchObject({ username: `u_${role}` });
  });
});
