import { z } from 'zod';
import { RELIEF_CATEGORIES, RELIEF_STATUSES } from '../relief';
import { FILE_DOCUMENTS } from '../workerFile';
import { channel, type FileDownload, type PdfFile } from './define';
import { jobId } from './jobs';
import { dateRange, sortOrder } from './listQuery';
import { id, isoDate, page, pageSize, type Paged } from './fields';
import type { DecisionAdvice, ReliefApplication, ReliefHistoryItem, ReliefSummary } from './reliefTypes';

const PROPOSERS = ['staff', 'director'] as const;
const READERS = ['staff', 'director', 'chair', 'finance'] as const;
const fen = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须精确到分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);

export const reliefFacts = z
  .object({
    medicalPersonalShareFen: fen('大病个人负担').optional(),
    medicalAnnualSpendFen: fen('年度医药费总支出').optional(),
    hospitalOwedFen: fen('积欠住院费').optional(),
    disasterLossFen: fen('灾害损失').optional(),
    schoolFeesFen: fen('学费').optional(),
    noIncome: z.boolean().optional(),
    siteVisited: z.boolean().optional(),
    dropoutRisk: z.boolean().optional(),
  })
  .strict();

export const reliefInput = z
  .object({
    fileId: id,
    category: z.enum(RELIEF_CATEGORIES, '请选择救助类别'),
    facts: reliefFacts.default({}),
    amountFen: fen('申请金额').min(1, '请填写申请金额'),
    reasons: text('申请理由', 2000).min(2, '请填写申请理由'),
    /** Required when a rule must be overridden: the chair decides on this written reason. */
    overrideReason: text('例外理由', 1000).default(''),
    petitionId: id.nullable().default(null),
  })
  .strict();

export const RELIEF_SORTS = ['createdAt', 'amount', 'number', 'status'] as const;
export type ReliefSort = (typeof RELIEF_SORTS)[number];

/** The relief list's filter and order, shared by the list and its workbook; from/to bound 申请日期 (local days, included). */
const reliefListQuery = {
  status: z.enum(RELIEF_STATUSES).optional(),
  category: z.enum(RELIEF_CATEGORIES).optional(),
  fileId: id.optional(),
  /** Only what waits for the caller's decision (待我审批). */
  inbox: z.boolean().default(false),
  ...dateRange,
  sort: z.enum(RELIEF_SORTS).default('createdAt'),
  order: sortOrder,
};
export type ReliefListQuery = z.output<z.ZodObject<typeof reliefListQuery>>;

export const reliefChannels = {
  'relief.advise': channel<DecisionAdvice>()({
    title: '救助政策预审',
    input: reliefInput.omit({ reasons: true, petitionId: true }).extend({ applicationId: id.nullable().default(null) }),
    access: READERS,
    kind: 'read',
  }),
  'relief.create': channel<ReliefApplication>()({
    title: '新建救助申请',
    input: reliefInput,
    access: PROPOSERS,
    kind: 'write',
  }),
  'relief.update': channel<ReliefApplication>()({
    title: '修改救助申请',
    input: z.object({ id, application: reliefInput.omit({ fileId: true, petitionId: true }) }).strict(),
    access: PROPOSERS,
    kind: 'write',
  }),
  'relief.get': channel<ReliefApplication>()({
    title: '查看救助申请',
    input: z.object({ id }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'relief.list': channel<Paged<ReliefSummary>>()({
    title: '救助申请列表',
    input: z.object({ page, pageSize, ...reliefListQuery }).strict(),
    access: READERS,
    kind: 'read',
  }),
  // Every row of the list's current filter, in its order, as a workbook (built on the jobs worker).
  'relief.exportXlsx': channel<FileDownload>()({
    title: '导出救助申请（Excel）',
    input: z.object({ ...reliefListQuery, jobId: jobId.optional() }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'relief.history': channel<ReliefHistoryItem[]>()({
    title: '职工救助记录',
    input: z.object({ fileId: id }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'relief.markDocument': channel<ReliefApplication>()({
    title: '登记申请材料',
    input: z.object({ id, doc: z.enum(FILE_DOCUMENTS, '材料类型不正确'), received: z.boolean() }).strict(),
    access: PROPOSERS,
    kind: 'write',
  }),
  'relief.submit': channel<ReliefApplication>()({
    title: '提交救助申请',
    input: z.object({ id }).strict(),
    access: PROPOSERS,
    kind: 'write',
  }),
  'relief.withdraw': channel<ReliefApplication>()({
    title: '撤回救助申请',
    input: z.object({ id, reason: text('撤回原因', 500).min(2, '请写明撤回原因') }).strict(),
    access: PROPOSERS,
    kind: 'write',
  }),
  'relief.decide': channel<ReliefApplication>()({
    title: '审批救助申请',
    input: z
      .object({
        id,
        decision: z.enum(['approve', 'reject', 'return'], '请选择审批意见'),
        comment: text('审批意见', 1000).default(''),
      })
      .strict()
      .refine((d) => d.decision === 'approve' || d.comment.length >= 2, { message: '不同意或退回修改时请写明理由', path: ['comment'] }),
    access: ['director', 'chair'],
    kind: 'write',
  }),
  'relief.notices.create': channel<ReliefNotice>()({
    title: '发布救助公示',
    input: z
      .object({
        applicationIds: z.array(id, '请选择公示的申请').min(1, '请至少选择一份申请').max(500, '一次公示最多 500 份申请，请分批公示'),
        startDate: isoDate,
        endDate: isoDate,
      })
      .strict(),
    access: ['director'],
    kind: 'write',
  }),
  'relief.notices.list': channel<ReliefNotice[]>()({
    title: '救助公示列表',
    input: z.object({}).strict(),
    access: READERS,
    kind: 'read',
  }),
  'relief.notices.get': channel<ReliefNotice>()({
    title: '查看救助公示',
    input: z.object({ id }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'relief.notices.object': channel<ReliefNotice>()({
    title: '登记公示异议',
    input: z.object({ lineId: id, objection: text('异议内容', 1000).min(2, '请填写异议内容') }).strict(),
    access: PROPOSERS,
    kind: 'write',
  }),
  'relief.notices.resolve': channel<ReliefNotice>()({
    title: '处理公示异议',
    input: z.object({ lineId: id, upheld: z.boolean('请选择异议是否成立'), comment: text('处理意见', 1000).min(2, '请写明处理意见') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'relief.notices.conclude': channel<ReliefNotice>()({
    title: '公示期满，确认可发放',
    input: z.object({ id }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'relief.notices.print': channel<PdfFile>()({
    title: '打印救助公示',
    input: z.object({ id }).strict(),
    access: READERS,
    kind: 'write',
  }),
} as const;

export interface ReliefNoticeLine {
  id: number;
  applicationId: number;
  applicationNumber: string;
  name: string;
  /** Masked like 110101********123X. */
  maskedIdNumber: string;
  workUnit: string;
  category: ReliefApplication['category'];
  amountFen: number;
  objection: string | null;
  objectionAt: string | null;
  resolution: 'upheld' | 'dismissed' | null;
  resolutionComment: string | null;
  /** The line's application status now (in_notice, payable, rejected). */
  status: ReliefApplication['status'];
}

export interface ReliefNotice {
  id: number;
  number: string;
  startDate: string;
  endDate: string;
  createdBy: string;
  createdAt: string;
  concludedAt: string | null;
  lines: ReliefNoticeLine[];
  totalFen: number;
}
