import { z } from 'zod';
import {
  PETITION_CATEGORIES,
  PETITION_CHANNELS,
  PETITION_STATUSES,
  URGENCIES,
  type OverdueStage,
  type PetitionAction,
  type PetitionCategory,
  type PetitionChannel,
  type PetitionStatus,
  type Urgency,
} from '../petition';
import { channel, type FileDownload, type PdfFile } from './define';
import { id, page, pageSize, phone, type Paged } from './fields';
import { idNumber } from './files';
import { jobId } from './jobs';
import { dateRange, sortOrder } from './listQuery';

const COUNTER = ['staff', 'director'] as const;
const READERS = ['staff', 'director', 'chair', 'finance'] as const;
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);
const reason = (label: string) => text(label, 1000).min(2, `请写明${label}`);

export const petitionInput = z
  .object({
    channel: z.enum(PETITION_CHANNELS, '请选择来访方式'),
    /** A worker file when the visitor has one; otherwise the visitor's own details below. */
    fileId: id.nullable().default(null),
    visitorName: text('来访人姓名', 30).default(''),
    visitorIdNumber: z.union([z.literal(''), idNumber]).default(''),
    visitorPhone: phone,
    category: z.enum(PETITION_CATEGORIES, '请选择诉求类别'),
    request: text('诉求内容', 2000).min(2, '请填写来访人的诉求'),
    urgency: z.enum(URGENCIES, '请选择紧急程度').default('normal'),
    /** The user who will handle it; defaults to whoever registers it. */
    handlerId: id.nullable().default(null),
  })
  .strict()
  .refine((p) => p.fileId !== null || p.visitorName.length > 0, { message: '请选择已建档职工，或填写来访人姓名', path: ['visitorName'] });

export interface PetitionEvent {
  id: number;
  action: PetitionAction | 'register';
  at: string;
  by: string;
  note: string;
}

/** What became of a petition: a relief application, job referral or legal-aid case opened from it. */
export interface PetitionOutcome {
  kind: 'relief' | 'job_referral' | 'legal_aid';
  id: number;
  title: string;
  status: string;
}

export interface PetitionSummary {
  id: number;
  number: string;
  channel: PetitionChannel;
  receivedAt: string;
  visitorName: string;
  fileId: number | null;
  category: PetitionCategory;
  urgency: Urgency;
  status: PetitionStatus;
  handlerId: number;
  handlerName: string;
  acceptDue: string;
  answerDue: string;
  closeDue: string;
  /** The first deadline missed, judged on today's date; null when on time. */
  overdue: OverdueStage | null;
}

export interface Petition extends PetitionSummary {
  visitorIdNumber: string;
  visitorPhone: string;
  request: string;
  answer: string | null;
  closingNote: string | null;
  acceptedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  events: PetitionEvent[];
  outcomes: PetitionOutcome[];
  /** The relief application this petition led to (not withdrawn): a second one is refused. */
  reliefApplicationId: number | null;
}

export interface PetitionStatsRow {
  month: string; // 'YYYY-MM'
  category: PetitionCategory;
  received: number;
  accepted: number;
  answered: number;
  closed: number;
  overdue: number;
  /** Closed by the close deadline, of those closed. */
  closedOnTime: number;
}

export interface PetitionStats {
  year: number;
  rows: PetitionStatsRow[];
  totals: { received: number; accepted: number; answered: number; closed: number; overdue: number; closedOnTime: number; onTimeRate: number | null };
}

/** 登记时间 (newest first by default), 编号, the next deadline (期限) and 状态 in the order of the work. */
export const PETITION_SORTS = ['receivedAt', 'number', 'due', 'status'] as const;
export type PetitionSort = (typeof PETITION_SORTS)[number];

/** The petition list's filter and order, shared by the list and its Excel export; from and to bound the 登记 day. */
export const petitionListFilter = {
  status: z.enum(PETITION_STATUSES).optional(),
  category: z.enum(PETITION_CATEGORIES).optional(),
  overdueOnly: z.boolean().default(false),
  mineOnly: z.boolean().default(false),
  fileId: id.optional(),
  q: z.string().max(40).optional(),
  ...dateRange,
  sort: z.enum(PETITION_SORTS).default('receivedAt'),
  order: sortOrder,
};

export const petitionChannels = {
  'petitions.register': channel<Petition>()({
    title: '登记来访',
    input: petitionInput,
    access: COUNTER,
    kind: 'write',
  }),
  'petitions.get': channel<Petition>()({
    title: '查看来访记录',
    input: z.object({ id }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'petitions.list': channel<Paged<PetitionSummary>>()({
    title: '来访登记列表',
    input: z.object({ page, pageSize, ...petitionListFilter }).strict(),
    access: READERS,
    kind: 'read',
  }),
  // Every row the list's filter selects, in its order, as a workbook built on the jobs worker (at most LIST_EXPORT_LIMIT rows).
  'petitions.exportXlsx': channel<FileDownload>()({
    title: '导出来访登记列表（Excel）',
    input: z.object({ ...petitionListFilter, jobId: jobId.optional() }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'petitions.accept': channel<Petition>()({
    title: '受理来访',
    input: z.object({ id, note: text('备注', 500).default('') }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'petitions.start': channel<Petition>()({
    title: '开始办理',
    input: z.object({ id, note: text('备注', 500).default('') }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'petitions.answer': channel<Petition>()({
    title: '答复来访人',
    input: z.object({ id, answer: reason('答复内容') }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'petitions.close': channel<Petition>()({
    title: '办结',
    input: z.object({ id, note: reason('办结说明') }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
  'petitions.reassign': channel<Petition>()({
    title: '改派经办人',
    input: z.object({ id, handlerId: id, reason: reason('改派原因') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'petitions.reopen': channel<Petition>()({
    title: '重新办理',
    input: z.object({ id, reason: reason('重新办理原因') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'petitions.handlers': channel<{ id: number; displayName: string }[]>()({
    title: '可选经办人',
    input: z.object({}).strict(),
    access: READERS,
    kind: 'read',
  }),
  'petitions.stats': channel<PetitionStats>()({
    title: '来访统计',
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'petitions.printSlip': channel<PdfFile>()({
    title: '打印受理回执',
    input: z.object({ id }).strict(),
    access: COUNTER,
    kind: 'write',
  }),
} as const;
