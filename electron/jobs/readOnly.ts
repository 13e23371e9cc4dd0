import Database from 'better-sqlite3';
import type { Db } from '../db/open';

/** Runs `read` in one read transaction on a fresh read-only connection (WAL: writers are not held up). */
export function readOnly<T>(dbFile: string, read: (db: Db) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.transaction(() => read(db)).deferred();
  } finally {
    db.close();
  }
}
