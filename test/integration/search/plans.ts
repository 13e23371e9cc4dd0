import type { Db } from '../../../electron/db/open';
import { reading, recordStatements, type Replay } from '../../bench/capture';

export interface Captured {
  sql: string;
  plan: string[];
}

/** Each statement naming `table` that `call` ran, with its EXPLAIN QUERY PLAN lines (same arguments, so the same plan). */
export async function plansDuring(db: Db, table: string, call: () => Promise<unknown>): Promise<Captured[]> {
  const ran = reading(await recordStatements(db, call), table);
  return ran.map((s) => ({
    sql: s.sql,
    plan: ((db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`) as unknown as Replay).all(...s.args) as { detail: string }[]).map((r) => r.detail),
  }));
}

/** Plan lines that read a whole table row by row: `SCAN f` with no index (virtual tables and subqueries aside). */
export const tableScans = (captured: Captured[]): string[] =>
  captured.flatMap((c) => {
    const subqueries = new Set(c.plan.flatMap((line) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)$/.exec(line)?.[1] ?? []));
    return c.plan.filter((line) => /^SCAN (\w+)$/.test(line) && !subqueries.has(line.slice(5)));
  });

/** Plan lines that sort rows the query has gathered instead of reading them in order from an index. */
export const sorts = (captured: Captured[]): string[] => captured.flatMap((c) => c.plan.filter((line) => /TEMP B-TREE FOR ORDER BY/.test(line)));

export const allLines = (captured: Captured[]): string => captured.map((c) => c.plan.join(' | ')).join('\n');
