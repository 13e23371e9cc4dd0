import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';
import { MIGRATIONS, type Migration } from './migrations';

export class MigrationRefusedError extends Error {}

export interface MigrateReport {
  /** Migrations this call applied (another process starting at the same time may have applied the rest). */
  applied: string[];
  backupFile: string | null;
}

export interface MigrateOptions {
  /** Without `backup`: where to put the pre-migration copy (before-<id>-<stamp>.sqlite); null for none. */
  backupDir: string | null;
  now: Date;
  migrations?: readonly Migration[];
  /** Takes the pre-migration backup instead (core/backup); returns the copy's path, or throws to stop. */
  backup?: (pending: readonly Migration[]) => Promise<string | null>;
}

const appliedIds = (db: Db) => (db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);

function assertPrefix(known: readonly Migration[], applied: readonly string[]): void {
  applied.forEach((id, i) => {
    if (known[i]?.id !== id) {
      throw new MigrationRefusedError(
        `数据库由其他版本的程序写入（未知的迁移 ${id}），本程序拒绝打开它以免损坏数据。请使用更新版本的程序。`,
      );
    }
  });
}

/**
 * Applies pending migrations, each in its own transaction, after an online backup.
 * Refuses a database whose applied migrations are not a prefix of the ones this build knows
 * (it was written by a newer or different build) rather than guess at its shape.
 * Two processes may start on the same file at once: each migration is decided inside its write
 * transaction (BEGIN IMMEDIATE, schema_migrations re-read there), so the second one skips what the
 * first applied instead of failing on "table already exists".
 */
export async function migrate(db: Db, opts: MigrateOptions): Promise<MigrateReport> {
  const known = opts.migrations ?? MIGRATIONS;
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = appliedIds(db);
  assertPrefix(known, applied);
  const pending = known.slice(applied.length);
  let backupFile: string | null = null;
  // A fresh file has nothing to lose; otherwise no migration runs without a copy of what was there.
  if (pending.length > 0 && applied.length > 0) {
    if (opts.backup) backupFile = await opts.backup(pending);
    else if (opts.backupDir) backupFile = await legacyBackup(db, opts.backupDir, pending[0]!.id, opts.now);
  }
  const done: string[] = [];
  for (const m of pending) {
    const ran = db.transaction(() => {
      const now = appliedIds(db);
      assertPrefix(known, now);
      if (now.includes(m.id)) return false;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(m.id, opts.now.toISOString());
      return true;
    }).immediate();
    if (ran) done.push(m.id);
  }
  return { applied: done, backupFile };
}

/** The pre-migration copy when no backup module is given (tests of migrate alone): temp name, then rename. */
async function legacyBackup(db: Db, dir: string, firstId: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `before-${firstId}-${stamp}.sqlite`);
  const temp = `${file}.partial-${process.pid}`;
  try {
    await db.backup(temp);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  return file;
}
