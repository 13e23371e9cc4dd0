import type { ExclusionView, FileSummary, HouseholdMemberView } from '../../../shared/contract/files';
import { incomeTier, warningLevel, type MaritalStatus, type Relation, type RiskFlag } from '../../../shared/household';
import type {
  AllowanceStatus,
  EmploymentStatus,
  ExclusionKind,
  FileStatus,
  HardshipCause,
  ModelWorkerLevel,
} from '../../../shared/workerFile';

// Row types mirror the tables of migration 0002; the mapping to contract types is here and only here.
export interface WorkerFileRow {
  id: number;
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number: string;
  sex: 'male' | 'female';
  birth_date: string;
  phone: string;
  address: string;
  work_unit: string;
  base_union: string;
  employment_status: EmploymentStatus;
  model_worker_level: ModelWorkerLevel;
  allowance_status: AllowanceStatus;
  medical_insured: 0 | 1;
  disability_grade: number | null;
  marital_status: MaritalStatus;
  single_parent: 0 | 1;
  own_income_fen: number;
  household_income_fen: number;
  household_size: number;
  household_rule: string;
  per_capita_income_fen: number;
  hardship_causes: string;
  hardship_description: string;
  risk_flag: RiskFlag;
  risk_note: string;
  bank_name: string;
  bank_card: string;
  documents: string;
  status: FileStatus;
  exit_reason: string | null;
  exited_at: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
  /** Joined in by the list query. */
  excluded?: number;
}

export interface MemberRow {
  id: number;
  file_id: number;
  position: number;
  name: string;
  relation: Relation;
  id_number: string;
  monthly_income_fen: number;
  unmarried: 0 | 1 | null;
  student: 0 | 1;
  disabled: 0 | 1;
  seriously_ill: 0 | 1;
}

export interface ExclusionRow {
  id: number;
  file_id: number;
  kind: ExclusionKind;
  reason: string;
  set_by_name: string;
  set_at: string;
  cleared_by_name: string | null;
  cleared_at: string | null;
  clear_reason: string | null;
}

export function toSummary(r: WorkerFileRow, minLivingLineFen: number): FileSummary {
  return {
    id: r.id,
    name: r.name,
    idNumber: r.id_number,
    sex: r.sex,
    birthDate: r.birth_date,
    phone: r.phone,
    workUnit: r.work_unit,
    employmentStatus: r.employment_status,
    allowanceStatus: r.allowance_status,
    householdSize: r.household_size,
    perCapitaIncomeFen: r.per_capita_income_fen,
    tier: incomeTier(r.per_capita_income_fen, minLivingLineFen),
    hardshipCauses: JSON.parse(r.hardship_causes) as HardshipCause[],
    status: r.status,
    excluded: (r.excluded ?? 0) > 0,
    warning: warningLevel(r.risk_flag, r.per_capita_income_fen, minLivingLineFen),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const toMember = (m: MemberRow): HouseholdMemberView => ({
  id: m.id,
  name: m.name,
  relation: m.relation,
  idNumber: m.id_number,
  monthlyIncomeFen: m.monthly_income_fen,
  unmarried: m.unmarried === null ? null : m.unmarried === 1,
  student: m.student === 1,
  disabled: m.disabled === 1,
  seriouslyIll: m.seriously_ill === 1,
});

export const toExclusion = (e: ExclusionRow): ExclusionView => ({
  id: e.id,
  kind: e.kind,
  reason: e.reason,
  setBy: e.set_by_name,
  setAt: e.set_at,
  clearedBy: e.cleared_by_name,
  clearedAt: e.cleared_at,
  clearReason: e.clear_reason,
});
