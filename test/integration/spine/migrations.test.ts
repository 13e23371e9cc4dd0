import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationRefusedError } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { DATABASE_FILE, openCore } from '../../../electron/core/open';
import { tempDir } from '../../fixtures/core';

describe('migrations', () => {
  it('builds the schema from an empty file and records each migration', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'x.sqlite'));
    const r = await migrate(db, { backupDir: dir, now: new Date() });
    expect(r.applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(r.backupFile).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect((await migrate(db, { backupDir: dir, now: new Date() })).applied).toEqual([]);
    db.close();
  });

  it('refuses a database carrying a migration this build does not know', async () => {
    const dir = tempDir();
    const app = await openCore(dir);
    app.db.prepare("INSERT INTO schema_migrations (id, applied_at) VALUES ('9999_from_the_future', 'x')").run();
    app.db.close();
    await expect(openCore(dir)).rejects.toBeInstanceOf(MigrationRefusedError);
    await expect(openCore(dir)).rejects.toThrow(/拒绝打开/);
  });

  it('backs the database up before running pending migrations, and a failing one leaves no trace', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const db = openDatabase(file);
    await migrate(db, { backupDir: dir, now: new Date() });
    const extra = [...MIGRATIONS, { id: '9000_broken', sql: 'CREATE TABLE half_done (x); INSERT INTO nowhere VALUES (1);' }];
    await expect(migrate(db, { backupDir: dir, now: new Date(), migrations: extra })).rejects.toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('before-9000_broken'));
    expect(backups.length).toBe(1);
    const copy = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    copy.close();
    db.close();
  });
});
