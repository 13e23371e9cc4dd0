import type { Db } from '../../electron/db/open';

export interface Ran {
  sql: string;
  args: unknown[];
}

/** A statement run again with the arguments it was first given. */
export interface Replay {
  all(...args: unknown[]): unknown[];
}

/** Runs `call` while recording every statement the core prepares and reads from (all/get/iterate), with its arguments. */
export async function recordStatements(db: Db, call: () => Promise<unknown>): Promise<Ran[]> {
  const prepare = db.prepare;
  const seen: Ran[] = [];
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
  return seen;
}

/** The statements that read `table`. */
export const reading = (ran: Ran[], table: string): Ran[] =>
  ran.filter((s) => /^\s*(WITH|SELECT)\b/i.test(s.sql) && new RegExp(`\\b${table}\\b`).test(s.sql));
