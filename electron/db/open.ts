import Database from 'better-sqlite3';

export type Db = Database.Database;

const STATEMENT_CACHE_LIMIT = 500;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // FULL, not NORMAL: with WAL, NORMAL may lose the last commits on a power cut (not corruption, but a
  // receipt number already printed and handed over would be given out again). FULL syncs the WAL at
  // every commit; a counter's few writes a minute do not feel the cost.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): the indexes behind the file, audit and petition lists at
  // millions of rows are tens of MiB, and a list page or count that finds its pages in memory costs
  // a fraction of one that reads them back from the OS each time. Memory is only used as pages are read.
  db.pragma('cache_size = -65536');
  cacheStatements(db);
  return db;
}

/**
 * Compiling SQL costs more than running a small indexed query, so prepare() returns a cached
 * statement for SQL text it has seen. Callers never modify statements (no pluck/raw/expand).
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      stmt = prepare(source);
      cache.set(source, stmt);
    }
    return stmt;
  }) as Db['prepare'];
}
