import type { Db } from '../db/open';

/**
 * The next number of a kind in a year, e.g. 123 for the 123rd petition of 2026. Call it inside the
 * transaction that writes the numbered record: a rollback takes the number back, so there are no gaps,
 * and a committed number is never handed out again.
 */
export function nextNumber(db: Db, kind: string, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO number_sequences (kind, year, last) VALUES (?, ?, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(kind, year) as { last: number };
  return row.last;
}

/** 'XF', 2026, 123 → 'XF-2026-000123' */
export const formatNumber = (prefix: string, year: number, n: number): string => `${prefix}-${year}-${String(n).padStart(6, '0')}`;
