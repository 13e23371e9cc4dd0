import type { SearchHit, SearchResult } from '../../../shared/contract/files';
import type { Db } from '../../db/open';
import { fragmentIds } from '../textSearch';
import { normalizeSearchQuery } from './pinyin';

type Key = SearchHit['matchedBy'];
// Each key is an indexed column searched as a prefix range, so a search touches only matching rows.
const COLUMNS: Record<Key, string> = {
  name: 'name',
  pinyin: 'name_pinyin',
  initials: 'name_initials',
  idNumber: 'id_number',
  phone: 'phone',
  workUnit: 'work_unit',
};
const SUFFIX_COLUMNS: Partial<Record<Key, string>> = { idNumber: 'id_number_reversed', phone: 'phone_reversed' };
const TOP = '\u{10FFFF}';

interface HitRow {
  id: number;
  name: string;
  id_number: string;
  phone: string;
  work_unit: string;
  status: SearchHit['status'];
}

/** Which keys a query can mean: digits are ID or phone fragments, letters pinyin, Han a name or unit. */
export function searchPlan(raw: string): { term: string; keys: Key[]; suffix: boolean } | null {
  const trimmed = raw.trim().replace(/\s+/g, '');
  if (/^\d{3,18}$/.test(trimmed) || /^\d{1,17}[xX]$/.test(trimmed)) {
    return { term: trimmed.toUpperCase(), keys: ['idNumber', 'phone'], suffix: true };
  }
  const term = normalizeSearchQuery(trimmed);
  if (!term) return null;
  if (/^[a-z]+$/.test(term)) return { term, keys: ['initials', 'pinyin'], suffix: false };
  if (/^\d+$/.test(term)) return null; // one or two digits match too much to be useful
  return { term, keys: ['name', 'workUnit'], suffix: false };
}

interface KeyedHitRow extends HitRow {
  key: Key;
}

/** One statement per plan: each key's index range with its own LIMIT, in priority order. */
export function searchSql(keys: Key[], suffix: boolean): string {
  const ranges: string[] = [];
  for (const key of keys) {
    ranges.push(rangeSql(key, COLUMNS[key], '@term'));
    const suffixColumn = SUFFIX_COLUMNS[key];
    if (suffix && suffixColumn) ranges.push(rangeSql(key, suffixColumn, '@reversed'));
  }
  return ranges.join(' UNION ALL ');
}

function rangeSql(key: Key, column: string, param: string): string {
  return `SELECT * FROM (SELECT id, name, id_number, phone, work_unit, status, '${key}' AS key FROM worker_files
    WHERE ${column} >= ${param} AND ${column} < ${param}Top ORDER BY ${column} LIMIT @limit)`;
}

/**
 * Prefix ranges on the indexed keys first (the best matches), then, for Han text of 2+ characters, names and
 * units containing it anywhere (full-text index, newest first). `more` says the clerk should type more.
 */
export function searchFiles(db: Db, q: string, limit: number): SearchResult {
  const plan = searchPlan(q);
  if (!plan) return { hits: [], more: false };
  const reversed = [...plan.term].reverse().join('');
  const rows = db
    .prepare(searchSql(plan.keys, plan.suffix))
    .all({ term: plan.term, termTop: plan.term + TOP, reversed, reversedTop: reversed + TOP, limit: limit + 1 }) as KeyedHitRow[];
  const hits = new Map<number, SearchHit>();
  let more = false;
  for (const r of rows) {
    if (hits.has(r.id)) continue;
    if (hits.size >= limit) {
      more = true;
      break;
    }
    hits.set(r.id, toHit(r, r.key));
  }
  if (plan.keys.includes('name')) {
    const middle = fragmentIds(db, 'worker_files', plan.term, limit);
    more ||= middle.more;
    const fresh = middle.ids.filter((id) => !hits.has(id));
    for (const r of hitRows(db, fresh)) {
      if (hits.size >= limit) {
        more = true;
        break;
      }
      hits.set(r.id, toHit(r, r.name.includes(plan.term) ? 'name' : 'workUnit'));
    }
  }
  return { hits: [...hits.values()], more };
}

function toHit(r: HitRow, key: Key): SearchHit {
  return { id: r.id, name: r.name, idNumber: r.id_number, phone: r.phone, workUnit: r.work_unit, status: r.status, matchedBy: key };
}

/** The rows for ids, in the order given. */
function hitRows(db: Db, ids: number[]): HitRow[] {
  if (ids.length === 0) return [];
  const found = db
    .prepare(`SELECT id, name, id_number, phone, work_unit, status FROM worker_files WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as HitRow[];
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
