import { z } from 'zod';
import {
  APPLICANT_TYPES,
  INFRINGEMENT_TYPES,
  LEGAL_OUTCOMES,
  LEGAL_STATUSES,
  LEGAL_TARGET_KINDS,
  REFERRAL_OUTCOMES,
  type ApplicantType,
  type InfringementType,
  type LegalOutcome,
  type LegalStatus,
  type LegalTargetKind,
  type ReferralOutcome,
  type SeekerPriority,
  type VacancyStatus,
} from '../referral';
import type { EmploymentStatus, ModelWorkerLevel } from '../workerFile';
import { channel } from './define';
import { id, isoDate, page, pageSize, phone, type Paged } from './fields';

// Job referral (职业介绍) and legal aid (法律援助), DOMAIN §6.
const COUNTER = ['staff', 'director'] as const;
const READERS = ['staff', 'director', 'chair', 'finance'] as const;
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);
const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);
/** The petition (信访) a referral or case was opened from, when there is one. */
const petitionId = id.nullable().default(null);

export const vacancyInput = z
  .object({
    unit: required('用人单位', 60),
    jobType: required('工种', 30),
    headcount: z.number('请填写招用人数').int('招用人数必须是整数').min(1, '招用人数至少 1 人').max(9999, '招用人数不能超过 9999 人'),
    requirements: text('用人要求', 500).default(''),
    validUntil: isoDate,
    contact: text('联系人及电话', 60).default(''),
  })
  .strict();
export type VacancyInput = z.input<typeof vacancyInput>;

export const legalIntakeInput = z
  .object({
    /** A worker file when the applicant has one; otherwise the name (and phone) typed in. */
    fileId: id.nullable().default(null),
    applicantName: text('申请人姓名', 30).default(''),
    applicantPhone: phone,
    applicantType: z.enum(APPLICANT_TYPES, '请选择申请人身份'),
    infringementType: z.enum(INFRINGEMENT_TYPES, '请选择侵权类型'),
    respondent: text('涉及单位', 60).default(''),
    facts: text('事实经过', 2000).min(2, '请写明被侵权的事实经过'),
    petitionId,
  })
  .strict()
  .refine((v) => v.fileId !== null || v.applicantName.length > 0, { message: '请选择已建档职工，或填写申请人姓名', path: ['applicantName'] });
export type LegalIntakeInput = z.input<typeof legalIntakeInput>;

