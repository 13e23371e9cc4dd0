// The relief list: one filter and order for the page, its count and its workbook, so the workbook holds
// exactly the rows the page pages through.
import type { SessionUser } from '../../../shared/contract/auth';
import type { ReliefListQuery, ReliefSort } from '../../../shared/contract/relief';
import type { ReliefSummary } from '../../../shared/contract/reliefTypes';
import { RELIEF_STATUSES } from '../../../shared/relief';
import type { Db } from '../../db/open';
import { inboxCondition } from './inbox';
import { RELIEF_SELECT, toReliefSummary, type ReliefRow } from './rows';

/** Who looks: 待我审批 depends on it. Plain data, so the jobs worker can receive it. */
export type ReliefViewer = Pick<SessionUser, 'id' | 'roles'>;

// created_at is stored as UTC ISO; a local (UTC+8) day starts eight hours earlier.
const localDayStartUtc = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextLocalDayStartUtc = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

// Status in the order of the workflow, not the alphabet.
const STATUS_RANK = `CASE a.status ${RELIEF_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;
const ORDER: Record<ReliefSort, string> = { createdAt: 'a.created_at', amount: 'a.amount_fen', number: 'a.number', status: STATUS_RANK };

function reliefWhere(q: ReliefListQuery, viewer: ReliefViewer): { clause: string; params: Record<string, string | number> } {
  const where: string[] = [];
  let params: Record<string, string | number> = {};
  if (q.status) (where.push('a.status = @status'), (params.status = q.status));
  if (q.category) (where.push('a.category = @category'), (params.category = q.category));
  if (q.fileId) (where.push('a.file_id = @fileId'), (params.fileId = q.fileId));
  if (q.from) (where.push('a.created_at >= @from'), (params.from = localDayStartUtc(q.from)));
  if (q.to) (where.push('a.created_at < @to'), (params.to = nextLocalDayStartUtc(q.to)));
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
