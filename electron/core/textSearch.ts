import type { Db } from '../db/open';

/** Tables with full-text indexes from migration 0016 (`<table>_tri` and `<table>_bi`). */
export type SearchedTable = 'worker_files' | 'petitions' | 'donors';

/** The columns of each 2-gram index (the trigram index may hold more: petitions' request text). */
const BIGRAM_COLUMNS: Record<SearchedTable, readonly string[]> = {
  worker_files: ['name', 'work_unit'],
  petitions: ['visitor_name'],
  donors: ['name'],
};

const TOP = '\u{10FFFF}';

/** The end of a prefix range: `col >= term AND col < prefixTop(term)` reads the index from `term` on. */
export const prefixTop = (term: string): string => term + TOP;

/**
 * The FTS index and MATCH expression for a fragment found anywhere in a field: trigram for 3+ characters,
 * the 2-gram index for exactly 2. One character matches too much to be useful from the middle, so callers
 * search it as a prefix (surname, first character of a unit) on a B-tree instead. `columns` narrows the
 * search; a 2-character fragment is looked for only in those of them the 2-gram index holds.
 */
export function fragmentMatch(table: SearchedTable, raw: string, columns?: readonly string[]): { fts: string; match: string } | null {
  const term = raw.replace(/\s+/g, '');
  const length = [...term].length;
  if (length < 2 || !/[\p{L}\p{N}]/u.test(term)) return null;
  const phrase = `"${term.replace(/"/g, '""')}"`;
  const trigram = length >= 3;
  const searched = columns && (trigram ? columns : columns.filter((c) => BIGRAM_COLUMNS[table].includes(c)));
  if (searched && searched.length === 0) return null;
  const match = searched ? `{${searched.join(' ')}} : ${phrase}` : phrase;
  return { fts: `${table}_${trigram ? 'tri' : 'bi'}`, match };
}

/**
 * `<alias>.id IN (…)` for rows whose indexed text contains the fragment, or null when the fragment is too short.
 * Adds the MATCH expression to `params` under `key`.
 */
export function fragmentCondition(
  table: SearchedTable,
  alias: string,
  raw: string,
  params: Record<string, unknown>,
  key = 'fragment',
  columns?: readonly string[],
): string | null {
  const found = fragmentMatch(table, raw, columns);
  if (!found) return null;
  params[key] = found.match;
  return `${alias}.id IN (SELECT rowid FROM ${found.fts} WHERE ${found.fts} MATCH @${key})`;
}

/** Ids of rows containing the fragment, newest first, at most `limit`, and whether there are more. */
export function fragmentIds(db: Db, table: SearchedTable, raw: string, limit: number, columns?: readonly string[]): { ids: number[]; more: boolean } {
  const found = fragmentMatch(table, raw, columns);
  if (!found) return { ids: [], more: false };
  const rows = db
    .prepare(`SELECT rowid AS id FROM ${found.fts} WHERE ${found.fts} MATCH ? ORDER BY rowid DESC LIMIT ?`)
    .all(found.match, limit + 1) as { id: number }[];
  return { ids: rows.slice(0, limit).map((r) => r.id), more: rows.length > limit };
}

/** Counts at most `cap` rows, so a count never reads more than a page-sized slice of a big table. */
export const COUNT_CAP = 10_000;

export function boundedCount(
  db: Db,
  fromWhere: string,
  params: Record<string, unknown> | unknown[],
  cap = COUNT_CAP,
): { total: number; totalCapped: boolean } {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 ${fromWhere} LIMIT ${cap + 1})`;
  const stmt = db.prepare(sql);
  const n = (Array.isArray(params) ? stmt.get(...params) : stmt.get(params)) as { n: number };
  return n.n > cap ? { total: cap, totalCapped: true } : { total: n.n, totalCapped: false };
}
