import type { ReliefReport, ReliefReportGroup } from '../../../shared/contract/reports';
import { CAMPAIGN_REPORT_CATEGORY_LABELS, isCampaignReportCategory } from '../../../shared/campaign';
import { RELIEF_CATEGORIES, RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../shared/relief';
import type { Db } from '../../db/open';

/** The relief actually paid (a reversed payment is not), by the payment entry's date. */
const PAID = `
  FROM journal_entries e
  JOIN relief_payments p ON p.entry_id = e.id AND p.reversal_entry_id IS NULL
  JOIN relief_applications a ON a.id = p.application_id
  JOIN worker_files w ON w.id = a.file_id
  WHERE e.kind = 'relief_payment' AND e.month >= substr(@from, 1, 7) AND e.month <= substr(@to, 1, 7) AND e.date >= @from AND e.date <= @to`;

/** Campaign money actually paid (one row a recipient; one not collected is not), by the batch voucher's date. */
const CAMPAIGN_PAID = `
  FROM journal_entries e
  JOIN campaign_batches b ON b.entry_id = e.id
  JOIN campaign_payments p ON p.batch_id = b.id AND p.returned_entry_id IS NULL
  JOIN campaigns c ON c.id = b.campaign_id
  JOIN campaign_lines l ON l.id = p.line_id
  JOIN worker_files w ON w.id = l.file_id
  WHERE e.kind = 'relief_payment' AND e.month >= substr(@from, 1, 7) AND e.month <= substr(@to, 1, 7) AND e.date >= @from AND e.date <= @to`;

/** Who gave the final approval: the last 'approve' decision on the application. */
const APPROVER = `coalesce((SELECT u.display_name FROM relief_decisions d JOIN users u ON u.id = d.by_user
  WHERE d.application_id = a.id AND d.decision = 'approve' ORDER BY d.id DESC LIMIT 1), '（无记录）')`;
/** A campaign list is approved as a whole by the chair: the last chair approval. */
const CAMPAIGN_APPROVER = `coalesce((SELECT u.display_name FROM campaign_decisions d JOIN users u ON u.id = d.by_user
  WHERE d.campaign_id = c.id AND d.stage = 'chair' AND d.decision = 'approve' ORDER BY d.id DESC LIMIT 1), '（无记录）')`;

const UNIT = "CASE WHEN trim(w.work_unit) = '' THEN '（未填单位）' ELSE w.work_unit END";

/** 救助发放统计: relief and campaign money paid in a date range by category, work unit, month and approver (counts and amounts). */
export function reliefReport(db: Db, from: string, to: string): ReliefReport {
  const group = (reliefKey: string, campaignKey: string) =>
    (db
      .prepare(
        `SELECT key, count(*) AS count, sum(amount_fen) AS amount_fen FROM (
           SELECT ${reliefKey} AS key, p.amount_fen ${PAID}
           UNION ALL SELECT ${campaignKey}, p.amount_fen ${CAMPAIGN_PAID})
         GROUP BY key ORDER BY amount_fen DESC, key`,
      )
      .all({ from, to }) as { key: string; count: number; amount_fen: number }[]).map((r): ReliefReportGroup => ({ key: r.key, label: r.key, count: r.count, amountFen: r.amount_fen }));
  const total = db
    .prepare(`SELECT count(*) AS count, coalesce(sum(amount_fen), 0) AS amount_fen FROM (SELECT p.amount_fen ${PAID} UNION ALL SELECT p.amount_fen ${CAMPAIGN_PAID})`)
    .get({ from, to }) as { count: number; amount_fen: number };
  const byCategory = group('a.category', "'campaign_' || c.kind").flatMap((g): ReliefReport['byCategory'] => {
    if ((RELIEF_CATEGORIES as readonly string[]).includes(g.key)) return [{ ...g, key: g.key as ReliefCategory, label: RELIEF_CATEGORY_LABELS[g.key as ReliefCategory] }];
    return isCampaignReportCategory(g.key) ? [{ ...g, key: g.key, label: CAMPAIGN_REPORT_CATEGORY_LABELS[g.key] }] : [];
  });
  const byMonth = group('e.month', 'e.month')
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((g) => ({ ...g, label: `${g.key.slice(0, 4)}年${Number(g.key.slice(5))}月` }));
  return {
    from,
    to,
    count: total.count,
    amountFen: total.amount_fen,
    byCategory,
    byUnit: group(UNIT, UNIT),
    byMonth,
    byApprover: group(APPROVER, CAMPAIGN_APPROVER),
  };
}
