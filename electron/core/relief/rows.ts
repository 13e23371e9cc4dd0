import type { DecisionAdvice, ReliefDecisionView, ReliefFacts, ReliefSummary } from '../../../shared/contract/reliefTypes';
import type { ReliefCategory, ReliefStatus } from '../../../shared/relief';

// Row types mirror migration 0005; the mapping to contract types is here and only here.
export interface ReliefRow {
  id: number;
  number: string;
  file_id: number;
  category: ReliefCategory;
  facts_json: string;
  amount_fen: number;
  reasons: string;
  override_reason: string;
  petition_id: number | null;
  status: ReliefStatus;
  proposed_by: number;
  proposed_by_name: string;
  created_at: string;
  submitted_at: string | null;
  needs_chair: 0 | 1;
  advice_json: string | null;
  approved_date: string | null;
  notice_id: number | null;
  name: string;
  id_number: string;
  work_unit: string;
}

export interface DecisionRow {
  id: number;
  stage: ReliefDecisionView['stage'];
  decision: ReliefDecisionView['decision'];
  by_user: number;
  by_name: string;
  at: string;
  comment: string;
  amount_fen: number;
  policy_date: string;
}

export const RELIEF_SELECT = `SELECT a.*, u.display_name AS proposed_by_name, f.name, f.id_number, f.work_unit
  FROM relief_applications a JOIN users u ON u.id = a.proposed_by JOIN worker_files f ON f.id = a.file_id`;

export const parseFacts = (r: ReliefRow): ReliefFacts => JSON.parse(r.facts_json) as ReliefFacts;
export const parseAdvice = (r: ReliefRow): DecisionAdvice | null => (r.advice_json ? (JSON.parse(r.advice_json) as DecisionAdvice) : null);

export function toReliefSummary(r: ReliefRow): ReliefSummary {
  return {
    id: r.id,
    number: r.number,
    fileId: r.file_id,
    name: r.name,
    idNumber: r.id_number,
    workUnit: r.work_unit,
    category: r.category,
    amountFen: r.amount_fen,
    status: r.status,
    proposedBy: r.proposed_by_name,
    proposedById: r.proposed_by,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    needsChair: r.needs_chair === 1,
    petitionId: r.petition_id,
  };
}

export const toDecision = (d: DecisionRow): ReliefDecisionView => ({
  id: d.id,
  stage: d.stage,
  decision: d.decision,
  by: d.by_name,
  at: d.at,
  comment: d.comment,
  amountFen: d.amount_fen,
  policyEffectiveOn: d.policy_date,
});
