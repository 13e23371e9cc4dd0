import { z } from 'zod';
import { MARITAL_STATUSES, RELATIONS, RISK_FLAGS, type IncomeTier, type MaritalStatus, type Relation, type RiskFlag, type WarningLevel, INCOME_TIERS } from '../household';
import { validateIdNumber } from '../idcard';
import {
  ALLOWANCE_STATUSES,
  EMPLOYMENT_STATUSES,
  EXCLUSION_KINDS,
  FILE_DOCUMENTS,
  FILE_STATUSES,
  HARDSHIP_CAUSES,
  MODEL_WORKER_LEVELS,
  type AllowanceStatus,
  type EmploymentStatus,
  type ExclusionKind,
  type FileDocument,
  type FileStatus,
  type HardshipCause,
  type ModelWorkerLevel,
} from '../workerFile';
import type { AuditRow } from './audit';
import { channel, type FileDownload, type PdfFile } from './define';
import { id, page, pageSize, personName, phone, type Paged } from './fields';
import { jobId } from './jobs';
import { dateRange, sortOrder } from './listQuery';

const STAFF_WRITE = ['staff', 'director'] as const;
const READERS = ['staff', 'director', 'chair', 'finance'] as const;

/** An ID number checked with GB 11643; the message says what is wrong. */
export const idNumber = z.string('请填写身份证号').superRefine((v, ctx) => {
  const r = validateIdNumber(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});
const optionalIdNumber = z.union([z.literal(''), idNumber]).optional();
const fen = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须精确到分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);

export const householdMemberInput = z
  .object({
    name: personName,
    relation: z.enum(RELATIONS, '请选择与本人关系'),
    idNumber: optionalIdNumber,
    monthlyIncomeFen: fen('成员月收入').default(0),
    unmarried: z.boolean().optional(),
    student: z.boolean().default(false),
    disabled: z.boolean().default(false),
    seriouslyIll: z.boolean().default(false),
  })
  .strict();

export const workerFileInput = z
  .object({
    name: personName,
    idNumber,
    phone,
    address: text('住址', 120).default(''),
    workUnit: text('工作单位', 60).min(1, '请填写工作单位'),
    baseUnion: text('基层工会', 60).default(''),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES, '请选择就业状况'),
    modelWorkerLevel: z.enum(MODEL_WORKER_LEVELS, '请选择劳模级别').default('none'),
    allowanceStatus: z.enum(ALLOWANCE_STATUSES, '请选择低保状况').default('none'),
    medicalInsured: z.boolean('请选择是否参加医疗保险'),
    disabilityGrade: z.number().int().min(1, '残疾等级为 1–4 级').max(4, '残疾等级为 1–4 级').nullable().default(null),
    maritalStatus: z.enum(MARITAL_STATUSES, '请选择婚姻状况'),
    singleParent: z.boolean().default(false),
    ownMonthlyIncomeFen: fen('本人月收入').default(0),
    members: z.array(householdMemberInput).max(20, '家庭成员最多 20 人').default([]),
    hardshipCauses: z.array(z.enum(HARDSHIP_CAUSES, '致困原因不正确')).min(1, '请至少选择一个致困原因').max(20, '致困原因最多选择 20 项'),
    hardshipDescription: text('困难情况', 1000).default(''),
    riskFlag: z.enum(RISK_FLAGS, '请选择预警').default('none'),
    riskNote: text('预警说明', 500).default(''),
    bankName: text('开户银行', 60).default(''),
    bankCard: z.string().trim().regex(/^(|\d{12,19})$/, '银行卡号应为 12–19 位数字').default(''),
    documents: z.array(z.enum(FILE_DOCUMENTS, '材料类型不正确')).max(50, '材料最多登记 50 项').default([]),
  })
  .strict()
  .refine((f) => f.riskFlag === 'none' || f.riskNote.length >= 2, { message: '设置红色或黄色预警时请写明原因', path: ['riskNote'] });
export type WorkerFileInput = z.input<typeof workerFileInput>;

export interface HouseholdMemberView {
  id: number;
  name: string;
  relation: Relation;
  idNumber: string;
  monthlyIncomeFen: number;
  unmarried: boolean | null;
  student: boolean;
  disabled: boolean;
  seriouslyIll: boolean;
}

export interface ExclusionView {
  id: number;
  kind: ExclusionKind;
  reason: string;
  setBy: string;
  setAt: string;
  clearedBy: string | null;
  clearedAt: string | null;
  clearReason: string | null;
}

export interface FileSummary {
  id: number;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  workUnit: string;
  employmentStatus: EmploymentStatus;
  allowanceStatus: AllowanceStatus;
  householdSize: number;
  perCapitaIncomeFen: number;
  tier: IncomeTier;
  hardshipCauses: HardshipCause[];
  status: FileStatus;
  excluded: boolean;
  /** Dynamic-management colour: red/yellow set by the clerk, orange from the income (1×–1.5× the line). */
  warning: WarningLevel | null;
  /** 建档时间 (UTC instant). */
  createdAt: string;
  updatedAt: string;
}

export interface WorkerFile extends FileSummary {
  address: string;
  baseUnion: string;
  modelWorkerLevel: ModelWorkerLevel;
  medicalInsured: boolean;
  disabilityGrade: number | null;
  maritalStatus: MaritalStatus;
  singleParent: boolean;
  ownMonthlyIncomeFen: number;
  householdIncomeFen: number;
  householdRule: string;
  minLivingLineFen: number;
  members: HouseholdMemberView[];
  hardshipDescription: string;
  riskFlag: RiskFlag;
  riskNote: string;
  bankName: string;
  bankCard: string;
  documents: FileDocument[];
  exclusions: ExclusionView[];
  exitReason: string | null;
  exitedAt: string | null;
  createdBy: string;
  history: AuditRow[];
}

