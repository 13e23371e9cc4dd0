import type { CampaignGrant, CampaignReport, ReportRow } from '../../../shared/contract/campaigns';
import { CAMPAIGN_GROUP_LABELS, type CampaignGroup } from '../../../shared/campaign';
import type { Db } from '../../db/open';
import { toCampaignSummary, type CampaignRow } from './rows';
import { groupsOf } from './store';

interface Agg {
  k: string;
  n: number;
  listed: number;
  paid_n: number;
  paid: number;
  ret_n: number;
  ret: number;
}

const AGG = `count(*) AS n, coalesce(sum(l.amount_fen), 0) AS listed, coalesce(sum(p.id IS NOT NULL), 0) AS paid_n, coalesce(sum(p.amount_fen), 0) AS paid,
  coalesce(sum(p.returned_entry_id IS NOT NULL), 0) AS ret_n, coalesce(sum(CASE WHEN p.returned_entry_id IS NOT NULL THEN p.amount_fen END), 0) AS ret
  FROM campaign_lines l JOIN worker_files f ON f.id = l.file_id LEFT JOIN campaign_payments p ON p.line_id = l.id WHERE l.campaign_id = ?`;

const toRow = (a: Agg, label: string, budgetFen: number | null): ReportRow => ({
  key: a.k,
  label,
  count: a.n,
  listedFen: a.listed,
  budgetFen,
  paidCount: a.paid_n,
  paidFen: a.paid,
  returnedCount: a.ret_n,
  returnedFen: a.ret,
});

export function campaignReport(db: Db, c: CampaignRow): CampaignReport {
  const groups = groupsOf(db, c.id);
  const byGroup = new Map((db.prepare(`SELECT l.grp AS k, ${AGG} GROUP BY l.grp`).all(c.id) as Agg[]).map((a) => [a.k, a]));
  const empty = (k: string): Agg => ({ k, n: 0, listed: 0, paid_n: 0, paid: 0, ret_n: 0, ret: 0 });
  const total = db.prepare(`SELECT 'total' AS k, ${AGG}`).get(c.id) as Agg;
  const t = toRow(total, '合计', c.budget_fen);
  return {
    campaign: toCampaignSummary(c),
    byGroup: groups.map((g) => toRow(byGroup.get(g.grp) ?? empty(g.grp), CAMPAIGN_GROUP_LABELS[g.grp], g.budget_fen)),
    byUnit: (db.prepare(`SELECT f.work_unit AS k, ${AGG} GROUP BY f.work_unit ORDER BY f.work_unit`).all(c.id) as Agg[]).map((a) => toRow(a, a.k, null)),
    total: t,
    usedFen: t.paidFen - t.returnedFen,
    remainingFen: c.budget_fen - (t.paidFen - t.returnedFen),
  };
}

export function grantsForFile(db: Db, fileId: number): CampaignGrant[] {
  return (
    db
      .prepare(
        `SELECT c.id, c.number, c.name, c.kind, l.grp, l.amount_fen, b.date, p.returned_entry_id FROM campaign_lines l JOIN campaigns c ON c.id = l.campaign_id
         LEFT JOIN campaign_payments p ON p.line_id = l.id LEFT JOIN campaign_batches b ON b.id = p.batch_id
         WHERE l.file_id = ? ORDER BY c.start_date DESC, c.id DESC`,
      )
      .all(fileId) as { id: number; number: string; name: string; kind: CampaignGrant['kind']; grp: CampaignGroup; amount_fen: number; date: string | null; returned_entry_id: number | null }[]
  ).map((r) => ({ campaignId: r.id, number: r.number, name: r.name, kind: r.kind, group: r.grp, amountFen: r.amount_fen, paidDate: r.date, returned: r.returned_entry_id !== null }));
}
