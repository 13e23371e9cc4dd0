import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { takeBackup } from '../../../electron/core/backup/backup';
import { listBackupFiles } from '../../../electron/core/backup/files';
import { makeCore, type TestCore } from '../../fixtures/core';
import { populate, readFile, sha256 } from './helpers';

let core: TestCore;
afterEach(() => core?.close());

describe('a backup killed half way', () => {
  it('leaves the earlier backups intact and no half file under a real name; the temp file is cleared later', async () => {
    core = await makeCore();
    await populate(core, 5, 3);
    // Some 20 MB, so the slowed copy (100 pages, then 20 ms) takes seconds.
    core.app.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, payload TEXT)');
    const insert = core.app.db.prepare('INSERT INTO scratch (payload) VALUES (?)');
    core.app.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`${i}:${'帮'.repeat(330)}`);
    })();
    const first = await takeBackup(core.app, 'daily');
    expect(first.written.verified).toBe(true);
    const firstHash = sha256(first.written.path);
    const dir = path.join(core.dataDir, 'backups');

    // Node itself with tsx as a loader: the `tsx` binary would run the worker in a grandchild that SIGKILL misses.
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/integration/backup/kill.worker.ts'), core.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the copy never started: ${err}`)), 30_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('copying')) (clearTimeout(timer), resolve());
      });
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(out).not.toContain('finished');

    // A temp file is there, under a name no listing takes for a backup; the earlier copy is untouched.
    // (with the copy's own rollback journal beside it)
    const temps = fs.readdirSync(dir).filter((f) => f.includes('.partial-'));
    expect(temps.filter((f) => !f.endsWith('-journal'))).toHaveLength(1);
    expect(listBackupFiles(dir).map((f) => f.path)).toEqual([first.written.path]);
    expect(sha256(first.written.path)).toBe(firstHash);
    expect(readFile(first.written.path, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    const list = await core.ok('backup.list', {}, core.adminToken);
    expect(list.records.map((r) => r.path)).toEqual([first.written.path]);
    // The live database is fine.
    expect(core.app.db.pragma('quick_check', { simple: true })).toBe('ok');

    // Once old, the temp file is removed by the next backup.
    const old = new Date(Date.now() - 2 * 3_600_000);
    for (const t of temps) fs.utimesSync(path.join(dir, t), old, old);
    const next = await takeBackup(core.app, 'manual');
    expect(next.written.verified).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    expect(listBackupFiles(dir)).toHaveLength(2);
  }, 60_000);
});
