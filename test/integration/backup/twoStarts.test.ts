import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/core/audit/chain';
import { DATABASE_FILE } from '../../../electron/core/open';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { tempDir } from '../../fixtures/core';

const run = promisify(execFile);

interface Started {
  ok: boolean;
  applied?: string[];
  backupFile?: string | null;
  health?: string;
  error?: string;
}

async function startTwo(dataDir: string): Promise<Started[]> {
  const startAt = Date.now() + 2_500;
  const worker = path.resolve('test/integration/backup/twoStarts.worker.ts');
  const tsx = path.resolve('node_modules/.bin/tsx');
  return Promise.all([0, 1].map(async () => JSON.parse((await run(tsx, [worker, dataDir, String(startAt)], { timeout: 30_000 })).stdout) as Started));
}

const applied = (dataDir: string) => {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
};

describe('two processes starting on the same data directory', () => {
  it('both start on a fresh directory; each migration is applied once', async () => {
    const dir = tempDir();
    const results = await startTwo(dir);
    expect(results.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok']);
    expect(results.every((r) => r.health === 'ok')).toBe(true);
    // Between them they applied every migration exactly once.
    const all = results.flatMap((r) => r.applied!);
    expect([...all].sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());
    expect(applied(dir)).toEqual(MIGRATIONS.map((m) => m.id));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('both start on an older database; each takes or skips its pre-migration backup without failing', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    await migrate(db, { backupDir: null, now: new Date(), migrations: MIGRATIONS.slice(0, 11) });
    db.transaction(() =>
      appendAudit(db, { at: new Date().toISOString(), userId: null, username: null, channel: 'auth.setup', outcome: 'ok', code: null, summary: '旧版本中的一条记录', entityType: null, entityId: null }),
    )();
    db.close();

    const results = await startTwo(dir);
    expect(results.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok']);
    expect(applied(dir)).toEqual(MIGRATIONS.map((m) => m.id));
    expect([...results.flatMap((r) => r.applied!)].sort()).toEqual(MIGRATIONS.slice(11).map((m) => m.id).sort());
    // Every copy taken is a finished, verified pre-migration backup, recorded in the database.
    const copies = results.map((r) => r.backupFile).filter((f): f is string => !!f);
    expect(copies.length).toBeGreaterThan(0);
    for (const f of copies) expect(path.basename(f)).toMatch(/^centre-.*-pre-migration\.sqlite$/);
    const check = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const rows = check.prepare("SELECT path, verified FROM backups WHERE kind = 'pre-migration'").all() as { path: string; verified: number }[];
    check.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.verified === 1 && fs.existsSync(r.path))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.includes('.partial-'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
