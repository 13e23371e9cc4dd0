import type { Db } from '../../db/open';
import { instantRange } from '../localDays';

/** The filters the audit page offers, shared by its list and its Excel export. */
export interface AuditFilter {
  channel?: string;
  username?: string;
  outcome?: 'ok' | 'refused';
  /** Local (UTC+8) calendar days, both included. */
  from?: string;
  to?: string;
  /** By time: newest first (desc, the default) or oldest first. */
  order?: 'asc' | 'desc';
}

/** The one order of the list and its workbook: by time, then id (a clock set back can put an older time on a later row). */
export const auditOrderBy = (q: AuditFilter): string => (q.order === 'asc' ? 'ORDER BY at ASC, id ASC' : 'ORDER BY at DESC, id DESC');

export function auditWhere(q: AuditFilter): { clause: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.channel) (where.push('channel = ?'), args.push(q.channel));
  if (q.username) (where.push('username = ?'), args.push(q.username));
  if (q.outcome) (where.push('outcome = ?'), args.push(q.outcome));
  // at is a UTC instant; the range is of the centre's local days.
  const { start, end } = instantRange(q.from, q.to);
  if (start) (where.push('at >= ?'), args.push(start));
  if (end) (where.push('at < ?'), args.push(end));
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

export const countAudit = (db: Db, q: AuditFilter): number => {
  const { clause, args } = auditWhere(q);
  return (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...args) as { n: number }).n;
};
