import type { SessionUser } from '../../../shared/contract/auth';
import type { DueNotice } from '../../../shared/contract/dashboard';
import type { Db } from '../../db/open';
import { GOODS_ISSUED_SQL } from '../materials/reliefGoods';
import { inboxCondition } from '../relief/inbox';

interface Total {
  n: number;
  fen: number;
}

const total = (db: Db, sql: string, params: Record<string, string | number> = {}): Total => db.prepare(sql).get(params) as Total;
const NONE: Total = { n: 0, fen: 0 };

/**
 * The relief inboxes of the 工作台, each a count and a money total, for the roles that act on them only:
 * approvers see what waits for their decision, the director what waits for a notice or its conclusion,
 * finance what is left to pay (the approved amount less goods already issued, as on the pay page).
 */
export function reliefInboxes(db: Db, user: SessionUser, today: string) {
  const inbox = inboxCondition(user);
  const approve = total(db, `SELECT count(*) AS n, coalesce(sum(a.amount_fen), 0) AS fen FROM relief_applications a WHERE ${inbox.sql}`, inbox.params);
  const isDirector = user.roles.includes('director');
  const awaiting = isDirector
    ? total(db, "SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS fen FROM relief_applications WHERE status = 'awaiting_notice'")
    : NONE;
  const dueNotices = isDirector ? noticesDue(db, today) : [];
  const toPay = user.roles.includes('finance')
    ? total(
        db,
        `SELECT count(*) AS n, coalesce(sum(amount_fen - goods_fen), 0) AS fen FROM (SELECT a.amount_fen, ${GOODS_ISSUED_SQL} AS goods_fen
         FROM relief_applications a WHERE a.status = 'payable'
         AND NOT EXISTS (SELECT 1 FROM relief_payments p WHERE p.application_id = a.id AND p.reversal_entry_id IS NULL)) WHERE goods_fen < amount_fen`,
      )
    : NONE;
  return {
    reliefInbox: approve.n,
    reliefInboxFen: approve.fen,
    reliefAwaitingNotice: awaiting.n,
    reliefAwaitingNoticeFen: awaiting.fen,
    noticesDue: dueNotices.length,
    noticesDueFen: dueNotices.reduce((s, n) => s + n.totalFen, 0),
    dueNotices,
    reliefToPay: toPay.n,
    reliefToPayFen: toPay.fen,
  };
}

/** Notices whose 公示 period has ended (concluding is allowed from the day after the end date) and are not yet concluded. */
function noticesDue(db: Db, today: string): DueNotice[] {
  const rows = db
    .prepare(
      `SELECT n.id, n.number, n.end_date, count(l.id) AS people,
         coalesce(sum(CASE WHEN a.status <> 'rejected' THEN a.amount_fen END), 0) AS total_fen,
         sum(CASE WHEN l.objection IS NOT NULL AND l.resolution IS NULL THEN 1 ELSE 0 END) AS objections
       FROM relief_notices n JOIN relief_notice_lines l ON l.notice_id = n.id JOIN relief_applications a ON a.id = l.application_id
       WHERE n.concluded_at IS NULL AND n.end_date < ? GROUP BY n.id ORDER BY n.end_date, n.id`,
    )
    .all(today) as { id: number; number: string; end_date: string; people: number; total_fen: number; objections: number }[];
  return rows.map((r) => ({ id: r.id, number: r.number, endDate: r.end_date, people: r.people, totalFen: r.total_fen, openObjections: r.objections }));
}
