// Measures backup and restore on a ~1 GB database (issue 11's closing note). Not part of the tests:
//   npx tsx scripts/backup-timing.ts [sizeMB]
// Builds a scratch database in a temp dir, then times each step and the event loop's longest stall.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { takeBackup, writeBackup } from '../electron/core/backup/backup';
import { backupDirOf } from '../electron/core/backup/paths';
import { restoreBackup } from '../electron/core/backup/restore';
import { backupRow } from '../electron/core/backup/store';
import { verifyCopy } from '../electron/core/backup/verify';
import { openCore } from '../electron/core/open';
import { dispatch } from '../electron/dispatch';

const targetMb = Number(process.argv[2] ?? 1024);

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  let worst = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  const out = await work();
  const ms = performance.now() - start;
  clearInterval(probe);
  console.log(`${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(7)} s   (longest event-loop stall ${(Math.max(worst, performance.now() - last) / 1000).toFixed(2)} s)`);
  return out;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'centre-timing-'));
  try {
    let app = await openCore(dir);
    const setup = await dispatch(app, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'timing-pass-1' }, { token: null });
    if (!setup.ok) throw new Error(setup.error.message);
    const rowBytes = 850;
    const rows = Math.ceil((targetMb * 1024 * 1024) / (rowBytes + 40));
    await timed(`build ${targetMb} MB scratch table (${rows} rows)`, () => {
      app.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, n INTEGER NOT NULL)');
      const insert = app.db.prepare('INSERT INTO scratch (payload, n) VALUES (?, ?)');
      const text = Buffer.alloc(rowBytes, 'x').toString();
      app.db.transaction(() => {
        for (let i = 0; i < rows; i++) insert.run(`${i}${text}`.slice(0, rowBytes), (i * 7919) % 1_000_003);
      })();
      app.db.pragma('wal_checkpoint(TRUNCATE)');
    });
    const size = fs.statSync(path.join(dir, 'centre.sqlite')).size;
    console.log(`database size ${(size / 1024 / 1024).toFixed(0)} MB`);

    const probeDir = path.join(dir, 'probe');
    const probe = await timed('online backup API copy + verify (writeBackup)', () =>
      writeBackup(app.db, { dir: probeDir, extraDir: null, kind: 'manual', at: new Date() }),
    );
    await timed('  of which: integrity_check + chain (verifyCopy)', () => verifyCopy(probe.path));
    fs.rmSync(probeDir, { recursive: true, force: true });

    const manual = await timed('backup.create end to end (copy, verify, record)', () => takeBackup(app, 'manual'));
    console.log(`backup file ${(manual.written.sizeBytes / 1024 / 1024).toFixed(0)} MB, verified ${manual.written.verified}`);

    app.db.close();
    app = await timed('openCore on the 1 GB file (quick_check, anchor, daily backup)', () => openCore(dir));
    console.log(`  daily backup taken on open: ${app.dailyBackup ? 'yes' : 'no'}`);
    app.db.close();
    app = await timed('openCore again the same day (health check only)', () => openCore(dir));

    const row = backupRow(app.db, manual.id)!;
    const result = await timed('restore end to end (verify, pre-restore backup, swap)', () => restoreBackup(app, row, null));
    console.log(`  pre-restore backup ${result.preRestoreBackup?.fileName}`);
    console.log(`backups folder: ${fs.readdirSync(backupDirOf(dir)).join(', ')}`);
    app.db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
