import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { takeBackup } from '../../../electron/core/backup/backup';
import { listBackupFiles } from '../../../electron/core/backup/files';
import { localDate } from '../../../shared/dates';
import { makeCore, tempDir, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
let extra: string;
afterEach(() => {
  core?.close();
  fs.rmSync(extra, { recursive: true, force: true });
});

const DAY = 86_400_000;
const names = (dir: string) => listBackupFiles(dir).map((f) => `${f.day} ${f.kind}`);

describe('backup generations', () => {
  it('keeps 30 daily and 12 monthly generations in both folders, across 45 days and 14 months', async () => {
    const start = new Date('2025-01-10T01:00:00Z'); // 09:00 in the centre
    core = await makeCore({ start });
    extra = tempDir('centre-extra-');
    await core.ok('settings.update', { changes: { backupExtraFolder: extra } }, core.adminToken);
    const dir = path.join(core.dataDir, 'backups');

    const runDays: string[] = [];
    for (let i = 0; i < 45; i++) {
      core.clock.set(new Date(start.getTime() + i * DAY));
      runDays.push(localDate(core.clock.now()));
      await takeBackup(core.app, 'daily');
      // An exit copy the same evening: the newest of the day is the day's generation.
      if (i % 10 === 0) {
        core.clock.set(new Date(start.getTime() + i * DAY + 9 * 3_600_000));
        await takeBackup(core.app, 'exit');
      }
      if (i === 3) await takeBackup(core.app, 'manual');
    }
    const monthDays: string[] = [];
    for (let m = 1; m <= 14; m++) {
      core.clock.set(new Date(Date.UTC(2025, 1 + m, 15, 1)));
      monthDays.push(localDate(core.clock.now()));
      await takeBackup(core.app, 'daily');
      if (m === 13) await takeBackup(core.app, 'manual');
    }

    // 59 days with an automatic copy: the newest 30 are the 14 monthly ones and the last 16 days of the run.
    // The 12 newest months (May 2025 – April 2026) are among them. The manual copy of January 2025 is older
    // than the oldest month kept and goes; the one of March 2026 stays.
    const expected = [
      ...runDays.map((d, i) => `${d} ${i % 10 === 0 ? 'exit' : 'daily'}`).slice(29),
      ...monthDays.map((d) => `${d} daily`),
      '2026-03-15 manual',
    ].sort();
    expect(names(dir).sort()).toEqual(expected);
    expect(names(extra).sort()).toEqual(expected);
    expect(expected).toHaveLength(31);

    // The list shows exactly the files left; the pruned rows are kept, marked.
    const admin = (await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
    const list = await core.ok('backup.list', {}, admin);
    expect(list.records).toHaveLength(31);
    expect(list.records.every((r) => r.present && r.verified && r.copiedOffDisk)).toBe(true);
    const pruned = core.app.db.prepare('SELECT count(*) AS n FROM backups WHERE pruned_at IS NOT NULL').get() as { n: number };
    expect(pruned.n).toBe(45 + 5 + 14 + 2 - 31);

    // A PC clock set years ahead prunes one generation, not everything older than a month.
    core.clock.set(new Date('2031-06-01T01:00:00Z'));
    await takeBackup(core.app, 'daily');
    expect(listBackupFiles(dir)).toHaveLength(31);
  }, 60_000);

  it('never counts or prunes files that are not finished backups', async () => {
    core = await makeCore();
    extra = tempDir('centre-extra-');
    const dir = path.join(core.dataDir, 'backups');
    fs.writeFileSync(path.join(dir, 'notes.txt'), '管理员的笔记');
    fs.writeFileSync(path.join(dir, 'centre-2020-01-01T000000-daily.sqlite.partial-1-abcd'), 'half');
    await core.ok('settings.update', { changes: { backupKeepDaily: 1, backupKeepMonthly: 0 } }, core.adminToken);
    for (let i = 0; i < 3; i++) {
      core.clock.advance(DAY);
      await takeBackup(core.app, 'daily');
    }
    expect(listBackupFiles(dir)).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    // A fresh temp file may be a copy still running in another process: left alone (kill.test.ts clears old ones).
    expect(fs.existsSync(path.join(dir, 'centre-2020-01-01T000000-daily.sqlite.partial-1-abcd'))).toBe(true);
  });
});
