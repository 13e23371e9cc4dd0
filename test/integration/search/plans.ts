import type { Db } from '../../../electron/db/open';

/** A statement run again with the arguments it was first given. */
interface Replay {
  all(...args: unknown[]): unknown[];
}

export interface Captured {
  sql: string;
  plan: string[];
}

/**
 * Runs `call` while recording every SELECT the core prepares and runs with its arguments, then returns each
 * statement naming `table` with its EXPLAIN QUERY PLAN lines (same arguments, so the same plan).
 */
export async function plansDuring(db: Db, table: string, call: () => Promise<unknown>): Promise<Captured[]> {
  const prepare = db.prepare;
  const seen: { sql: string; args: unknown[] }[] = [];
  db.prepare = ((sql: string) => {
    const stmt = prepare.call(db, sql);
    return new Proxy(stmt, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        const fn = value as (...a: unknown[]) => unknown;
        if (prop === 'all' || prop === 'get' || prop === 'iterate') {
          return (...args: unknown[]) => (seen.push({ sql, args }), fn.apply(target, args));
        }
        return fn.bind(target);
      },
    });
  }) as Db['prepare'];
  try {
    await call();
  } finally {
    db.prepare = prepare;
  }
  return seen
    .filter((s) => /^\s*(WITH|SELECT)\b/i.test(s.sql) && new RegExp(`\\b${table}\\b`).test(s.sql))
    .map((s) => ({
      sql: s.sql,
      plan: ((prepare.call(db, `EXPLAIN QUERY PLAN ${s.sql}`) as unknown as Replay).all(...s.args) as { detail: string }[]).map((r) => r.detail),
    }));
}

/** Plan lines that read a whole table row by row: `SCAN f` with no index (virtual tables and subqueries aside). */
export const tableScans = (captured: Captured[]): string[] => captured.flatMap((c) => c.plan.filter((line) => /^SCAN \w+$/.test(line)));

/** Plan lines that sort rows the query has gathered instead of reading them in order from an index. */
export const sorts = (captured: Captured[]): string[] => captured.flatMap((c) => c.plan.filter((line) => /TEMP B-TREE FOR ORDER BY/.test(line)));

export const allLines = (captured: Captured[]): string => captured.map((c) => c.plan.join(' | ')).join('\n');
