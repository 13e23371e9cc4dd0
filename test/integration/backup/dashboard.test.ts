import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RESTORE_CONFIRMATION } from '../../../shared/contract/backup';
import { makeCore, tempDir, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
const dirs: string[] = [];
afterEach(() => {
  core?.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const DAY = 86_400_000;

describe('the backup warning on the dashboard', () => {
  it('warns the admin until a verified backup younger than two days has been copied off the data disk', async () => {
    core = await makeCore();
    const admin = core.adminToken;
    const staff = await core.tokenFor(['staff']);
    const warning = async (token = admin) => (await core.ok('dashboard.summary', {}, token)).backupWarning;

    expect(await warning()).toMatchObject({ lastVerifiedAt: null, copiedOffDisk: false });
    expect((await warning())!.message).toContain('还没有任何校验通过的备份');
    expect(await warning(staff)).toBeNull();

    const first = await core.ok('backup.create', {}, admin);
    const onlyLocal = await warning();
    expect(onlyLocal).toMatchObject({ lastVerifiedAt: first.at, copiedOffDisk: false });
    expect(onlyLocal!.message).toContain('从未另存到第二块磁盘或U盘');
    expect(onlyLocal!.message).not.toContain('超过两天');

    const extra = tempDir('centre-extra-');
    dirs.push(extra);
    await core.ok('settings.update', { changes: { backupExtraFolder: extra } }, admin);
    const second = await core.ok('backup.create', {}, admin);
    expect(second).toMatchObject({ copiedOffDisk: true, extraPath: path.join(extra, second.fileName) });
    expect(fs.existsSync(second.extraPath!)).toBe(true);
    expect(await warning()).toBeNull();
    const list = await core.ok('backup.list', {}, admin);
    expect(list).toMatchObject({ extraFolder: extra, everCopiedOffDisk: true, lastVerified: { id: second.id }, keepDaily: 30, keepMonthly: 12 });

    core.clock.advance(2 * DAY + 60_000);
    const token = (await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
    const stale = await warning(token);
    expect(stale).toMatchObject({ lastVerifiedAt: second.at, copiedOffDisk: true });
    expect(stale!.message).toContain('已超过两天');

    // A copy whose file has since been deleted does not count.
    await core.ok('backup.create', {}, token);
    expect(await warning(token)).toBeNull();
    for (const r of (await core.ok('backup.list', {}, token)).records) {
      fs.rmSync(r.path, { force: true });
      if (r.extraPath) fs.rmSync(r.extraPath, { force: true });
    }
    expect((await warning(token))!.message).toContain('还没有任何校验通过的备份');
  });
});

describe('the extra backup folder setting', () => {
  it('must be an absolute path to a folder that exists and can be written', async () => {
    core = await makeCore();
    const save = (folder: string) => core.call('settings.update', { changes: { backupExtraFolder: folder } }, core.adminToken);
    const message = async (folder: string) => {
      const r = await save(folder);
      expect(r.ok).toBe(false);
      return r.ok ? '' : `${r.error.code} ${r.error.message}`;
    };
    expect(await message('备份')).toMatch(/^VALIDATION .*不是完整路径/);
    expect(await message(path.join(core.dataDir, 'no-such-folder'))).toMatch(/^VALIDATION 找不到文件夹/);
    const file = path.join(core.dataDir, 'a-file.txt');
    fs.writeFileSync(file, 'x');
    expect(await message(file)).toMatch(/^VALIDATION .*不是文件夹/);
    expect(await message(path.join(core.dataDir, 'backups'))).toMatch(/^VALIDATION .*数据所在的文件夹/);
    if (process.getuid?.() !== 0) {
      const locked = tempDir('centre-ro-');
      dirs.push(locked);
      fs.chmodSync(locked, 0o500);
      expect(await message(locked)).toMatch(/^VALIDATION 无法在.*中写入文件/);
      fs.chmodSync(locked, 0o700);
    }
    // Empty means none, and is always accepted.
    expect((await save('')).ok).toBe(true);
    const good = tempDir('centre-extra-');
    dirs.push(good);
    expect((await save(good)).ok).toBe(true);
  });
});

describe('who may use backups', () => {
  it('is the admin only, except the public health report', async () => {
    core = await makeCore();
    const backup = await core.ok('backup.create', {}, core.adminToken);
    for (const role of ['staff', 'director', 'chair', 'finance'] as const) {
      const token = await core.tokenFor([role]);
      for (const [channel, payload] of [
        ['backup.list', {}],
        ['backup.create', {}],
        ['backup.inspect', { id: backup.id }],
        ['backup.restore', { id: backup.id, confirm: RESTORE_CONFIRMATION }],
      ] as const) {
        expect(await core.call(channel, payload, token), `${role} ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(await core.call('backup.list', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await core.call('health.status', {}, null)).toMatchObject({ ok: true, data: { status: 'ok' } });
    // Nothing was restored or copied by the refused calls.
    expect(fs.readdirSync(path.join(core.dataDir, 'backups'))).toEqual([backup.fileName]);
  });
});
