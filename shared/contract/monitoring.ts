import { z } from 'zod';
import { MARITAL_STATUSES, RISK_FLAGS, type IncomeTier, type WarningLevel } from '../household';
import {
  EXIT_STATUSES,
  VISIT_KINDS,
  VISIT_METHODS,
  type ExitStatus,
  type RiskEventKind,
  type RiskState,
  type VisitKind,
  type VisitMethod,
} from '../monitoring';
import type { FileStatus } from '../workerFile';
import { channel, type FileDownload, type PdfFile } from './define';
import { id, isoDate, page, pageSize, type Paged } from './fields';
import { householdMemberInput } from './files';
import { jobId } from './jobs';

const WRITERS = ['staff', 'director'] as const;
const READERS = ['staff', 'director', 'chair', 'finance'] as const;
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);
const fen = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须精确到分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
const month = z.string('请选择月份').regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const year = z.number('请填写年度').int('年度必须是整数').min(2000, '年度不正确').max(2100, '年度不正确');
/** 'mine': files whose 帮扶责任人 is the caller; 'all': every file. */
const scope = z.enum(['mine', 'all'], '请选择范围').default('all');
export const SCHEDULE_SHOWS = ['due', 'overdue', 'all'] as const;

export interface ScheduleRow {
  fileId: number;
  name: string;
  workUnit: string;
  phone: string;
  status: FileStatus;
  warning: WarningLevel | null;
  riskState: RiskState;
  perCapitaIncomeFen: number;
  tier: IncomeTier;
  responsibleUserId: number | null;
  responsible: string;
  lastVisitDate: string | null;
  dueDate: string;
  /** Days past the due date today; 0 when not overdue. */
  overdueDays: number;
}

export interface MonitoringOverview {
  today: string;
  due: number;
  overdue: number;
  reviewYear: number;
  reviewTotal: number;
  reviewDone: number;
  exitPending: number;
}

export interface VisitView {
  id: number;
  fileId: number;
  name: string;
  kind: VisitKind;
  occasion: string;
  visitDate: string;
  visitor: string;
  method: VisitMethod;
  findings: string;
  problems: string;
  helpArranged: string;
  perCapitaBeforeFen: number;
  perCapitaAfterFen: number;
  householdChanged: boolean;
  /** Household size before and after the visit; null on visits recorded before sizes were kept. */
  householdSizeBefore: number | null;
  householdSizeAfter: number | null;
  nextDate: string;
  recordedBy: string;
  recordedAt: string;
}

export interface RiskEventView {
  id: number;
  fileId: number;
  name: string;
  eventDate: string;
  kind: RiskEventKind;
  warningBefore: WarningLevel | null;
  warningAfter: WarningLevel | null;
  perCapitaFen: number;
  reason: string;
  by: string;
  at: string;
}

export interface ExitProposalView {
  id: number;
  fileId: number;
  name: string;
  workUnit: string;
  perCapitaIncomeFen: number;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  status: ExitStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string;
  /** Whether the caller may decide it (a director who did not propose it). */
  mayDecide: boolean;
}

