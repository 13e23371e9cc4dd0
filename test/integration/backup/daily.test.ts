import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupOnExit } from '../../../electron/core/backup/schedule';
import { listBackupFiles } from '../../../electron/core/backup/files';
import { openCore, type OpenedCore } from '../../../electron/core/open';
import { dispatch } from '../../../electron/dispatch';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
const opened: OpenedCore[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) if (app.db.open) app.db.close();
  core?.close();
});

const DAY = 86_400_000;

async function reopen(): Promise<OpenedCore> {
  if (core.app.db.open) core.app.db.close();
  for (const app of opened) if (app.db.open) app.db.close();
  const app = await openCore(core.dataDir, core.clock);
  opened.push(app);
  return app;
}

describe('automatic backups', () => {
  it('takes the daily backup at the first start of each day, not on a new empty database', async () => {
    core = await makeCore({ start: new Date('2026-11-20T00:30:00Z') }); // 08:30 in the centre
    const dir = path.join(core.dataDir, 'backups');
    expect(listBackupFiles(dir)).toEqual([]); // the first start made the database: nothing to protect yet

    const first = await reopen();
    expect(first.dailyBackup).toMatchObject({ written: { kind: 'daily', verified: true } });
    core.clock.advance(3 * 3_600_000);
    expect((await reopen()).dailyBackup).toBeNull();
    core.clock.advance(DAY);
    expect((await reopen()).dailyBackup).toMatchObject({ written: { kind: 'daily', verified: true } });
    expect(listBackupFiles(dir).map((f) => `${f.day} ${f.kind}`)).toEqual(['2026-11-20 daily', '2026-11-21 daily']);
    // Recorded in the live database, after the copy (so the copy does not hold its own row).
    const app = opened[opened.length - 1]!;
    expect(app.db.prepare("SELECT count(*) AS n FROM backups WHERE kind = 'daily' AND verified = 1").get()).toEqual({ n: 2 });
  });

  it('takes the exit backup only when something changed since the newest verified one', async () => {
    core = await makeCore();
    const app = await reopen(); // took the daily backup
    expect(await backupOnExit(app)).toContain('skipped, unchanged');
    const login = () => dispatch(app, 'auth.login', { username: 'admin', password: TEST_PASSWORD }, { token: null });
    await login(); // any write changes the audit anchor
    const line = await backupOnExit(app);
    expect(line).toMatch(/exit: .*-exit\.sqlite$/);
    expect(fs.existsSync(line.replace(/^\[backup\] exit: /, ''))).toBe(true);
    // Bounded: a copy that cannot finish in time is abandoned, leaving nothing under a backup name.
    await login();
    const before = listBackupFiles(path.join(core.dataDir, 'backups')).length;
    expect(await backupOnExit(app, -1)).toContain('exit failed');
    expect(listBackupFiles(path.join(core.dataDir, 'backups'))).toHaveLength(before);
    expect(fs.readdirSync(path.join(core.dataDir, 'backups')).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});
