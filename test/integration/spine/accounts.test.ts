import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
afterEach(() => core.close());

describe('passwords and locked accounts', () => {
  it('changes one\'s own password only with the old one', async () => {
    core = await makeCore();
    const token = await core.tokenFor(['staff']);
    expect(await core.call('auth.changePassword', { oldPassword: 'not-my-password', newPassword: 'New-pass-2026' }, token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '原密码不正确' },
    });
    await core.ok('auth.changePassword', { oldPassword: TEST_PASSWORD, newPassword: 'New-pass-2026' }, token);
    expect((await core.call('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).ok).toBe(false);
    expect((await core.call('auth.login', { username: 'u_staff', password: 'New-pass-2026' })).ok).toBe(true);
  });

  it('lets the admin unlock an account and reset a password, ending that user\'s sessions', async () => {
    core = await makeCore();
    const token = await core.tokenFor(['staff']);
    for (let i = 0; i < 5; i++) await core.call('auth.login', { username: 'u_staff', password: 'wrong-password' });
    const staff = (await core.ok('users.list', {}, core.adminToken)).find((u) => u.username === 'u_staff')!;
    expect(staff.lockedUntil).not.toBeNull();
    expect((await core.ok('users.unlock', { id: staff.id }, core.adminToken)).lockedUntil).toBeNull();
    expect((await core.call('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).ok).toBe(true);

    await core.ok('users.resetPassword', { id: staff.id, password: 'Reset-pass-2026' }, core.adminToken);
    expect(await core.call('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await core.call('auth.login', { username: 'u_staff', password: 'Reset-pass-2026' })).ok).toBe(true);
  });
});
