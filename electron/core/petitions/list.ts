import type { Paged } from '../../../shared/contract/fields';
import type { PetitionSort, PetitionSummary } from '../../../shared/contract/petitions';
import { PETITION_STATUSES, type PetitionCategory, type PetitionStatus } from '../../../shared/petition';
import type { Db } from '../../db/open';
import { boundedCount, fragmentCondition, prefixTop } from '../textSearch';
import { overdueSql } from './deadlines';
import { PETITION_SELECT, toPetitionSummary, type PetitionRow } from './rows';

/** The list's filter and order, shared by its page and its Excel export. */
export interface PetitionFilter {
  status?: PetitionStatus | undefined;
  category?: PetitionCategory | undefined;
  overdueOnly: boolean;
  mineOnly: boolean;
  fileId?: number | undefined;
  q?: string | undefined;
  /** Local days of 登记, both included. */
  from?: string | undefined;
  to?: string | undefined;
  sort: PetitionSort;
  order: 'asc' | 'desc';
}

export interface PetitionQuery extends PetitionFilter {
  page: number;
  pageSize: number;
}

/**
 * The next deadline, as the list's 期限 column shows it (accept, answer or close by the status); closed petitions
 * have none. A generated column of migration 0023, read in order from its index over the open petitions.
 */
const NEXT_DUE = 'p.next_due';
const WORK_ORDER = `CASE p.status WHEN 'registered' THEN 0 WHEN 'accepted' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'answered' THEN 3 ELSE 4 END`;

/**
 * ORDER BY for each sort; the id breaks ties in the same direction; closed petitions, which have no deadline,
 * come last by 期限 either way. The list's pages read these orders from indexes (armPageIds for 期限 and 状态);
 * the export sorts its rows by them.
 */
function orderBy(sort: PetitionSort, order: 'asc' | 'desc'): string {
  const d = order === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'receivedAt':
      return `p.received_date ${d}, p.id ${d}`;
    case 'number':
      return `p.number ${d}`;
    case 'due':
      return `${NEXT_DUE} IS NULL, ${NEXT_DUE} ${d}, p.id ${d}`;
    case 'status':
      return `${WORK_ORDER} ${d}, p.id DESC`;
  }
}

/**
 * The number or the visitor's name containing `q` anywhere (full-text index); one character is a surname,
 * read as a prefix range on the name index. Neither reads the whole table.
 */
export function petitionTextCondition(q: string, params: Record<string, unknown>): string {
  const fragment = fragmentCondition('petitions', 'p', q, params, 'fragment', ['number', 'visitor_name']);
  if (fragment) return fragment;
  params.prefix = q.trim();
  params.prefixTop = prefixTop(q.trim());
  return 'p.visitor_name >= @prefix AND p.visitor_name < @prefixTop';
}

function petitionWhere(q: PetitionFilter, today: string, me: number): { clause: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  if (q.status) (where.push('p.status = @status'), (params.status = q.status));
  if (q.category) (where.push('p.category = @category'), (params.category = q.category));
  if (q.overdueOnly) where.push(overdueSql('p'));
  if (q.mineOnly) (where.push('p.handler_id = @me'), (params.me = me));
  if (q.fileId) (where.push('p.file_id = @fileId'), (params.fileId = q.fileId));
  if (q.q?.trim()) where.push(`(${petitionTextCondition(q.q, params)})`);
  if (q.from) (where.push('p.received_date >= @from'), (params.from = q.from));
  if (q.to) (where.push('p.received_date <= @to'), (params.to = q.to));
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Petitions the filter selects, counted up to `cap`. */
export function countPetitions(db: Db, q: PetitionFilter, today: string, me: number, cap?: number): { total: number; totalCapped: boolean } {
  const { clause, params } = petitionWhere(q, today, me);
  return boundedCount(db, `FROM petitions p ${clause}`, params, cap);
}

/** One arm of the order: the statuses it holds, the rows as SQL, how it orders them, and the index that has them in that order. */
interface Arm {
  statuses: readonly PetitionStatus[];
  where: string;
  index?: string;
  order: (d: 'ASC' | 'DESC') => string;
}
const OPEN = PETITION_STATUSES.filter((s) => s !== 'closed');
// Open petitions by their next deadline, walking its index (migration 0023) in order and picking the filter's
// rows out of it: at worst one pass over the open petitions, never a sort. Closed ones follow by id, from the
// (status, id, …) index.
const DUE_ARMS: readonly Arm[] = [
  { statuses: OPEN, where: "p.status <> 'closed'", index: 'petitions_next_due', order: (d) => `${NEXT_DUE} ${d}, p.id ${d}` },
  { statuses: ['closed'], where: "p.status = 'closed'", index: 'petitions_status_order', order: (d) => `p.id ${d}` },
];
// Each status group newest first, from the (status, id, …) index.
const STATUS_ARMS: readonly Arm[] = PETITION_STATUSES.map((s) => ({ statuses: [s], where: `p.status = '${s}'`, index: 'petitions_status_order', order: () => 'p.id DESC' }));

/**
 * A page of ids sorted by 期限 or 状态 without sorting the register: the arms are read one after another in
 * the order's direction, each in order from an index; an arm the page's offset passes is only counted, up to
 * the offset. Same order as orderBy(). `walkIndex`: read each arm from its index even when the planner would
 * rather gather the filter's rows another way and sort them.
 */
function armPageIds(db: Db, q: PetitionQuery, clause: string, params: Record<string, unknown>, walkIndex: boolean): number[] {
  const d = q.order === 'asc' ? 'ASC' : 'DESC';
  const ranked = q.sort === 'due' ? DUE_ARMS : STATUS_ARMS;
  const arms = q.sort === 'status' && q.order === 'desc' ? [...ranked].reverse() : ranked;
  const where = clause ? `${clause} AND` : 'WHERE';
  let offset = (q.page - 1) * q.pageSize;
  const ids: number[] = [];
  for (const a of arms) {
    if (q.status && !a.statuses.includes(q.status)) continue;
    const rowsOfArm = `${where} ${a.where}`;
    const from = `FROM petitions p ${walkIndex && a.index ? `INDEXED BY ${a.index} ` : ''}${rowsOfArm}`;
    if (offset > 0) {
      // Counting needs no order: the planner picks the narrowest index (a 登记 range, say) for it.
      const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM petitions p ${rowsOfArm} LIMIT @offset)`).get({ ...params, offset }) as { n: number }).n;
      if (n < offset) {
        offset -= n;
        continue;
      }
    }
    const rows = db.prepare(`SELECT p.id ${from} ORDER BY ${a.order(d)} LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.pageSize - ids.length, offset }) as { id: number }[];
    ids.push(...rows.map((r) => r.id));
    offset = 0;
    if (ids.length === q.pageSize) break;
  }
  return ids;
}

