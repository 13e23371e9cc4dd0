import { z } from 'zod';
import { CAMPAIGN_GROUPS, CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignExclusion, type CampaignGroup, type CampaignKind, type CampaignStatus, type LineSource } from '../campaign';
import { PAYMENT_METHODS, type PaymentMethod } from '../ledger';
import { channel, emptyInput, type FileDownload, type PdfFile } from './define';
import { id, isoDate, page, pageSize, type Paged } from './fields';
import { jobId } from './jobs';

// Staff build the list, the director checks it, the chair approves it, finance pays it.
const BUILDERS = ['staff', 'director'] as const;
const READERS = ['staff', 'director', 'chair', 'finance'] as const;
const fen = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须精确到分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);
const reason = (label: string) => text(label, 500).min(2, `请写明${label}`);
/** A workbook upload: at most 5 MB of file as base64. */
const base64 = z
  .string('请选择要导入的 Excel 文件')
  .min(1, '请选择要导入的 Excel 文件')
  .max(7_000_000, '文件不能超过 5 MB')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不是有效的上传数据，请重新选择文件');

export const campaignGroupInput = z
  .object({
    group: z.enum(CAMPAIGN_GROUPS, '请选择帮扶对象类别'),
    /** Null takes the group's default standard from the settings in force on the campaign's start date. */
    standardFen: fen('慰问标准').min(1, '请填写每人慰问标准').nullable().default(null),
    /** The group's share of the budget; null when the group has no sub-budget of its own. */
    budgetFen: fen('分项预算').nullable(),
  })
  .strict();

export const campaignInput = z
  .object({
    name: text('活动名称', 60).min(2, '请填写活动名称'),
    kind: z.enum(CAMPAIGN_KINDS, '请选择活动类型'),
    startDate: isoDate,
    endDate: isoDate,
    groups: z.array(campaignGroupInput, '请设置帮扶对象').min(1, '请至少设置一类帮扶对象').max(CAMPAIGN_GROUPS.length, `帮扶对象最多 ${CAMPAIGN_GROUPS.length} 类`),
    budgetFen: fen('总预算').min(1, '请填写总预算'),
    fundId: id,
    note: text('说明', 1000).default(''),
  })
  .strict()
  .refine((c) => c.endDate >= c.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })
  .refine((c) => new Set(c.groups.map((g) => g.group)).size === c.groups.length, { message: '帮扶对象类别不能重复', path: ['groups'] })
  .refine((c) => c.groups.reduce((s, g) => s + (g.budgetFen ?? 0), 0) <= c.budgetFen, { message: '各类分项预算之和不能超过总预算', path: ['budgetFen'] });

