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

/** The next deadline, as the list's 期限 column shows it; closed petitions have none. */
const NEXT_DUE = `CASE p.status WHEN 'registered' THEN p.accept_due WHEN 'answered' THEN p.close_due WHEN 'closed' THEN NULL ELSE p.answer_due END`;
const WORK_ORDER = `CASE p.status WHEN 'registered' THEN 0 WHEN 'accepted' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'answered' THEN 3 ELSE 4 END`;

/**
 * ORDER BY for each sort; the id breaks ties in the same direction. 登记 and 编号 are read from their
 * indexes; 期限 and 状态 sort the filtered rows (closed ones, which have no deadline, last either way).
 */
function orderBy(sort: PetitionSort, order: 'asc' | 'desc'): string {
  const d = order === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'receivedAt':
      return `p.received_date ${d}, p.id ${d}`;
    case 'number':
      return `p.number ${d}`;
    case 'due':
      return `p.status = 'closed', ${NEXT_DUE} ${d}, p.id ${d}`;
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

/** One arm per status group: its rank in the order, and the deadline it is working towards. */
interface Arm {
  statuses: readonly PetitionStatus[];
  rank: number;
  due: string;
}
// Open petitions are merged by their next deadline (sorted: few at any time), closed ones follow by id.
const DUE_ARMS: readonly Arm[] = [
  { statuses: ['registered', 'accepted', 'in_progress', 'answered'], rank: 0, due: NEXT_DUE },
  { statuses: ['closed'], rank: 1, due: 'NULL' },
];
const STATUS_ARMS: readonly Arm[] = PETITION_STATUSES.map((s, rank) => ({ statuses: [s], rank, due: 'NULL' }));

/**
 * A page of ids sorted by 期限 or 状态 without sorting the whole register: the status groups are read one
 * after another in the order's direction, each from the (status, id) index or, for the open ones by
 * deadline, by sorting only their rows (few at any time); a group the page's offset passes is only counted, up
 * to the offset. Same order as orderBy().
 */
function armPageIds(db: Db, q: PetitionQuery, clause: string, params: Record<string, unknown>): number[] {
  const d = q.order === 'asc' ? 'ASC' : 'DESC';
  const ranked = q.sort === 'due' ? DUE_ARMS : STATUS_ARMS;
  const arms = q.sort === 'status' && q.order === 'desc' ? [...ranked].reverse() : ranked;
  const where = clause ? `${clause} AND` : 'WHERE';
  let offset = (q.page - 1) * q.pageSize;
  const ids: number[] = [];
  for (const a of arms) {
    const from = `FROM petitions p ${where} p.status IN (${a.statuses.map((s) => `'${s}'`).join(', ')})`;
    if (offset > 0) {
      const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT @offset)`).get({ ...params, offset }) as { n: number }).n;
      if (n < offset) {
        offset -= n;
        continue;
      }
    }
    const order = q.sort === 'due' && a.rank === 0 ? `${a.due} ${d}, p.id ${d}` : q.sort === 'due' ? `p.id ${d}` : 'p.id DESC';
    const rows = db.prepare(`SELECT p.id ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.pageSize - ids.length, offset }) as { id: number }[];
    ids.push(...rows.map((r) => r.id));
    offset = 0;
    if (ids.length === q.pageSize) break;
  }
  return ids;
}

/** A page in the chosen order (newest first by default); the count stops at a cap so a big register is never counted in full. */
export function listPetitions(db: Db, q: PetitionQuery, today: string, me: number): Paged<PetitionSummary> {
  const { clause, params } = petitionWhere(q, today, me);
  const count = boundedCount(db, `FROM petitions p ${clause}`, params);
  let rows: PetitionRow[];
  if (q.sort === 'due' || q.sort === 'status') {
    const ids = armPageIds(db, q, clause, params);
    const byId = new Map((db.prepare(`${PETITION_SELECT} WHERE p.id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as PetitionRow[]).map((r) => [r.id, r]));
    rows = ids.map((id) => byId.get(id)!);
  } else {
    rows = db
      .prepare(`${PETITION_SELECT} ${clause} ORDER BY ${orderBy(q.sort, q.order)} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as PetitionRow[];
  }
  return { ...count, rows: rows.map((r) => toPetitionSummary(r, today)) };
}

/** Every petition the filter selects, in the list's order (the Excel export). */
export function allPetitions(db: Db, q: PetitionFilter, today: string, me: number): PetitionSummary[] {
  const { clause, params } = petitionWhere(q, today, me);
  const rows = db.prepare(`${PETITION_SELECT} ${clause} ORDER BY ${orderBy(q.sort, q.order)}`).all(params) as PetitionRow[];
  return rows.map((r) => toPetitionSummary(r, today));
}