// The index holding each of these orders, with the columns the list filters on (migration 0023).
const ORDER_INDEX: Record<'receivedAt' | 'number', string> = { receivedAt: 'petitions_received_order', number: 'petitions_number_order' };

/**
 * A page of ids in the order of 登记 or 编号, read from the petitions alone: joined to users, the planner may
 * read the few users first and sort every petition of each (a centre with one clerk: the whole register).
 * A filter that selects more than the count's cap walks the order's index, picking its rows out of it (at
 * worst one pass over the index, never a sort of tens of thousands); fewer rows the planner may gather by the
 * filter's own index and sort.
 */
function sortedPageIds(db: Db, q: PetitionQuery, clause: string, params: Record<string, unknown>, many: boolean): number[] {
  const index = many && (q.sort === 'receivedAt' || q.sort === 'number') ? `INDEXED BY ${ORDER_INDEX[q.sort]} ` : '';
  const rows = db
    .prepare(`SELECT p.id FROM petitions p ${index}${clause} ORDER BY ${orderBy(q.sort, q.order)} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as { id: number }[];
  return rows.map((r) => r.id);
}

/** The rows of `ids`, in that order. */
function rowsOf(db: Db, ids: number[]): PetitionRow[] {
  if (ids.length === 0) return [];
  const byId = new Map((db.prepare(`${PETITION_SELECT} WHERE p.id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as PetitionRow[]).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** A page in the chosen order (newest first by default); the count stops at a cap so a big register is never counted in full. */
export function listPetitions(db: Db, q: PetitionQuery, today: string, me: number): Paged<PetitionSummary> {
  const { clause, params } = petitionWhere(q, today, me);
  const count = boundedCount(db, `FROM petitions p ${clause}`, params);
  // A page past the last row (a filter narrowed while on page 500) is empty: the count says so.
  const pastTheEnd = !count.totalCapped && (q.page - 1) * q.pageSize >= count.total;
  // The order indexes hold 状态, 类别 and 登记 too: with only those filters, walking them is at worst one pass
  // over an index. A file, a handler, a search or 只看逾期 select rows those indexes cannot see; unless they
  // are many, the planner gathers them by their own index and sorts them (at most the count's cap).
  const walkIndex = count.totalCapped || (!q.fileId && !q.mineOnly && !q.overdueOnly && !q.q?.trim());
  const ids = pastTheEnd ? [] : q.sort === 'due' || q.sort === 'status' ? armPageIds(db, q, clause, params, walkIndex) : sortedPageIds(db, q, clause, params, count.totalCapped);
  return { ...count, rows: rowsOf(db, ids).map((r) => toPetitionSummary(r, today)) };
}

/** Every petition the filter selects, in the list's order (the Excel export). */
export function allPetitions(db: Db, q: PetitionFilter, today: string, me: number): PetitionSummary[] {
  const { clause, params } = petitionWhere(q, today, me);
  const rows = db.prepare(`${PETITION_SELECT} ${clause} ORDER BY ${orderBy(q.sort, q.order)}`).all(params) as PetitionRow[];
  return rows.map((r) => toPetitionSummary(r, today));
}