export interface SearchHit {
  id: number;
  name: string;
  idNumber: string;
  phone: string;
  workUnit: string;
  status: FileStatus;
  /** Which key matched, for the hint beside the result. */
  matchedBy: 'name' | 'pinyin' | 'initials' | 'idNumber' | 'phone' | 'workUnit';
}

/** Search results, and whether more files matched than were returned (the clerk types more). */
export interface SearchResult {
  hits: SearchHit[];
  more: boolean;
}

export const FILE_SORTS = ['updatedAt', 'name', 'perCapitaIncome', 'workUnit', 'createdAt'] as const;

/** The file list's filter and order, shared by the list and its Excel export; from and to bound the 建档 day. */
export const fileListFilter = {
  status: z.enum(FILE_STATUSES).optional(),
  workUnit: z.string().max(60).optional(),
  tier: z.enum(INCOME_TIERS).optional(),
  cause: z.enum(HARDSHIP_CAUSES).optional(),
  ...dateRange,
  sort: z.enum(FILE_SORTS).default('updatedAt'),
  order: sortOrder,
};

export const fileChannels = {
  'files.create': channel<WorkerFile>()({
    title: '新建困难职工档案',
    input: workerFileInput,
    access: STAFF_WRITE,
    kind: 'write',
  }),
  'files.update': channel<WorkerFile>()({
    title: '修改困难职工档案',
    input: z.object({ id, file: workerFileInput }).strict(),
    access: STAFF_WRITE,
    kind: 'write',
  }),
  'files.get': channel<WorkerFile>()({
    title: '查看困难职工档案',
    input: z.object({ id }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'files.list': channel<Paged<FileSummary>>()({
    title: '困难职工档案列表',
    input: z
      .object({ page, pageSize, ...fileListFilter })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
  // Every row the list's filter selects, in its order, as a workbook built on the jobs worker (at most LIST_EXPORT_LIMIT rows).
  'files.exportXlsx': channel<FileDownload>()({
    title: '导出困难职工档案列表（Excel）',
    input: z.object({ ...fileListFilter, jobId: jobId.optional() }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'files.search': channel<SearchResult>()({
    title: '查找困难职工档案',
    input: z
      .object({
        q: z.string('请输入查找内容').trim().min(1, '请输入查找内容').max(40, '查找内容太长'),
        limit: z.number().int().min(1).max(50).default(10),
      })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
  'files.units': channel<string[]>()({
    title: '工作单位列表',
    input: z.object({}).strict(),
    access: READERS,
    kind: 'read',
  }),
  'files.exit': channel<WorkerFile>()({
    title: '档案脱困退出',
    input: z.object({ id, reason: text('退出原因', 500).min(2, '请写明退出原因') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'files.reactivate': channel<WorkerFile>()({
    title: '档案恢复在档',
    input: z.object({ id, reason: text('恢复原因', 500).min(2, '请写明恢复原因') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'files.setExclusion': channel<WorkerFile>()({
    title: '标记不予救助情形',
    input: z.object({ fileId: id, kind: z.enum(EXCLUSION_KINDS, '请选择情形'), reason: text('理由', 500).min(2, '请写明理由') }).strict(),
    access: STAFF_WRITE,
    kind: 'write',
  }),
  'files.clearExclusion': channel<WorkerFile>()({
    title: '解除不予救助标记',
    input: z.object({ exclusionId: id, reason: text('理由', 500).min(2, '请写明解除理由') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'files.printForm': channel<PdfFile>()({
    title: '打印困难职工档案表',
    input: z.object({ id }).strict(),
    access: READERS,
    kind: 'write', // printing full ID and bank numbers is recorded in the audit log
  }),
} as const;

export type FileSort = (typeof FILE_SORTS)[number];

/** A stored file as its input again: the edit form's start, and a revisit that changes only the household. */
export function inputOfFile(f: WorkerFile): z.output<typeof workerFileInput> {
  return {
    name: f.name,
    idNumber: f.idNumber,
    phone: f.phone,
    address: f.address,
    workUnit: f.workUnit,
    baseUnion: f.baseUnion,
    employmentStatus: f.employmentStatus,
    modelWorkerLevel: f.modelWorkerLevel,
    allowanceStatus: f.allowanceStatus,
    medicalInsured: f.medicalInsured,
    disabilityGrade: f.disabilityGrade,
    maritalStatus: f.maritalStatus,
    singleParent: f.singleParent,
    ownMonthlyIncomeFen: f.ownMonthlyIncomeFen,
    members: f.members.map((m) => ({
      name: m.name,
      relation: m.relation,
      idNumber: m.idNumber,
      monthlyIncomeFen: m.monthlyIncomeFen,
      unmarried: m.unmarried ?? undefined,
      student: m.student,
      disabled: m.disabled,
      seriouslyIll: m.seriouslyIll,
    })),
    hardshipCauses: f.hardshipCauses,
    hardshipDescription: f.hardshipDescription,
    riskFlag: f.riskFlag,
    riskNote: f.riskNote,
    bankName: f.bankName,
    bankCard: f.bankCard,
    documents: f.documents,
  };
}
