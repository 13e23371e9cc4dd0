// The relief list: one filter and order for the page, its count and its workbook, so the workbook holds
// exactly the rows the page pages through.
import type { SessionUser } from '../../../shared/contract/auth';
import type { ReliefListQuery, ReliefSort } from '../../../shared/contract/relief';
import type { ReliefSummary } from '../../../shared/contract/reliefTypes';
import { RELIEF_STATUSES } from '../../../shared/relief';
import type { Db } from '../../db/open';
import { instantRange } from '../localDays';
import { inboxCondition } from './inbox';
import { RELIEF_SELECT, toReliefSummary, type ReliefRow } from './rows';

/** Who looks: 待我审批 depends on it. Plain data, so the jobs worker can receive it. */
export type ReliefViewer = Pick<SessionUser, 'id' | 'roles'>;


// Status in the order of the workflow, not the alphabet.
const STATUS_RANK = `CASE a.status ${RELIEF_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;
const ORDER: Record<ReliefSort, string> = { createdAt: 'a.created_at', amount: 'a.amount_fen', number: 'a.number', status: STATUS_RANK };

function reliefWhere(q: ReliefListQuery, viewer: ReliefViewer): { clause: string; params: Record<string, string | number> } {
  const where: string[] = [];
  let params: Record<string, string | number> = {};
  if (q.status) (where.push('a.status = @status'), (params.status = q.status));
  if (q.category) (where.push('a.category = @category'), (params.category = q.category));
  if (q.fileId) (where.push('a.file_id = @fileId'), (params.fileId = q.fileId));
  // created_at is a UTC instant; the range is of the centre's local days.
  const { start, end } = instantRange(q.from, q.to);
  if (start) (where.push('a.created_at >= @from'), (params.from = start));
  if (end) (where.push('a.created_at < @to'), (params.to = end));
  if (q.inbox) {
    const inbox = inboxCondition(viewer);
    where.push(inbox.sql);
    params = { ...params, ...inbox.params };
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function countRelief(db: Db, q: ReliefListQuery, viewer: ReliefViewer): number {
  const w = reliefWhere(q, viewer);
  return (db.prepare(`SELECT count(*) AS n FROM relief_applications a ${w.clause}`).get(w.params) as { n: number }).n;
}

/** The applications of the filter in its order: one page of them, or all when no page is given. */
export function listRelief(db: Db, q: ReliefListQuery, viewer: ReliefViewer, page?: { page: number; pageSize: number }): ReliefSummary[] {
  const w = reliefWhere(q, viewer);
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const limit = page ? 'LIMIT @limit OFFSET @offset' : '';
  const params = page ? { ...w.params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize } : w.params;
  const rows = db.prepare(`${RELIEF_SELECT} ${w.clause} ORDER BY ${ORDER[q.sort]} ${dir}, a.id ${dir} ${limit}`).all(params) as ReliefRow[];
  return rows.map(toReliefSummary);
}
