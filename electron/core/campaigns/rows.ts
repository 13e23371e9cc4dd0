import type { CampaignBatch, CampaignDecisionView, CampaignLine, CampaignSummary } from '../../../shared/contract/campaigns';
import type { CampaignGroup, CampaignKind, CampaignStatus, LineSource } from '../../../shared/campaign';
import { maskIdNumber } from '../../../shared/idcard';
import type { PaymentMethod } from '../../../shared/ledger';

// Row types mirror migration 0014; the mapping to contract types is here and only here.
export interface CampaignRow {
  id: number;
  number: string;
  name: string;
  kind: CampaignKind;
  start_date: string;
  end_date: string;
  fund_id: number;
  budget_fen: number;
  note: string;
  status: CampaignStatus;
  created_by: number;
  created_at: string;
  approved_date: string | null;
  fund_name: string;
  created_by_name: string;
  line_count: number;
  listed_fen: number;
  paid_fen: number;
}

export const CAMPAIGN_SELECT = `SELECT c.*, f.name AS fund_name, u.display_name AS created_by_name,
  (SELECT count(*) FROM campaign_lines l WHERE l.campaign_id = c.id) AS line_count,
  (SELECT coalesce(sum(amount_fen), 0) FROM campaign_lines l WHERE l.campaign_id = c.id) AS listed_fen,
  (SELECT coalesce(sum(total_fen), 0) FROM campaign_batches b WHERE b.campaign_id = c.id) AS paid_fen
  FROM campaigns c JOIN funds f ON f.id = c.fund_id JOIN users u ON u.id = c.created_by`;

export const toCampaignSummary = (r: CampaignRow): CampaignSummary => ({
  id: r.id,
  number: r.number,
  name: r.name,
  kind: r.kind,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
  budgetFen: r.budget_fen,
  fundName: r.fund_name,
  count: r.line_count,
  listedFen: r.listed_fen,
  paidFen: r.paid_fen,
  createdBy: r.created_by_name,
});

export interface GroupRow {
  grp: CampaignGroup;
  position: number;
  standard_fen: number;
  budget_fen: number | null;
}

export interface LineRow {
  id: number;
  campaign_id: number;
  file_id: number;
  grp: CampaignGroup;
  amount_fen: number;
  source: LineSource;
  reasons: string;
  exceptions: string;
  added_by: number;
  added_by_name: string;
  name: string;
  id_number: string;
  work_unit: string;
  bank_name: string;
  bank_card: string;
  payment_id: number | null;
  batch_number: string | null;
  batch_date: string | null;
  returned_reason: string | null;
  returned_at: string | null;
}

// A built line's reasons are its set's (migration 0024); a line added by hand or import, or built
// before that migration, holds its own.
export const LINE_SELECT = `SELECT l.id, l.campaign_id, l.file_id, l.grp, l.amount_fen, l.source,
  CASE WHEN l.reason_set_id IS NULL THEN l.reasons ELSE (SELECT s.reasons FROM campaign_reason_sets s WHERE s.id = l.reason_set_id) END AS reasons,
  l.exceptions, l.added_by, l.added_at, u.display_name AS added_by_name, f.name, f.id_number, f.work_unit, f.bank_name, f.bank_card,
  p.id AS payment_id, b.number AS batch_number, b.date AS batch_date, p.returned_reason, p.returned_at
  FROM campaign_lines l JOIN worker_files f ON f.id = l.file_id JOIN users u ON u.id = l.added_by
  LEFT JOIN campaign_payments p ON p.line_id = l.id LEFT JOIN campaign_batches b ON b.id = p.batch_id`;

export const toLine = (r: LineRow): CampaignLine => ({
  id: r.id,
  fileId: r.file_id,
  name: r.name,
  maskedIdNumber: maskIdNumber(r.id_number),
  workUnit: r.work_unit,
  group: r.grp,
  amountFen: r.amount_fen,
  source: r.source,
  reasons: JSON.parse(r.reasons) as string[],
  exceptions: JSON.parse(r.exceptions) as string[],
  addedBy: r.added_by_name,
  paid: r.batch_number && r.batch_date ? { batchNumber: r.batch_number, date: r.batch_date } : null,
  returned: r.returned_reason && r.returned_at ? { reason: r.returned_reason, at: r.returned_at } : null,
});

export interface DecisionRow {
  id: number;
  stage: CampaignDecisionView['stage'];
  decision: CampaignDecisionView['decision'];
  by_user: number;
  by_name: string;
  at: string;
  comment: string;
  total_fen: number;
  line_count: number;
}

export const toDecision = (d: DecisionRow): CampaignDecisionView => ({
  id: d.id,
  stage: d.stage,
  decision: d.decision,
  by: d.by_name,
  at: d.at,
  comment: d.comment,
  totalFen: d.total_fen,
  count: d.line_count,
});

export interface BatchRow {
  id: number;
  number: string;
  campaign_id: number;
  method: PaymentMethod;
  account_id: number;
  account_name: string;
  work_unit: string;
  entry_id: number;
  entry_number: string;
  date: string;
  total_fen: number;
  line_count: number;
  returned_fen: number;
  paid_by_name: string;
}

export const BATCH_SELECT = `SELECT b.*, a.name AS account_name, e.number AS entry_number, u.display_name AS paid_by_name,
  (SELECT coalesce(sum(p.amount_fen), 0) FROM campaign_payments p WHERE p.batch_id = b.id AND p.returned_entry_id IS NOT NULL) AS returned_fen
  FROM campaign_batches b JOIN accounts a ON a.id = b.account_id JOIN journal_entries e ON e.id = b.entry_id JOIN users u ON u.id = b.paid_by`;

export const toBatch = (b: BatchRow): CampaignBatch => ({
  id: b.id,
  number: b.number,
  method: b.method,
  accountName: b.account_name,
  workUnit: b.work_unit,
  entryNumber: b.entry_number,
  date: b.date,
  count: b.line_count,
  totalFen: b.total_fen,
  returnedFen: b.returned_fen,
  paidBy: b.paid_by_name,
});
