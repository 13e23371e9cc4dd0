import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_BLOCK_MS, CLIENT_MAX_FAILURES } from '../../../electron/core/auth/throttle';
import { dispatch } from '../../../electron/dispatch';
import { startBrowserDoor } from '../../../electron/server';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
afterEach(() => core.close());

const login = (username: string, password: string, client?: string) =>
  dispatch(core.app, 'auth.login', { username, password }, { token: null, ...(client ? { client } : {}) });

async function userId(username: string): Promise<number> {
  return (await core.ok('users.list', {}, core.adminToken)).find((u) => u.username === username)!.id;
}

describe('no user enumeration at login', () => {
  it('answers an unknown name exactly as a wrong password, for active, disabled and locked accounts alike', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    await core.tokenFor(['finance']);
    await core.ok('users.update', { id: await userId('u_finance'), displayName: '测试finance', roles: ['finance'], active: false }, core.adminToken);
    const unknown = await login('nobody_here', 'wrong-password');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await login('u_staff', 'wrong-password')).toEqual(unknown);
    expect(await login('u_finance', 'wrong-password')).toEqual(unknown); // disabled
    // lock u_staff: the locking attempt and later wrong ones still read the same
    for (let i = 0; i < 4; i++) expect(await login('u_staff', 'wrong-password')).toEqual(unknown);
    expect((await core.ok('users.list', {}, core.adminToken)).find((u) => u.username === 'u_staff')!.lockedUntil).not.toBeNull();
    expect(await login('u_staff', 'wrong-password')).toEqual(unknown);
    expect(await login('nobody_here', 'wrong-password')).toEqual(unknown);
    // Only the right password learns the account's state.
    expect(await login('u_staff', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await login('u_finance', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该账号已停用，请联系管理员。' } });
  });

  it('tells the lock, with its end, only to the right password', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    for (let i = 0; i < 5; i++) await login('u_staff', 'wrong-password');
    expect(await login('u_staff', 'wrong-password')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const locked = await login('u_staff', TEST_PASSWORD);
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(locked.ok || locked.error.message).toMatch(/已锁定，请于 .+ 后再试/);
  });
});

describe('failed logins per client', () => {
  it(`stops a client after ${CLIENT_MAX_FAILURES} failures across any names, for a while, leaving others alone`, async () => {
    core = await makeCore();
    for (let i = 0; i < CLIENT_MAX_FAILURES; i++) {
      expect(await login(`guess_${i}`, 'wrong-password', 'window:1')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    const blocked = await login('admin', TEST_PASSWORD, 'window:1');
    expect(blocked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(blocked.ok || blocked.error.message).toMatch(/本机登录失败次数过多，已暂停登录，请于 .+ 后再试/);
    // another window is not affected, and no account was locked by the guesses
    expect((await login('admin', TEST_PASSWORD, 'window:2')).ok).toBe(true);
    // the refusal is in the audit log
    const rows = core.app.db.prepare("SELECT summary FROM audit_log WHERE channel = 'auth.login' AND code = 'LOCKED'").all() as { summary: string }[];
    expect(rows.some((r) => r.summary.includes('本终端登录失败次数过多'))).toBe(true);
    core.clock.advance(CLIENT_BLOCK_MS - 60_000);
    expect(await login('admin', TEST_PASSWORD, 'window:1')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    core.clock.advance(61_000);
    expect((await login('admin', TEST_PASSWORD, 'window:1')).ok).toBe(true);
  });

  it('counts only the failures within the window', async () => {
    core = await makeCore();
    for (let i = 0; i < CLIENT_MAX_FAILURES - 1; i++) await login(`guess_${i}`, 'wrong-password', 'window:1');
    core.clock.advance(16 * 60_000);
    for (let i = 0; i < CLIENT_MAX_FAILURES - 1; i++) await login(`guess_${i}`, 'wrong-password', 'window:1');
    expect((await login('admin', TEST_PASSWORD, 'window:1')).ok).toBe(true);
    await login('guess_last', 'wrong-password', 'window:1');
    expect(await login('admin', TEST_PASSWORD, 'window:1')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('throttles the browser door by its remote address', async () => {
    core = await makeCore();
    const door = await startBrowserDoor(core.app, { staticDir: 'out/renderer' });
    const url = new URL(door.url);
    const post = (body: unknown) =>
      new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, path: '/api/auth.login', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(JSON.parse(text)));
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    try {
      for (let i = 0; i < CLIENT_MAX_FAILURES; i++) await post({ username: `guess_${i}`, password: 'wrong-password' });
      expect(await post({ username: 'admin', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    } finally {
      await door.close();
    }
  });
});

describe('sessions end when the password changes', () => {
  it('ends the other sessions on a password change, keeping the one that changed it', async () => {
    core = await makeCore();
    const other = await core.tokenFor(['staff']);
    const here = (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
    await core.ok('auth.changePassword', { oldPassword: TEST_PASSWORD, newPassword: 'New-pass-2026' }, here);
    expect(await core.call('auth.me', {}, other)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await core.call('auth.me', {}, here)).ok).toBe(true);
    expect((await core.call('auth.me', {}, core.adminToken)).ok).toBe(true); // another user's session stays
  });

  it('ends every session of the user on an administrator reset', async () => {
    core = await makeCore();
    const a = await core.tokenFor(['staff']);
    const b = (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
    await core.ok('users.resetPassword', { id: await userId('u_staff'), password: 'Reset-pass-2026' }, core.adminToken);
    for (const t of [a, b]) expect(await core.call('auth.me', {}, t)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await core.call('auth.me', {}, core.adminToken)).ok).toBe(true);
    expect((await core.call('auth.login', { username: 'u_staff', password: 'Reset-pass-2026' })).ok).toBe(true);
  });
});
