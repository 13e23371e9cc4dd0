import type { Paged } from '../../../shared/contract/fields';
import type { PetitionSort, PetitionSummary } from '../../../shared/contract/petitions';
import type { PetitionCategory, PetitionStatus } from '../../../shared/petition';
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
const NEXT_DUE = `CASE p.status WHEN 'registered' THEN p.accept_due WHEN 'answered' THEN p.close_due ELSE p.answer_due END`;
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

/** A page in the chosen order (newest first by default); the count stops at a cap so a big register is never counted in full. */
export function listPetitions(db: Db, q: PetitionQuery, today: string, me: number): Paged<PetitionSummary> {
  const { clause, params } = petitionWhere(q, today, me);
  const count = boundedCount(db, `FROM petitions p ${clause}`, params);
  const rows = db
    .prepare(`${PETITION_SELECT} ${clause} ORDER BY ${orderBy(q.sort, q.order)} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as PetitionRow[];
  return { ...count, rows: rows.map((r) => toPetitionSummary(r, today)) };
}

/** Every petition the filter selects, in the list's order (the Excel export). */
export function allPetitions(db: Db, q: PetitionFilter, today: string, me: number): PetitionSummary[] {
  const { clause, params } = petitionWhere(q, today, me);
  const rows = db.prepare(`${PETITION_SELECT} ${clause} ORDER BY ${orderBy(q.sort, q.order)}`).all(params) as PetitionRow[];
  return rows.map((r) => toPetitionSummary(r, today));
}
