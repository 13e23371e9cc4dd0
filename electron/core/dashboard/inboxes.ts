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

/**
 * Campaign lists at `status` the user may decide: the rule of the campaign policy's 'decide'
 * (electron/core/campaigns/policy.ts) — nobody decides a list they built (created, edited, submitted, added
 * or removed a line), and the chair's approval needs someone other than the director who checked it since
 * the last submission — spelled as probes that stop at the first hit, so a long list is not read whole into
 * a set as the policy's buildersOf does. The test holds it to the policy's own answer.
 * Campaigns are few (a handful a year, not one per file), so they are read by status; the decisions are
 * searched on (campaign_id, id), the lines on (campaign_id, file_id).
 */
const CAMPAIGNS_TO_DECIDE = `SELECT count(*) AS n FROM campaigns c
  WHERE c.status = @status AND c.created_by <> @me
    AND NOT EXISTS (SELECT 1 FROM campaign_decisions d WHERE d.campaign_id = c.id AND d.by_user = @me
      AND (d.decision IN ('edit', 'submit')
        OR (@chair = 1 AND d.stage = 'director' AND d.decision = 'approve'
          AND d.id > coalesce((SELECT max(s.id) FROM campaign_decisions s WHERE s.campaign_id = c.id AND s.decision = 'submit'), 0))))
    AND NOT EXISTS (SELECT 1 FROM campaign_removals r WHERE r.campaign_id = c.id AND r.by_user = @me)
    AND NOT EXISTS (SELECT 1 FROM campaign_lines l WHERE l.campaign_id = c.id AND l.added_by = @me)`;

/** The exit proposals (解困脱困) waiting for a decision, not the caller's own: on the partial index of pending proposals. */
const EXITS_TO_DECIDE = "SELECT count(*) AS n FROM file_exit_proposals WHERE status = 'pending' AND proposed_by <> @me";

/** The approval inboxes beyond relief, each 0 for the roles that do not act on it. */
export function approvalInboxes(db: Db, user: SessionUser) {
  const count = (sql: string, params: Record<string, string | number>) => (db.prepare(sql).get(params) as { n: number }).n;
  const isDirector = user.roles.includes('director');
  return {
    campaignsToCheck: isDirector ? count(CAMPAIGNS_TO_DECIDE, { status: 'pending_director', me: user.id, chair: 0 }) : 0,
    campaignsToApprove: user.roles.includes('chair') ? count(CAMPAIGNS_TO_DECIDE, { status: 'pending_chair', me: user.id, chair: 1 }) : 0,
    exitProposalsToDecide: isDirector ? count(EXITS_TO_DECIDE, { me: user.id }) : 0,
  };
}
