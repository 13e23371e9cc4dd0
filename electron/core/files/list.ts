import type { FileSort, FileSummary } from '../../../shared/contract/files';
import type { Paged } from '../../../shared/contract/fields';
import { lineMultipleFen, type IncomeTier } from '../../../shared/household';
import type { FileStatus, HardshipCause } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import { instantRange } from '../localDays';
import { boundedCount, COUNT_CAP } from '../textSearch';
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

/** The index each sort walks: (sort column, id, then 建档, status and income where it is not the sort; migration 0022). */
const SORT_INDEXES: Record<FileSort, string> = {
  updatedAt: 'worker_files_updated',
  name: 'worker_files_pinyin',
  perCapitaIncome: 'worker_files_income',
  workUnit: 'worker_files_unit',
  createdAt: 'worker_files_created',
};

/**
 * A 建档 range holding at most this many files is read from the created_at index and its ids sorted;
 * a wider one keeps a good share of the files, so the sort's index is walked instead (as for status).
 * At least COUNT_CAP: a wider range alone is then known to hold more than the count shows.
 */
const NARROW_RANGE = 20_000;
/**
 * A wide 建档 range with status, tier or cause, or a cause with status or tier, is counted to this many (the
 * page then says "1,000+"): the count walks entries until it has this many matches, and such filters may keep
 * one file in a hundred; a cause with another filter also reads a file row, or probes the causes, per entry.
 */
const ROW_FILTERS_COUNT_CAP = 1_000;

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
 * The filters as SQL. `seek` names the columns whose index may be used; the others are written `+column`, so
 * the planner cannot start from their index and tests them on the entry of the index it walks (every sort's
 * index carries 建档, status and income). The unit, being selective, may always use its index. A cause is
 * an EXISTS on its own table, tested per entry after the others.
 */
function filterSql(q: FileFilter, lineFen: number, params: Record<string, string | number>, seek: (column: string) => boolean): string[] {
  const where: string[] = [];
  const col = (column: string) => (seek(column) ? column : `+${column}`);
  const { start, end } = instantRange(q.from, q.to);
  if (start) (where.push(`${col('f.created_at')} >= @createdStart`), (params.createdStart = start));
  if (end) (where.push(`${col('f.created_at')} < @createdEnd`), (params.createdEnd = end));
  if (q.status) (where.push(`${col('f.status')} = @status`), (params.status = q.status));
  if (q.workUnit) (where.push('f.work_unit = @unit'), (params.unit = q.workUnit));
  if (q.tier) {
    const { above, upTo } = tierRange(q.tier, lineFen);
    const income = col('f.per_capita_income_fen');
    if (above !== null) (where.push(`${income} > @incomeAbove`), (params.incomeAbove = above));
    if (upTo !== null) (where.push(`${income} <= @incomeUpTo`), (params.incomeUpTo = upTo));
  }
  if (q.cause) (where.push('EXISTS (SELECT 1 FROM worker_file_causes c WHERE c.cause = @cause AND c.file_id = f.id)'), (params.cause = q.cause));
  return where;
}

const clauseOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');
const hasRange = (q: FileFilter) => q.from !== undefined || q.to !== undefined;
const anyColumn = () => true;

/**
 * Files the filter selects, counted up to `cap`. A 建档 range (without a unit, whose index is the better
 * start) is counted from the created_at index, whose entries hold status and income and so answer every
 * filter but the cause without reading a file row; otherwise each filter may use its own index.
 */
export function countFiles(db: Db, q: FileFilter, minLivingLineFen: number, cap?: number): { total: number; totalCapped: boolean } {
  const params: Record<string, string | number> = {};
  if (hasRange(q) && !q.workUnit) {
    const where = filterSql(q, minLivingLineFen, params, (column) => column === 'f.created_at');
    return boundedCount(db, `FROM worker_files f INDEXED BY worker_files_created ${clauseOf(where)}`, params, cap);
  }
  // A cause with status or tier is probed per entry of their index (status, income): a probe of the causes is
  // cheaper than reading the file row of each of the cause's files.
  if (q.cause && (q.status || q.tier)) return boundedCount(db, `FROM worker_files f ${clauseOf(filterSql(q, minLivingLineFen, params, anyColumn))}`, params, cap);
  const where = filterSql({ ...q, cause: undefined }, minLivingLineFen, params, anyColumn);
  // A cause alone is counted from its own index (cause, file_id), joined to the file only for a unit.
  let from = 'FROM worker_files f';
  if (q.cause) {
    params.cause = q.cause;
    from = where.length ? 'FROM worker_file_causes c JOIN worker_files f ON f.id = c.file_id' : 'FROM worker_file_causes c';
    where.unshift('c.cause = @cause');
  }
  return boundedCount(db, `${from} ${clauseOf(where)}`, params, cap);
}

/** The files of the 建档 range alone, counted from its index up to `narrowRange` (no row read, no other filter). */
function rangeSize(db: Db, q: FileFilter, narrowRange: number): { total: number; totalCapped: boolean } {
  return countFiles(db, { from: q.from, to: q.to, sort: 'createdAt', order: 'asc' }, 0, narrowRange);
}

/**
 * The earliest update-time a file of the range can have: its first 建档 instant, or earlier only for a file
 * changed "before" its 建档 (a clock set back; read from the partial index of those, normally empty).
 */
function updatedFloor(db: Db, createdStart: string): string {
  // Named, or the planner takes min() from the update-time index and scans it all looking for such a file.
  const early = db.prepare('SELECT min(updated_at) AS at FROM worker_files INDEXED BY worker_files_updated_before_created WHERE updated_at < created_at').get() as { at: string | null };
  return early.at !== null && early.at < createdStart ? early.at : createdStart;
}

