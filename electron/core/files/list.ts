import type { FileSort, FileSummary } from '../../../shared/contract/files';
import type { Paged } from '../../../shared/contract/fields';
import { lineMultipleFen, type IncomeTier } from '../../../shared/household';
import type { FileStatus, HardshipCause } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import { boundedCount } from '../textSearch';
import { toSummary, type WorkerFileRow } from './rows';

export interface ListQuery {
  page: number;
  pageSize: number;
  status?: FileStatus;
  workUnit?: string;
  tier?: IncomeTier;
  cause?: HardshipCause;
  sort: FileSort;
  order: 'asc' | 'desc';
}

// Each sort is read in order from its index (the id breaks ties, as the index does), never sorted in full.
const SORT_COLUMNS: Record<FileSort, string> = {
  updatedAt: 'f.updated_at',
  name: 'f.name_pinyin',
  perCapitaIncome: 'f.per_capita_income_fen',
  workUnit: 'f.work_unit',
};

/** Multiples of the line (in percent) bounding each tier: above the first, up to the second. */
const TIER_PERCENTS: Record<IncomeTier, [number | null, number | null]> = {
  le150: [null, 150],
  le200: [150, 200],
  le300: [200, 300],
  above: [300, null],
};

/**
 * A tier as a range of whole fen, so it reads the income index: incomeTier() compares fen × 100 with
 * line × percent, and for an integer fen that is fen ≤ ⌊line × percent / 100⌋.
 */
export function tierRange(tier: IncomeTier, lineFen: number): { above: number | null; upTo: number | null } {
  const bound = (percent: number | null) => (percent === null ? null : lineMultipleFen(lineFen, percent));
  const [low, high] = TIER_PERCENTS[tier];
  return { above: bound(low), upTo: bound(high) };
}

/**
 * The filters as SQL. For the page, filters other than the unit are written `+column` so the planner cannot
 * pick their index and must walk the sort's index, stopping after a page: status, tier and cause each keep
 * a good share of the files, so a page is found within a few hundred rows. The unit is selective, so its
 * index is the better start. For the count, every filter may use its index.
 */
function filterSql(q: ListQuery, lineFen: number, params: Record<string, string | number>, forPage: boolean): string[] {
  const where: string[] = [];
  const walk = (column: string) => (forPage ? `+${column}` : column);
  if (q.status) (where.push(`${walk('f.status')} = @status`), (params.status = q.status));
  if (q.workUnit) (where.push('f.work_unit = @unit'), (params.unit = q.workUnit));
  if (q.tier) {
    const { above, upTo } = tierRange(q.tier, lineFen);
    // Sorted by income, the tier is a range of the very index being walked.
    const income = forPage && q.sort !== 'perCapitaIncome' ? walk('f.per_capita_income_fen') : 'f.per_capita_income_fen';
    if (above !== null) (where.push(`${income} > @incomeAbove`), (params.incomeAbove = above));
    if (upTo !== null) (where.push(`${income} <= @incomeUpTo`), (params.incomeUpTo = upTo));
  }
  if (q.cause) {
    params.cause = q.cause;
    if (forPage) where.push('EXISTS (SELECT 1 FROM worker_file_causes c WHERE c.cause = @cause AND c.file_id = f.id)');
  }
  return where;
}

const clauseOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/** A page of files and a count capped at COUNT_CAP, each reading only index ranges and the rows it returns. */
export function listFiles(db: Db, q: ListQuery, minLivingLineFen: number): Paged<FileSummary> {
  const params: Record<string, string | number> = {};
  const pageWhere = filterSql(q, minLivingLineFen, params, true);
  const countWhere = filterSql(q, minLivingLineFen, params, false);
  // A cause is counted from its own index (cause, file_id), joined to the file only for other filters.
  let countFrom = 'FROM worker_files f';
  if (q.cause) {
    countFrom = countWhere.length ? 'FROM worker_file_causes c JOIN worker_files f ON f.id = c.file_id' : 'FROM worker_file_causes c';
    countWhere.unshift('c.cause = @cause');
  }
  const count = boundedCount(db, `${countFrom} ${clauseOf(countWhere)}`, params);
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  const rows = db
    .prepare(
      `SELECT f.*, EXISTS (SELECT 1 FROM file_exclusions e WHERE e.file_id = f.id AND e.cleared_at IS NULL) AS excluded
       FROM worker_files f ${clauseOf(pageWhere)}
       ORDER BY ${SORT_COLUMNS[q.sort]} ${direction}, f.id ${direction}
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as WorkerFileRow[];
  return { ...count, rows: rows.map((r) => toSummary(r, minLivingLineFen)) };
}