export interface Vacancy {
  id: number;
  unit: string;
  jobType: string;
  headcount: number;
  requirements: string;
  validUntil: string;
  contact: string;
  status: VacancyStatus;
  /** Open but past its valid-until date (judged on today's date). */
  expired: boolean;
  referralCount: number;
  pendingCount: number;
  hiredCount: number;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface JobSeeker {
  fileId: number;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  workUnit: string;
  employmentStatus: EmploymentStatus;
  modelWorkerLevel: ModelWorkerLevel;
  priority: SeekerPriority;
  referralCount: number;
  pendingCount: number;
  hired: boolean;
}

export interface JobReferral {
  id: number;
  fileId: number;
  workerName: string;
  workerPhone: string;
  vacancyId: number;
  unit: string;
  jobType: string;
  note: string;
  petitionId: number | null;
  petitionNumber: string | null;
  outcome: ReferralOutcome;
  outcomeNote: string;
  outcomeAt: string | null;
  outcomeBy: string | null;
  createdAt: string;
  createdBy: string;
}

export interface LegalAidCase {
  id: number;
  fileId: number | null;
  applicantName: string;
  applicantPhone: string;
  applicantType: ApplicantType;
  infringementType: InfringementType;
  respondent: string;
  facts: string;
  petitionId: number | null;
  petitionNumber: string | null;
  status: LegalStatus;
  targetKind: LegalTargetKind | null;
  targetName: string | null;
  targetContact: string | null;
  referNote: string | null;
  referredAt: string | null;
  referredBy: string | null;
  outcome: LegalOutcome | null;
  outcomeNote: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdAt: string;
  createdBy: string;
}

/** What the worker file page shows: the file's job referrals and legal-aid cases, newest first. */
export interface FileReferrals {
  jobReferrals: JobReferral[];
  legalAidCases: LegalAidCase[];
}

export const referralChannels = {
  'referrals.createVacancy': channel<Vacancy>()({
    title: '登记用人单位岗位',
    input: vacancyInput,
    access: COUNTER,
    kind: 'write',
  }),
  'referrals.updateVacancy': channel<Vacancy>()({
    title: '修改用人单位岗位',
    input: z.object({ id, vacancy: vacancyInput }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'referrals.closeVacancy': channel<Vacancy>()({
    title: '关闭用人单位岗位',
    input: z.object({ id, note: text('关闭说明', 500).default('') }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'referrals.listVacancies': channel<Paged<Vacancy>>()({
    title: '用人单位岗位列表',
    input: z
      .object({
        page,
        pageSize,
        /** Only open vacancies still within their valid-until date. */
        validOnly: z.boolean('请选择是否只看有效岗位').default(false),
        q: z.string('查找内容应为文字').trim().max(40, '查找内容太长').optional(),
      })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
  'referrals.seekers': channel<Paged<JobSeeker>>()({
    title: '求职职工列表',
    input: z
      .object({
        page,
        pageSize,
        laidOffOnly: z.boolean('请选择是否只看下岗失业职工').default(false),
        q: z.string('查找内容应为文字').trim().max(30, '查找内容太长').optional(),
      })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
  'referrals.refer': channel<JobReferral>()({
    title: '推荐就业',
    input: z.object({ fileId: id, vacancyId: id, note: text('推荐说明', 500).default(''), petitionId }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'referrals.setOutcome': channel<JobReferral>()({
    title: '登记推荐结果',
    input: z
      .object({ id, outcome: z.enum(REFERRAL_OUTCOMES, '请选择推荐结果'), note: text('结果说明', 500).default('') })
      .strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'referrals.list': channel<Paged<JobReferral>>()({
    title: '推荐就业记录',
    input: z
      .object({
        page,
        pageSize,
        fileId: id.optional(),
        vacancyId: id.optional(),
        petitionId: id.optional(),
        outcome: z.enum(REFERRAL_OUTCOMES, '推荐结果不正确').optional(),
      })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
  'referrals.forFile': channel<FileReferrals>()({
    title: '档案的职业介绍与法律援助',
    input: z.object({ fileId: id }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'legalAid.intake': channel<LegalAidCase>()({
    title: '法律援助登记',
    input: legalIntakeInput,
    access: COUNTER,
    kind: 'write',
  }),
  'legalAid.refer': channel<LegalAidCase>()({
    title: '法律援助转介',
    input: z
      .object({
        id,
        targetKind: z.enum(LEGAL_TARGET_KINDS, '请选择转介对象'),
        targetName: required('律师或法律援助机构名称', 60),
        targetContact: text('联系方式', 60).default(''),
        note: text('转介说明', 500).default(''),
      })
      .strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'legalAid.setOutcome': channel<LegalAidCase>()({
    title: '法律援助结案',
    input: z
      .object({ id, outcome: z.enum(LEGAL_OUTCOMES, '请选择办理结果'), note: text('结果说明', 1000).min(2, '请写明办理结果') })
      .strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'legalAid.list': channel<Paged<LegalAidCase>>()({
    title: '法律援助案件列表',
    input: z
      .object({
        page,
        pageSize,
        status: z.enum(LEGAL_STATUSES, '案件状态不正确').optional(),
        fileId: id.optional(),
        petitionId: id.optional(),
        q: z.string('查找内容应为文字').trim().max(30, '查找内容太长').optional(),
      })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
} as const;
