import type { FileSort, FileSummary } from '../../../shared/contract/files';
import type { Paged } from '../../../shared/contract/fields';
import { lineMultipleFen, type IncomeTier } from '../../../shared/household';
import type { FileStatus, HardshipCause } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import { instantRange } from '../localDays';
import { boundedCount } from '../textSearch';
import { toSummary, type WorkerFileRow } from './rows';

/** The list's filter and order, shared by its page and its Excel export. */
export interface FileFilter {
  status?: FileStatus | undefined;
  workUnit?: string | undefined;
  tier?: IncomeTier | undefined;
  cause?: HardshipCause | undefined;
  /** Local days of 建档, both included. */
  from?: string | undefined;
  to?: string | undefined;
  sort: FileSort;
  order: 'asc' | 'desc';
}

export interface ListQuery extends FileFilter {
  page: number;
  pageSize: number;
}

// Each sort is read in order from its index (the id breaks ties, as the index does), never sorted in full.
const SORT_COLUMNS: Record<FileSort, string> = {
  updatedAt: 'f.updated_at',
  name: 'f.name_pinyin',
  perCapitaIncome: 'f.per_capita_income_fen',
  workUnit: 'f.work_unit',
  createdAt: 'f.created_at',
};

/**
 * A 建档 range holding at most this many files is read from the created_at index and its rows sorted;
 * a wider one keeps a good share of the files, so the sort's index is walked instead (as for status).
 */
const NARROW_RANGE = 20_000;
/**
 * A wide 建档 range with status, tier or cause is counted to this many: no index holds both the date and
 * those, so each counted file is a row read (the page then says "1,000+").
 */
const WIDE_RANGE_COUNT_CAP = 1_000;

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
function filterSql(q: FileFilter, lineFen: number, params: Record<string, string | number>, forPage: boolean, walkDates = forPage, forRows = forPage): string[] {
  const where: string[] = [];
  const walk = (column: string) => (forPage ? `+${column}` : column);
  const { start, end } = instantRange(q.from, q.to);
  const created = walkDates && q.sort !== 'createdAt' ? '+f.created_at' : 'f.created_at';
  if (start) (where.push(`${created} >= @createdStart`), (params.createdStart = start));
  if (end) (where.push(`${created} < @createdEnd`), (params.createdEnd = end));
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
    if (forRows) where.push('EXISTS (SELECT 1 FROM worker_file_causes c WHERE c.cause = @cause AND c.file_id = f.id)');
  }
  return where;
}

const clauseOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/**
 * Files the filter selects, counted up to `cap` from the filters' own indexes; `narrowRange` says the 建档
 * range is small, so it is the place to start (the planner would rather take status and income from their index and read every row it names).
 */
export function countFiles(db: Db, q: FileFilter, minLivingLineFen: number, cap?: number, narrowRange = false): { total: number; totalCapped: boolean } {
  const params: Record<string, string | number> = {};
  const where = filterSql(q, minLivingLineFen, params, false);
  const files = narrowRange ? 'worker_files f INDEXED BY worker_files_created' : 'worker_files f';
  // A cause is counted from its own index (cause, file_id), joined to the file only for other filters.
  let from = `FROM ${files}`;
  if (q.cause) {
    from = where.length ? `FROM worker_file_causes c JOIN ${files} ON f.id = c.file_id` : 'FROM worker_file_causes c';
    where.unshift('c.cause = @cause');
  }
  return boundedCount(db, `${from} ${clauseOf(where)}`, params, cap);
}

/** True when a 建档 range is given and holds at most `narrowRange` files (read from its index, at most that many entries). */
function isNarrow(db: Db, q: FileFilter, narrowRange: number): boolean {
  if (!q.from && !q.to) return false;
  return !countFiles(db, { from: q.from, to: q.to, sort: 'createdAt', order: 'asc' }, 0, narrowRange).totalCapped;
}

/**
 * Whether a page with a 建档 range starts from the created_at index and sorts the range's rows, rather than
 * walking the sort's index: so when the range is narrow, and for the update-time sort when the walk would
 * start at a bounded end of the range (files are mostly updated soon after they are made, so walking from
 * now towards an old range would pass most of the table first).
 */
function readsRange(q: FileFilter, narrow: boolean): boolean {
  if (!q.from && !q.to) return false;
  if (narrow || q.sort === 'createdAt') return true;
  return q.sort === 'updatedAt' && (q.order === 'desc' ? q.to !== undefined : q.from !== undefined);
}

/** The filter's rows in the list's order, a page of them or all, each with its exclusion mark. */
function fileRowsQuery(q: FileFilter, minLivingLineFen: number, paged: boolean, narrow = false): { sql: string; params: Record<string, string | number> } {
  const params: Record<string, string | number> = {};
  const fromRange = paged && readsRange(q, narrow);
  const forced = fromRange && q.sort !== 'createdAt';
  const where = filterSql(q, minLivingLineFen, params, paged, paged && !fromRange, true);
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT f.*, EXISTS (SELECT 1 FROM file_exclusions e WHERE e.file_id = f.id AND e.cleared_at IS NULL) AS excluded
       FROM worker_files f ${forced ? 'INDEXED BY worker_files_created ' : ''}${clauseOf(where)}
       ORDER BY ${SORT_COLUMNS[q.sort]} ${direction}, f.id ${direction}${paged ? ' LIMIT @limit OFFSET @offset' : ''}`;
  return { sql, params };
}

/**
 * A page of files and a count capped at COUNT_CAP, each reading only index ranges and the rows it returns.
 * `narrowRange` is the plan's threshold (tests set it to take either plan on a small table).
 */
export function listFiles(db: Db, q: ListQuery, minLivingLineFen: number, narrowRange = NARROW_RANGE): Paged<FileSummary> {
  const narrow = isNarrow(db, q, narrowRange);
  const wideWithRowFilters = (q.from || q.to) && !narrow && (q.status || q.tier || q.cause);
  const count = countFiles(db, q, minLivingLineFen, wideWithRowFilters ? WIDE_RANGE_COUNT_CAP : undefined, narrow);
  const { sql, params } = fileRowsQuery(q, minLivingLineFen, true, narrow);
  const rows = db.prepare(sql).all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as WorkerFileRow[];
  return { ...count, rows: rows.map((r) => toSummary(r, minLivingLineFen)) };
}

/** Every file the filter selects, in the list's order (the Excel export). */
export function allFiles(db: Db, q: FileFilter, minLivingLineFen: number): FileSummary[] {
  const { sql, params } = fileRowsQuery(q, minLivingLineFen, false);
  return (db.prepare(sql).all(params) as WorkerFileRow[]).map((r) => toSummary(r, minLivingLineFen));
}
