import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL'); // safe with WAL: a crash loses at most the last commit, never corrupts
  db.pragma('busy_timeout = 5000');
  return db;
}
