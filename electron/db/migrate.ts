import path from 'node:path';
import type { Db } from './open';
import { MIGRATIONS, type Migration } from './migrations';

export class MigrationRefusedError extends Error {}

export interface MigrateReport {
  applied: string[];
  backupFile: string | null;
}

/**
 * Applies pending migrations, each in its own transaction, after an online backup.
 * Refuses a database whose applied migrations are not a prefix of the ones this build knows
 * (it was written by a newer or different build) rather than guess at its shape.
 */
export async function migrate(
  db: Db,
  opts: { backupDir: string | null; now: Date; migrations?: readonly Migration[] },
): Promise<MigrateReport> {
  const known = opts.migrations ?? MIGRATIONS;
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = (db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as { id: string }[]).map(
    (r) => r.id,
  );
  applied.forEach((id, i) => {
    if (known[i]?.id !== id) {
      throw new MigrationRefusedError(
        `数据库由其他版本的程序写入（未知的迁移 ${id}），本程序拒绝打开它以免损坏数据。请使用更新版本的程序。`,
      );
    }
  });
  const pending = known.slice(applied.length);
  let backupFile: string | null = null;
  if (pending.length > 0 && applied.length > 0 && opts.backupDir) {
    const stamp = opts.now.toISOString().replace(/[:.]/g, '-');
    backupFile = path.join(opts.backupDir, `before-${pending[0]!.id}-${stamp}.sqlite`);
    await db.backup(backupFile);
  }
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(m.id, opts.now.toISOString());
    })();
  }
  return { applied: pending.map((m) => m.id), backupFile };
}
