// Shared by the backup tests: fingerprints of a database file and ways to damage one.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../../../electron/db/open';
import { localDate } from '../../../shared/dates';
import type { TestCore } from '../../fixtures/core';
import { donor } from '../../fixtures/ledger';
import { fakeFileInputs } from '../../fixtures/files';

export function tables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
}

/** Row count of every table. */
export function rowCounts(db: Db): Record<string, number> {
  return Object.fromEntries(tables(db).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

/** The content of every table but the audit log, its anchor and the backup list (which a restore carries over). */
export function contentFingerprint(db: Db): string {
  const hash = createHash('sha256');
  for (const t of tables(db).filter((n) => !['audit_log', 'audit_anchor', 'backups'].includes(n))) {
    const rows = db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort();
    hash.update(`${t}:${rows.join('\n')}`);
  }
  return hash.digest('hex');
}

export function auditHead(db: Db): { rowCount: number; lastId: number; lastHash: string } {
  const r = db.prepare('SELECT row_count, last_id, last_hash FROM audit_anchor').get() as { row_count: number; last_id: number; last_hash: string };
  return { rowCount: r.row_count, lastId: r.last_id, lastHash: r.last_hash };
}

export function readFile<T>(file: string, read: (db: Db) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Overwrites pages in the middle of a database file with garbage: the b-tree pages of the tables the
 * data lives in (found through the copy's own schema) and the page at the middle of the file.
 */
export function corruptMiddle(file: string): void {
  const { pageSize, roots } = readFile(file, (db) => ({
    pageSize: db.pragma('page_size', { simple: true }) as number,
    roots: (db.prepare("SELECT rootpage FROM sqlite_master WHERE name IN ('worker_files', 'audit_log', 'users')").all() as { rootpage: number }[]).map((r) => r.rootpage),
  }));
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  const fd = fs.openSync(file, 'r+');
  const garbage = Buffer.alloc(pageSize, 0xa5);
  for (const p of [...roots, Math.floor(pages / 2) + 1]) fs.writeSync(fd, garbage, 0, pageSize, (p - 1) * pageSize);
  fs.closeSync(fd);
}

/** A few worker files, a donation and its receipt: rows in the tables a restore must bring back. */
export async function populate(core: TestCore, seed = 1, files = 6): Promise<void> {
  const staff = await core.tokenFor(['staff']);
  for (const f of fakeFileInputs(seed, files)) await core.ok('files.create', f, staff);
  const finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance, `捐赠单位${seed}`);
  const today = localDate(core.clock.now());
  await core.ok('ledger.donate', { donorId, date: today, amountFen: 50_000 + seed, method: 'cash', fundId: 3 }, finance);
}