/**
 * The ids of one page, in order. Three plans, each reading index entries and no file row but for a cause:
 * - a unit: its index (a few hundred files), the rest tested on the rows;
 * - `fromRange`: the created_at index over the range, the matching ids sorted (a narrow range, the 建档 sort,
 *   or a range whose matches were all counted, so the walk is known to be no longer than the count was);
 * - otherwise the sort's index walked in order, every filter tested on its entry, stopping after the page
 *   (by update-time with a status, that status's part of the (status, update-time) index).
 * On the update-time walk the range also bounds update-time from below (a file is changed after its 建档).
 */
function pageIds(db: Db, q: ListQuery, lineFen: number, fromRange: boolean): number[] {
  const params: Record<string, string | number> = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const sortColumn = SORT_COLUMNS[q.sort];
  let index: string | null;
  let where: string[];
  if (q.workUnit) {
    index = null;
    where = filterSql(q, lineFen, params, (column) => column === sortColumn);
  } else if (fromRange) {
    index = SORT_INDEXES.createdAt;
    where = filterSql(q, lineFen, params, (column) => column === 'f.created_at');
  } else if (q.sort === 'updatedAt' && q.status) {
    index = 'worker_files_status_updated';
    where = filterSql(q, lineFen, params, (column) => column === 'f.status');
    const { start } = instantRange(q.from, q.to);
    if (start) (where.push('f.updated_at >= @updatedFloor'), (params.updatedFloor = updatedFloor(db, start)));
  } else {
    index = SORT_INDEXES[q.sort];
    where = filterSql(q, lineFen, params, (column) => column === sortColumn);
    const { start } = instantRange(q.from, q.to);
    if (q.sort === 'updatedAt' && start) (where.push('f.updated_at >= @updatedFloor'), (params.updatedFloor = updatedFloor(db, start)));
  }
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT f.id FROM worker_files f ${index ? `INDEXED BY ${index} ` : ''}${clauseOf(where)}
       ORDER BY ${sortColumn} ${direction}, f.id ${direction} LIMIT @limit OFFSET @offset`;
  return (db.prepare(sql).all(params) as { id: number }[]).map((r) => r.id);
}

/** The filter's rows in the list's order, all of them, each with its exclusion mark (the Excel export). */
function fileRowsQuery(q: FileFilter, minLivingLineFen: number): { sql: string; params: Record<string, string | number> } {
  const params: Record<string, string | number> = {};
  const where = filterSql(q, minLivingLineFen, params, anyColumn);
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT f.*, EXISTS (SELECT 1 FROM file_exclusions e WHERE e.file_id = f.id AND e.cleared_at IS NULL) AS excluded
       FROM worker_files f ${clauseOf(where)}
       ORDER BY ${SORT_COLUMNS[q.sort]} ${direction}, f.id ${direction}`;
  return { sql, params };
}

/** How a page is found: chosen from the range's size and the count, or set by tests to compare the two. */
export type PagePlan = 'walk' | 'range';

/**
 * A page of files and a count capped at COUNT_CAP, each reading only index entries and the rows it returns.
 * With a 建档 range (and no unit) the page sorts the range's matching ids when the range is narrow, when the
 * sort is 建档 itself, or when the count found every match (so it read the range's entries once already and
 * sorting them costs no more); otherwise it walks the sort's index.
 */
export function listFiles(db: Db, q: ListQuery, minLivingLineFen: number, plan?: PagePlan): Paged<FileSummary> {
  const range = hasRange(q) && !q.workUnit;
  let narrow = false;
  let count: { total: number; totalCapped: boolean } | undefined;
  const rowFilters = range ? q.status || q.tier || q.cause : !q.workUnit && q.cause && (q.status || q.tier);
  if (range) {
    const size = rangeSize(db, q, NARROW_RANGE);
    narrow = !size.totalCapped;
    // The range alone was just counted (a wide one holds more than COUNT_CAP files).
    if (!rowFilters) count = { total: Math.min(size.total, COUNT_CAP), totalCapped: size.totalCapped || size.total > COUNT_CAP };
  }
  // A narrow range is counted in full (at most NARROW_RANGE entries); a wide one with row filters to 1,000.
  count ??= countFiles(db, q, minLivingLineFen, rowFilters && !narrow ? ROW_FILTERS_COUNT_CAP : undefined);
  const fromRange = range && (plan ? plan === 'range' : narrow || q.sort === 'createdAt' || !count.totalCapped);
  // The pager stops at the count (capped: narrow the filter or export the rest), so a page past it is not read:
  // at an offset of hundreds of thousands the walk would pass as many index entries.
  if ((q.page - 1) * q.pageSize >= count.total) return { ...count, rows: [] };
  const ids = pageIds(db, q, minLivingLineFen, fromRange);
  if (ids.length === 0) return { ...count, rows: [] };
  const rows = db
    .prepare(
      `SELECT f.*, EXISTS (SELECT 1 FROM file_exclusions e WHERE e.file_id = f.id AND e.cleared_at IS NULL) AS excluded
       FROM worker_files f WHERE f.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as WorkerFileRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { ...count, rows: ids.map((id) => toSummary(byId.get(id)!, minLivingLineFen)) };
}

/** Every file the filter selects, in the list's order (the Excel export). */
export function allFiles(db: Db, q: FileFilter, minLivingLineFen: number): FileSummary[] {
  const { sql, params } = fileRowsQuery(q, minLivingLineFen);
  return (db.prepare(sql).all(params) as WorkerFileRow[]).map((r) => toSummary(r, minLivingLineFen));
}