export const campaignChannels = {
  'campaigns.list': channel<Paged<CampaignSummary>>()({
    title: '慰问活动列表',
    input: z.object({ page, pageSize, status: z.enum(CAMPAIGN_STATUSES, '状态不正确').optional() }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'campaigns.funds': channel<CampaignFund[]>()({ title: '可用于慰问的资金', input: emptyInput, access: READERS, kind: 'read' }),
  'campaigns.standards': channel<Record<CampaignGroup, number>>()({
    title: '各类帮扶对象的默认慰问标准',
    input: z.object({ date: isoDate }).strict(),
    access: BUILDERS,
    kind: 'read',
  }),
  'campaigns.get': channel<Campaign>()({ title: '查看慰问活动', input: z.object({ id }).strict(), access: READERS, kind: 'read' }),
  'campaigns.create': channel<Campaign>()({ title: '新建慰问活动', input: campaignInput, access: BUILDERS, kind: 'write' }),
  'campaigns.update': channel<Campaign>()({
    title: '修改慰问活动',
    input: z.object({ id, campaign: campaignInput }).strict(),
    access: BUILDERS,
    kind: 'write',
  }),
  'campaigns.lines': channel<Paged<CampaignLine>>()({
    title: '慰问名单',
    input: z
      .object({
        id,
        page,
        pageSize,
        group: z.enum(CAMPAIGN_GROUPS, '帮扶对象类别不正确').optional(),
        workUnit: text('工作单位', 60).optional(),
        q: text('查询内容', 30).optional(),
      })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
  'campaigns.candidates': channel<CandidatePage>()({
    title: '按条件筛选慰问对象',
    input: z
      .object({
        id,
        page,
        pageSize,
        show: z.enum(['qualifying', 'excluded'], '请选择查看符合条件或被排除的人员'),
        workUnit: text('工作单位', 60).default(''),
      })
      .strict(),
    access: BUILDERS,
    kind: 'read',
  }),
  'campaigns.build': channel<BuildResult>()({
    title: '按条件生成慰问名单',
    input: z.object({ id, workUnit: text('工作单位', 60).default('') }).strict(),
    access: BUILDERS,
    kind: 'write',
  }),
  'campaigns.addLine': channel<Campaign>()({
    title: '手工添加慰问对象',
    input: z.object({ id, fileId: id, group: z.enum(CAMPAIGN_GROUPS, '请选择帮扶对象类别'), reason: reason('添加理由') }).strict(),
    access: BUILDERS,
    kind: 'write',
  }),
  'campaigns.removeLine': channel<Campaign>()({
    title: '从慰问名单移除',
    input: z.object({ lineId: id, reason: reason('移除理由') }).strict(),
    access: BUILDERS,
    kind: 'write',
  }),
  'campaigns.importTemplate': channel<FileDownload>()({ title: '下载慰问名单导入模板', input: emptyInput, access: BUILDERS, kind: 'read' }),
  'campaigns.import': channel<ImportResult>()({
    title: '导入基层工会上报名单',
    input: z.object({ id, fileName: text('文件名', 200).min(1, '请选择要导入的 Excel 文件'), base64, jobId: jobId.optional() }).strict(),
    access: BUILDERS,
    kind: 'write',
  }),
  'campaigns.submit': channel<Campaign>()({ title: '提交慰问名单审核', input: z.object({ id }).strict(), access: BUILDERS, kind: 'write' }),
  'campaigns.decide': channel<Campaign>()({
    title: '审核、审批慰问名单',
    input: z
      .object({ id, decision: z.enum(['approve', 'return'], '请选择审批意见'), comment: text('审批意见', 1000).default('') })
      .strict()
      .refine((d) => d.decision === 'approve' || d.comment.length >= 2, { message: '退回修改时请写明理由', path: ['comment'] }),
    access: ['director', 'chair'],
    kind: 'write',
  }),
  'campaigns.pay': channel<CampaignBatch>()({
    title: '发放慰问金（一批一张凭证）',
    input: z
      .object({
        id,
        method: z.enum(PAYMENT_METHODS, '请选择发放方式'),
        accountId: id.nullable().default(null),
        /** Pay one unit's (base-level union's) recipients; empty pays everyone not yet paid. */
        workUnit: text('工作单位', 60).default(''),
      })
      .strict(),
    access: ['finance'],
    kind: 'write',
  }),
  'campaigns.markNotCollected': channel<Campaign>()({
    title: '登记慰问金未领取并退回',
    input: z.object({ lineId: id, reason: reason('未领取原因') }).strict(),
    access: ['finance'],
    kind: 'write',
  }),
  'campaigns.signSheet': channel<PdfFile>()({
    title: '打印慰问金签领表',
    input: z.object({ id, batchId: id.nullable().default(null) }).strict(),
    access: READERS,
    kind: 'write',
  }),
  'campaigns.bankFile': channel<FileDownload>()({
    title: '导出银行代发表',
    input: z.object({ batchId: id }).strict(),
    access: ['finance'],
    kind: 'write',
  }),
  'campaigns.summary': channel<CampaignReport>()({ title: '慰问活动汇总', input: z.object({ id }).strict(), access: READERS, kind: 'read' }),
  'campaigns.noticePdf': channel<PdfFile>()({ title: '打印慰问名单公示', input: z.object({ id }).strict(), access: READERS, kind: 'read' }),
  'campaigns.summaryPdf': channel<PdfFile>()({ title: '打印慰问活动汇总表', input: z.object({ id }).strict(), access: READERS, kind: 'write' }),
  'campaigns.summaryXlsx': channel<FileDownload>()({ title: '导出慰问活动汇总表', input: z.object({ id }).strict(), access: READERS, kind: 'write' }),
  'campaigns.forFile': channel<CampaignGrant[]>()({ title: '职工受慰问记录', input: z.object({ fileId: id }).strict(), access: READERS, kind: 'read' }),
} as const;

export interface CampaignFund {
  id: number;
  name: string;
  /** Earmarked funds pay only this relief category. */
  purpose: string | null;
  balanceFen: number;
}

export interface CampaignGroupView {
  group: CampaignGroup;
  standardFen: number;
  budgetFen: number | null;
  /** Listed so far: people and amount. */
  count: number;
  listedFen: number;
  /** Over its sub-budget by this much (0 when within). */
  overFen: number;
}

/** The approved list as posted in public (公示): masked IDs only. */
export interface CampaignNotice {
  campaign: CampaignSummary;
  noticeStart: string;
  noticeEnd: string;
  lines: { name: string; maskedIdNumber: string; workUnit: string; group: CampaignGroup; amountFen: number }[];
}

export interface CampaignSummary {
  id: number;
  number: string;
  name: string;
  kind: CampaignKind;
  startDate: string;
  endDate: string;
  status: CampaignStatus;
  budgetFen: number;
  fundName: string;
  count: number;
  listedFen: number;
  paidFen: number;
  createdBy: string;
}

export interface CampaignDecisionView {
  id: number;
  stage: 'build' | 'director' | 'chair';
  decision: 'edit' | 'submit' | 'approve' | 'return';
  by: string;
  at: string;
  comment: string;
  totalFen: number;
  count: number;
}

export interface CampaignBatch {
  id: number;
  number: string;
  method: PaymentMethod;
  accountName: string;
  workUnit: string;
  entryNumber: string;
  date: string;
  count: number;
  totalFen: number;
  returnedFen: number;
  paidBy: string;
}

/** What the caller may do with this campaign now; the page renders from this, never from its own copy of the rules. */
export interface CampaignPermissions {
  edit: boolean;
  submit: boolean;
  decide: boolean;
  /** Why someone holding the stage's role may still not decide (their own list, or both stages). */
  decideBlockedReason: string | null;
  pay: boolean;
  markNotCollected: boolean;
}

export interface Campaign extends CampaignSummary {
  fundId: number;
  note: string;
  groups: CampaignGroupView[];
  /** Over the total budget by this much (0 when within). */
  overBudgetFen: number;
  /** Why the list cannot be submitted as it stands (over budget, empty), or null. */
  submitBlocker: string | null;
  returnedFen: number;
  units: string[];
  unpaidCount: number;
  decisions: CampaignDecisionView[];
  batches: CampaignBatch[];
  builders: string[];
  permissions: CampaignPermissions;
}

export interface CampaignLine {
  id: number;
  fileId: number;
  name: string;
  maskedIdNumber: string;
  workUnit: string;
  group: CampaignGroup;
  amountFen: number;
  source: LineSource;
  reasons: string[];
  /** Exclusions a manual add went past; the approver sees them. */
  exceptions: string[];
  addedBy: string;
  paid: { batchNumber: string; date: string } | null;
  returned: { reason: string; at: string } | null;
}

export interface Candidate {
  fileId: number;
  name: string;
  maskedIdNumber: string;
  workUnit: string;
  /** The group the file would be listed under (the campaign's first that fits). */
  group: CampaignGroup | null;
  amountFen: number;
  reasons: string[];
  exclusions: { kind: CampaignExclusion; text: string }[];
}

export interface CandidatePage extends Paged<Candidate> {
  qualifyingCount: number;
  excludedCount: number;
  /** Amount the qualifying ones would add. */
  qualifyingFen: number;
}

export interface BuildResult {
  added: number;
  addedFen: number;
  excluded: number;
  campaign: Campaign;
}

export interface ImportRowError {
  /** Row number in the workbook, as Excel shows it. */
  row: number;
  name: string;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  /** Rows written (0 unless every row was good). */
  added: number;
  errors: ImportRowError[];
  /** ID numbers without a file: to be filed first (先建档、后帮扶). */
  proposedFiles: { row: number; name: string; idNumber: string; workUnit: string }[];
  campaign: Campaign;
}

export interface ReportRow {
  key: string;
  label: string;
  count: number;
  listedFen: number;
  budgetFen: number | null;
  paidCount: number;
  paidFen: number;
  returnedCount: number;
  returnedFen: number;
}

export interface CampaignReport {
  campaign: CampaignSummary;
  byGroup: ReportRow[];
  byUnit: ReportRow[];
  total: ReportRow;
  /** Paid less returned: what the campaign actually spent. */
  usedFen: number;
  remainingFen: number;
}

export interface CampaignGrant {
  campaignId: number;
  number: string;
  name: string;
  kind: CampaignKind;
  group: CampaignGroup;
  amountFen: number;
  paidDate: string | null;
  returned: boolean;
}