export interface ReviewRow {
  fileId: number;
  name: string;
  workUnit: string;
  warning: WarningLevel | null;
  perCapitaIncomeFen: number;
  outcome: 'confirmed' | 'changed' | null;
  note: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface ReviewList extends Paged<ReviewRow> {
  year: number;
  done: number;
  of: number;
}

export interface ExitCheck {
  eligible: boolean;
  /** Why (not): '最近 3 次回访人均收入均高于 1,170.00 元' etc. */
  explanation: string;
}

export interface FileMonitoring {
  schedule: ScheduleRow;
  visits: VisitView[];
  timeline: RiskEventView[];
  exitProposals: ExitProposalView[];
  reviews: { year: number; outcome: 'confirmed' | 'changed'; note: string; reviewedBy: string; reviewedAt: string }[];
  exitCheck: ExitCheck;
}

export interface MonitoringLedger {
  month: string;
  centreName: string;
  /** Files whose revisit fell due in the month (as scheduled today). */
  due: ScheduleRow[];
  done: VisitView[];
  /** Overdue at the end of the month, or today for the current month. */
  overdue: ScheduleRow[];
  riskChanges: RiskEventView[];
  exits: RiskEventView[];
  printedAt: string;
}

export const visitInput = z
  .object({
    fileId: id,
    kind: z.enum(VISIT_KINDS, '请选择走访类别').default('revisit'),
    occasion: text('节日', 30).default(''),
    visitDate: isoDate,
    visitor: text('走访人', 60).min(1, '请填写走访人'),
    method: z.enum(VISIT_METHODS, '请选择走访方式'),
    findings: text('走访情况', 1000).min(2, '请填写走访了解到的情况'),
    /**
     * The household as found when it changed: incomes, members who joined or left, marriage or single
     * parenthood (omitted: as on the file). The file's size and tier are worked out again from it.
     */
    household: z
      .object({
        ownMonthlyIncomeFen: fen('本人月收入'),
        members: z.array(householdMemberInput).max(20, '家庭成员最多 20 人'),
        maritalStatus: z.enum(MARITAL_STATUSES, '请选择婚姻状况').optional(),
        singleParent: z.boolean().optional(),
      })
      .strict()
      .optional(),
    problems: text('发现的问题', 1000).default(''),
    helpArranged: text('帮扶措施', 1000).default(''),
    /** Empty: the latest date the interval allows. */
    nextDate: z.union([z.literal(''), isoDate]).default(''),
  })
  .strict()
  .refine((v) => v.kind !== 'holiday' || v.occasion.length > 0, { message: '节日走访请填写节日', path: ['occasion'] });
export type VisitInput = z.input<typeof visitInput>;

export const monitoringChannels = {
  'monitoring.overview': channel<MonitoringOverview>()({
    title: '动态监测概况',
    input: z.object({ scope }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'monitoring.schedule': channel<Paged<ScheduleRow>>()({
    title: '回访计划列表',
    input: z.object({ scope, show: z.enum(SCHEDULE_SHOWS).default('due'), page, pageSize }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'monitoring.scheduleXlsx': channel<FileDownload>()({
    title: '导出回访计划',
    input: z.object({ scope, show: z.enum(SCHEDULE_SHOWS).default('due') }).strict(),
    access: READERS,
    kind: 'write', // the export carries names and phones: recorded in the audit log
  }),
  'monitoring.forFile': channel<FileMonitoring>()({
    title: '档案动态监测',
    input: z.object({ fileId: id }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'monitoring.recordVisit': channel<FileMonitoring>()({
    title: '登记回访',
    input: visitInput,
    access: WRITERS,
    kind: 'write',
  }),
  'monitoring.setWarning': channel<FileMonitoring>()({
    title: '变更预警',
    input: z.object({ fileId: id, flag: z.enum(RISK_FLAGS, '请选择预警'), reason: text('原因', 500).min(2, '请写明变更预警的原因') }).strict(),
    access: WRITERS,
    kind: 'write',
  }),
  'monitoring.setResponsible': channel<FileMonitoring>()({
    title: '指定帮扶责任人',
    input: z
      .object({ fileId: id, userId: id.nullable(), name: text('帮扶责任人', 60) })
      .strict()
      .refine((v) => v.userId !== null || v.name.length > 0, { message: '请选择用户或填写帮扶责任人姓名', path: ['name'] }),
    access: WRITERS,
    kind: 'write',
  }),
  'monitoring.assignResponsible': channel<{ assigned: number }>()({
    title: '批量指定帮扶责任人',
    input: z
      .object({
        fileIds: z.array(id).min(1, '请至少选择一户').max(500, '一次最多指定 500 户'),
        userId: id.nullable(),
        name: text('帮扶责任人', 60),
      })
      .strict()
      .refine((v) => v.userId !== null || v.name.length > 0, { message: '请选择用户或填写帮扶责任人姓名', path: ['name'] }),
    access: ['director', 'admin'],
    kind: 'write',
  }),
  'monitoring.people': channel<{ id: number; displayName: string }[]>()({
    title: '可指定的帮扶责任人',
    input: z.object({}).strict(),
    access: READERS,
    kind: 'read',
  }),
  'monitoring.reviews': channel<ReviewList>()({
    title: '年审列表',
    input: z.object({ year, show: z.enum(['pending', 'done', 'all']).default('pending'), page, pageSize }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'monitoring.review': channel<ReviewRow>()({
    title: '年审确认',
    input: z
      .object({ fileId: id, year, outcome: z.enum(['confirmed', 'changed'], '请选择年审结论'), note: text('年审说明', 500).default('') })
      .strict()
      .refine((v) => v.outcome === 'confirmed' || v.note.length >= 2, { message: '情况有变化时请写明变化', path: ['note'] }),
    access: WRITERS,
    kind: 'write',
  }),
  'monitoring.reviewsXlsx': channel<FileDownload>()({
    title: '导出年审名单',
    input: z.object({ year, show: z.enum(['pending', 'done', 'all']).default('all') }).strict(),
    access: READERS,
    kind: 'write', // names and incomes leave the system: recorded in the audit log
  }),
  'monitoring.exitProposals': channel<Paged<ExitProposalView>>()({
    title: '脱困申请列表',
    input: z.object({ status: z.enum(EXIT_STATUSES).optional(), page, pageSize }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'monitoring.exitProposalsXlsx': channel<FileDownload>()({
    title: '导出脱困申请',
    input: z.object({ status: z.enum(EXIT_STATUSES).optional() }).strict(),
    access: READERS,
    kind: 'write',
  }),
  'monitoring.proposeExit': channel<ExitProposalView>()({
    title: '提出解困脱困',
    input: z.object({ fileId: id, reason: text('理由', 500).min(2, '请写明脱困理由') }).strict(),
    access: WRITERS,
    kind: 'write',
  }),
  'monitoring.decideExit': channel<ExitProposalView>()({
    title: '审核解困脱困',
    input: z.object({ proposalId: id, decision: z.enum(['approve', 'reject'], '请选择审核结论'), comment: text('审核意见', 500).default('') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'monitoring.ledger': channel<MonitoringLedger>()({
    title: '动态监测月台账',
    input: z.object({ month }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'monitoring.ledgerPdf': channel<PdfFile>()({
    title: '打印动态监测月台账',
    input: z.object({ month, jobId: jobId.optional() }).strict(),
    access: READERS,
    kind: 'write',
  }),
  'monitoring.ledgerXlsx': channel<FileDownload>()({
    title: '导出动态监测月台账',
    input: z.object({ month, jobId: jobId.optional() }).strict(),
    access: READERS,
    kind: 'write',
  }),
} as const;
