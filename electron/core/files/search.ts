import type { SearchHit } from '../../../shared/contract/files';
import type { Db } from '../../db/open';
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
  if (/^\d{3,17}[xX]?$/.test(trimmed) || /^\d{1,17}[xX]$/.test(trimmed)) {
    return { term: trimmed.toUpperCase(), keys: ['idNumber', 'phone'], suffix: true };
  }
  const term = normalizeSearchQuery(trimmed);
  if (!term) return null;
  if (/^[a-z]+$/.test(term)) return { term, keys: ['initials', 'pinyin'], suffix: false };
  if (/^\d+$/.test(term)) return null; // one or two digits match too much to be useful
  return { term, keys: ['name', 'workUnit'], suffix: false };
}

export function searchFiles(db: Db, q: string, limit: number): SearchHit[] {
  const plan = searchPlan(q);
  if (!plan) return [];
  const hits = new Map<number, SearchHit>();
  const reversed = [...plan.term].reverse().join('');
  const run = (key: Key, column: string, term: string) => {
    if (hits.size >= limit) return;
    const rows = db
      .prepare(
        `SELECT id, name, id_number, phone, work_unit, status FROM worker_files
         WHERE ${column} >= ? AND ${column} < ? ORDER BY ${column} LIMIT ?`,
      )
      .all(term, term + TOP, limit) as HitRow[];
    for (const r of rows) {
      if (hits.size >= limit) break;
      if (!hits.has(r.id)) {
        hits.set(r.id, { id: r.id, name: r.name, idNumber: r.id_number, phone: r.phone, workUnit: r.work_unit, status: r.status, matchedBy: key });
      }
    }
  };
  for (const key of plan.keys) {
    run(key, COLUMNS[key], plan.term);
    const suffixColumn = SUFFIX_COLUMNS[key];
    if (plan.suffix && suffixColumn) run(key, suffixColumn, reversed);
  }
  return [...hits.values()];
}
