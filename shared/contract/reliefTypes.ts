import type { Approver, ReliefCategory, ReliefStatus } from '../relief';
import type { FileDocument } from '../workerFile';

/** Facts the rules need; amounts in fen, all optional except where a category needs them. */
export interface ReliefFacts {
  medicalPersonalShareFen?: number;
  medicalAnnualSpendFen?: number;
  hospitalOwedFen?: number;
  disasterLossFen?: number;
  schoolFeesFen?: number;
  /** Both spouses laid off and no income at all (002 §三(二)1). */
  noIncome?: boolean;
  /** The centre visited the disaster site (002 §三(二)4). */
  siteVisited?: boolean;
  /** A child risks dropping out for money reasons (002 §三(二)5). */
  dropoutRisk?: boolean;
}

export type RuleOutcome = 'pass' | 'fail' | 'override' | 'warn' | 'info';

export interface FiredRule {
  id: string;
  outcome: RuleOutcome;
  /** What the rule found, in Chinese. */
  text: string;
  /** Document and section, e.g. 《帮扶中心章程》（002）第六条第1款(2). */
  source: string;
}

export interface DecisionAdvice {
  /** eligible; not_eligible (cannot be submitted); override (only with the chair's approval and a written reason). */
  verdict: 'eligible' | 'not_eligible' | 'override';
  suggestedMinFen: number | null;
  suggestedMaxFen: number | null;
  /** The most a special case may get, when the rules allow one. */
  specialMaxFen: number | null;
  approvers: Approver[];
  warnings: string[];
  rules: FiredRule[];
  noticeRequired: boolean;
}

export interface ReliefDecisionView {
  id: number;
  stage: 'director' | 'chair' | 'notice' | 'staff';
  decision: 'approve' | 'reject' | 'return' | 'submit' | 'withdraw' | 'amount_changed' | 'objection' | 'payable';
  by: string;
  at: string;
  comment: string;
  amountFen: number;
  /** The policy values the step was taken under. */
  policyEffectiveOn: string;
}

export interface ReliefDocumentView {
  doc: FileDocument;
  required: boolean;
  receivedBy: string | null;
  receivedAt: string | null;
}

export interface ReliefSummary {
  id: number;
  number: string;
  fileId: number;
  name: string;
  idNumber: string;
  workUnit: string;
  category: ReliefCategory;
  amountFen: number;
  status: ReliefStatus;
  proposedBy: string;
  proposedById: number;
  createdAt: string;
  submittedAt: string | null;
  needsChair: boolean;
  petitionId: number | null;
}

/** What the caller may do with the application now: decided by the core, rendered by the page. */
export interface ReliefPermissions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  markDocument: boolean;
  decide: boolean;
  /** For a holder of the stage's role who still may not decide (own proposal, both stages), why not. */
  decideBlockedReason: string | null;
}

export interface ReliefApplication extends ReliefSummary {
  facts: ReliefFacts;
  reasons: string;
  overrideReason: string;
  advice: DecisionAdvice;
  documents: ReliefDocumentView[];
  decisions: ReliefDecisionView[];
  noticeId: number | null;
  permissions: ReliefPermissions;
}

export interface ReliefHistoryItem {
  id: number;
  number: string;
  category: ReliefCategory;
  amountFen: number;
  status: ReliefStatus;
  decidedAt: string | null;
}
