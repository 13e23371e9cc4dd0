import type { Paged } from '../../../shared/contract/fields';
import type { PetitionSummary } from '../../../shared/contract/petitions';
import type { PetitionCategory, PetitionStatus } from '../../../shared/petition';
import type { Db } from '../../db/open';
import { boundedCount, fragmentCondition, prefixTop } from '../textSearch';
import { overdueSql } from './deadlines';
import { PETITION_SELECT, toPetitionSummary, type PetitionRow } from './rows';

export interface PetitionQuery {
  page: number;
  pageSize: number;
  status?: PetitionStatus | undefined;
  category?: PetitionCategory | undefined;
  overdueOnly: boolean;
  mineOnly: boolean;
  fileId?: number | undefined;
  q?: string | undefined;
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

/** Newest first; the count stops at a cap so a page of a big register never counts all of it. */
export function listPetitions(db: Db, q: PetitionQuery, today: string, me: number): Paged<PetitionSummary> {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  if (q.status) (where.push('p.status = @status'), (params.status = q.status));
  if (q.category) (where.push('p.category = @category'), (params.category = q.category));
  if (q.overdueOnly) where.push(overdueSql('p'));
  if (q.mineOnly) (where.push('p.handler_id = @me'), (params.me = me));
  if (q.fileId) (where.push('p.file_id = @fileId'), (params.fileId = q.fileId));
  if (q.q?.trim()) where.push(`(${petitionTextCondition(q.q, params)})`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = boundedCount(db, `FROM petitions p ${clause}`, params);
  const rows = db
    .prepare(`${PETITION_SELECT} ${clause} ORDER BY p.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as PetitionRow[];
  return { ...count, rows: rows.map((r) => toPetitionSummary(r, today)) };
}
