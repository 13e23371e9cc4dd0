import type { JobReferral, JobSeeker, LegalAidCase, Vacancy } from '../../../shared/contract/referrals';
import type {
  ApplicantType,
  InfringementType,
  LegalOutcome,
  LegalStatus,
  LegalTargetKind,
  ReferralOutcome,
  SeekerPriority,
  VacancyStatus,
} from '../../../shared/referral';
import type { EmploymentStatus, ModelWorkerLevel } from '../../../shared/workerFile';

// Row types mirror migration 0004; the mapping to contract types is here and only here.
export interface VacancyRow {
  id: number;
  unit: string;
  job_type: string;
  headcount: number;
  requirements: string;
  valid_until: string;
  contact: string;
  status: VacancyStatus;
  closed_at: string | null;
  closed_by: number | null;
  close_note: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
  /** Joined in by VACANCY_SELECT. */
  created_by_name: string;
  closed_by_name: string | null;
  referral_count: number;
  pending_count: number;
  hired_count: number;
}

export interface JobReferralRow {
  id: number;
  file_id: number;
  vacancy_id: number;
  note: string;
  petition_id: number | null;
  outcome: ReferralOutcome;
  outcome_note: string;
  outcome_at: string | null;
  outcome_by: number | null;
  created_at: string;
  created_by: number;
  /** Joined in by REFERRAL_SELECT. */
  worker_name: string;
  worker_phone: string;
  unit: string;
  job_type: string;
  petition_number: string | null;
  outcome_by_name: string | null;
  created_by_name: string;
}

export interface LegalAidRow {
  id: number;
  file_id: number | null;
  applicant_name: string;
  applicant_phone: string;
  applicant_type: ApplicantType;
  infringement_type: InfringementType;
  respondent: string;
  facts: string;
  petition_id: number | null;
  status: LegalStatus;
  target_kind: LegalTargetKind | null;
  target_name: string | null;
  target_contact: string | null;
  refer_note: string | null;
  referred_at: string | null;
  referred_by: number | null;
  outcome: LegalOutcome | null;
  outcome_note: string | null;
  closed_at: string | null;
  closed_by: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  /** Joined in by LEGAL_SELECT. */
  petition_number: string | null;
  referred_by_name: string | null;
  closed_by_name: string | null;
  created_by_name: string;
}

export interface SeekerRow {
  id: number;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  phone: string;
  work_unit: string;
  employment_status: EmploymentStatus;
  model_worker_level: ModelWorkerLevel;
  priority: 0 | 1 | 2;
  referral_count: number;
  pending_count: number;
  hired_count: number;
}

/** A vacancy with its names and referral counts; append WHERE/ORDER clauses on v. */
export const VACANCY_SELECT = `SELECT v.*, cu.display_name AS created_by_name, xu.display_name AS closed_by_name,
  (SELECT count(*) FROM job_referrals r WHERE r.vacancy_id = v.id) AS referral_count,
  (SELECT count(*) FROM job_referrals r WHERE r.vacancy_id = v.id AND r.outcome = 'pending') AS pending_count,
  (SELECT count(*) FROM job_referrals r WHERE r.vacancy_id = v.id AND r.outcome = 'hired') AS hired_count
FROM vacancies v
JOIN users cu ON cu.id = v.created_by
LEFT JOIN users xu ON xu.id = v.closed_by`;

/** A job referral with the worker, the vacancy and the petition number; append WHERE/ORDER clauses on r. */
export const REFERRAL_SELECT = `SELECT r.*, f.name AS worker_name, f.phone AS worker_phone, v.unit, v.job_type,
  p.number AS petition_number, ou.display_name AS outcome_by_name, cu.display_name AS created_by_name
FROM job_referrals r
JOIN worker_files f ON f.id = r.file_id
JOIN vacancies v ON v.id = r.vacancy_id
JOIN users cu ON cu.id = r.created_by
LEFT JOIN users ou ON ou.id = r.outcome_by
LEFT JOIN petitions p ON p.id = r.petition_id`;

/** A legal-aid case with names and the petition number; append WHERE/ORDER clauses on c. */
export const LEGAL_SELECT = `SELECT c.*, p.number AS petition_number, ru.display_name AS referred_by_name,
  xu.display_name AS closed_by_name, cu.display_name AS created_by_name
FROM legal_aid_cases c
JOIN users cu ON cu.id = c.created_by
LEFT JOIN users ru ON ru.id = c.referred_by
LEFT JOIN users xu ON xu.id = c.closed_by
LEFT JOIN petitions p ON p.id = c.petition_id`;

export const SEEKER_PRIORITY_BY_RANK: readonly SeekerPriority[] = ['laid_off_model_worker', 'laid_off', 'other'];

export const toVacancy = (r: VacancyRow, today: string): Vacancy => ({
  id: r.id,
  unit: r.unit,
  jobType: r.job_type,
  headcount: r.headcount,
  requirements: r.requirements,
  validUntil: r.valid_until,
  contact: r.contact,
  status: r.status,
  expired: r.status === 'open' && r.valid_until < today,
  referralCount: r.referral_count,
  pendingCount: r.pending_count,
  hiredCount: r.hired_count,
  closedAt: r.closed_at,
  closedBy: r.closed_by_name,
  closeNote: r.close_note,
  createdAt: r.created_at,
  createdBy: r.created_by_name,
  updatedAt: r.updated_at,
});

export const toJobReferral = (r: JobReferralRow): JobReferral => ({
  id: r.id,
  fileId: r.file_id,
  workerName: r.worker_name,
  workerPhone: r.worker_phone,
  vacancyId: r.vacancy_id,
  unit: r.unit,
  jobType: r.job_type,
  note: r.note,
  petitionId: r.petition_id,
  petitionNumber: r.petition_number,
  outcome: r.outcome,
  outcomeNote: r.outcome_note,
  outcomeAt: r.outcome_at,
  outcomeBy: r.outcome_by_name,
  createdAt: r.created_at,
  createdBy: r.created_by_name,
});

export const toLegalAidCase = (r: LegalAidRow): LegalAidCase => ({
  id: r.id,
  fileId: r.file_id,
  applicantName: r.applicant_name,
  applicantPhone: r.applicant_phone,
  applicantType: r.applicant_type,
  infringementType: r.infringement_type,
  respondent: r.respondent,
  facts: r.facts,
  petitionId: r.petition_id,
  petitionNumber: r.petition_number,
  status: r.status,
  targetKind: r.target_kind,
  targetName: r.target_name,
  targetContact: r.target_contact,
  referNote: r.refer_note,
  referredAt: r.referred_at,
  referredBy: r.referred_by_name,
  outcome: r.outcome,
  outcomeNote: r.outcome_note,
  closedAt: r.closed_at,
  closedBy: r.closed_by_name,
  createdAt: r.created_at,
  createdBy: r.created_by_name,
});

export const toSeeker = (r: SeekerRow): JobSeeker => ({
  fileId: r.id,
  name: r.name,
  sex: r.sex,
  birthDate: r.birth_date,
  phone: r.phone,
  workUnit: r.work_unit,
  employmentStatus: r.employment_status,
  modelWorkerLevel: r.model_worker_level,
  priority: SEEKER_PRIORITY_BY_RANK[r.priority] ?? 'other',
  referralCount: r.referral_count,
  pendingCount: r.pending_count,
  hired: r.hired_count > 0,
});
