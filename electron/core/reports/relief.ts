import type { ReliefReport, ReliefReportGroup } from '../../../shared/contract/reports';
import { RELIEF_CATEGORIES, RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../shared/relief';
import type { Db } from '../../db/open';

/** The relief actually paid (a reversed payment is not), by the payment entry's date. */
const PAID = `
  FROM journal_entries e
  JOIN relief_payments p ON p.entry_id = e.id AND p.reversal_entry_id IS NULL
  JOIN relief_applications a ON a.id = p.application_id
  JOIN worker_files w ON w.id = a.file_id
  WHERE e.kind = 'relief_payment' AND e.month >= substr(@from, 1, 7) AND e.month <= substr(@to, 1, 7) AND e.date >= @from AND e.date <= @to`;

/** Who gave the final approval: the last 'approve' decision on the application. */
const APPROVER = `coalesce((SELECT u.display_name FROM relief_decisions d JOIN users u ON u.id = d.by_user
  WHERE d.application_id = a.id AND d.decision = 'approve' ORDER BY d.id DESC LIMIT 1), '（无记录）')`;

/** 救助发放统计: relief paid in a date range by category, work unit, month and approver (counts and amounts). */
export function reliefReport(db: Db, from: string, to: string): ReliefReport {
  const group = (keySql: string) =>
    (db.prepare(`SELECT ${keySql} AS key, count(*) AS count, sum(p.amount_fen) AS amount_fen ${PAID} GROUP BY key ORDER BY amount_fen DESC, key`).all({ from, to }) as {
      key: string;
      count: number;
      amount_fen: number;
    }[]).map((r): ReliefReportGroup => ({ key: r.key, label: r.key, count: r.count, amountFen: r.amount_fen }));
  const total = db.prepare(`SELECT count(*) AS count, coalesce(sum(p.amount_fen), 0) AS amount_fen ${PAID}`).get({ from, to }) as { count: number; amount_fen: number };
  const byCategory = group('a.category')
    .filter((g): g is ReliefReportGroup & { key: ReliefCategory } => (RELIEF_CATEGORIES as readonly string[]).includes(g.key))
    .map((g) => ({ ...g, label: RELIEF_CATEGORY_LABELS[g.key] }));
  const byMonth = group('e.month').sort((a, b) => a.key.localeCompare(b.key)).map((g) => ({ ...g, label: `${g.key.slice(0, 4)}年${Number(g.key.slice(5))}月` }));
  return {
    from,
    to,
    count: total.count,
    amountFen: total.amount_fen,
    byCategory,
    byUnit: group("CASE WHEN trim(w.work_unit) = '' THEN '（未填单位）' ELSE w.work_unit END"),
    byMonth,
    byApprover: group(APPROVER),
  };
}
