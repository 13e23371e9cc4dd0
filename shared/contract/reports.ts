import { z } from 'zod';
import type { AccountKind } from '../ledger';
import type { CampaignReportCategory } from '../campaign';
import type { ReliefCategory } from '../relief';
import { channel, type FileDownload, type PdfFile } from './define';
import type { PetitionStats } from './petitions';
import { isoDate } from './fields';
import { jobId } from './jobs';

const BOOK_READERS = ['finance', 'director', 'chair'] as const;
const REPORT_READERS = ['finance', 'director', 'chair', 'staff'] as const;
const month = z.string('请选择月份').regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const rangeRules = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
    .refine((r) => Number(r.to.slice(0, 4)) - Number(r.from.slice(0, 4)) <= 10, { message: '统计区间最长十年', path: ['from'] });
const range = rangeRules(z.object({ from: isoDate, to: isoDate }).strict());
/** Printing and exporting run on the jobs worker: the page may follow them by a job id (shared/contract/jobs.ts). */
const rangeFile = rangeRules(z.object({ from: isoDate, to: isoDate, jobId: jobId.optional() }).strict());
const monthFile = z.object({ month, jobId: jobId.optional() }).strict();

/** One line of the 收入支出表: an income or expense account, a heading adding up its detail accounts. */
export interface IncomeExpenditureRow {
  accountId: number;
  code: string;
  name: string;
  kind: Extract<AccountKind, 'income' | 'expense'>;
  /** 1 for a first-level account, 2 for its detail accounts, … */
  level: number;
  heading: boolean;
  monthFen: number;
  yearFen: number;
}
/** 收入支出表 (工会会计报表): the month's and the year-to-date income and expenditure by account. */
export interface IncomeExpenditure {
  month: string;
  closed: boolean;
  income: IncomeExpenditureRow[];
  expense: IncomeExpenditureRow[];
  totals: { incomeMonthFen: number; incomeYearFen: number; expenseMonthFen: number; expenseYearFen: number; surplusMonthFen: number; surplusYearFen: number };
}

export interface ReliefReportGroup {
  key: string;
  label: string;
  count: number;
  amountFen: number;
}
/** Relief paid in a date range (reversed payments left out), grouped four ways. */
export interface ReliefReport {
  from: string;
  to: string;
  count: number;
  amountFen: number;
  /** Relief by its category, and campaign payments by the campaign's kind (送温暖, 春节慰问, 金秋助学, …). */
  byCategory: (ReliefReportGroup & { key: ReliefCategory | CampaignReportCategory })[];
  byUnit: ReliefReportGroup[];
  byMonth: ReliefReportGroup[];
  byApprover: ReliefReportGroup[];
}

/** 年度汇总: the year's work and money in one page, for the union's annual report. */
export interface YearSummary {
  year: number;
  /** The money figures run to the end of this month (December for a past year, this month for the current one). */
  throughMonth: string;
  files: { created: number; exited: number };
  petitions: PetitionStats['totals'];
  relief: { count: number; amountFen: number; byCategory: ReliefReportGroup[] };
  donations: { count: number; amountFen: number };
  /** First-level income and expense accounts with their 本年累计数, and the totals. */
  money: { income: IncomeExpenditureRow[]; expense: IncomeExpenditureRow[]; incomeFen: number; expenseFen: number; surplusFen: number };
}

const yearNumber = z.number('请选择年份').int('年份须为整数').min(2000, '年份不早于 2000 年').max(2100, '年份不晚于 2100 年');
const year = z.object({ year: yearNumber }).strict();
const yearFile = z.object({ year: yearNumber, jobId: jobId.optional() }).strict();

export const reportChannels = {
  'reports.incomeExpenditure': channel<IncomeExpenditure>()({ title: '收入支出表', input: z.object({ month }).strict(), access: BOOK_READERS, kind: 'read' }),
  'reports.incomeExpenditurePdf': channel<PdfFile>()({ title: '打印收入支出表', input: monthFile, access: BOOK_READERS, kind: 'read' }),
  'reports.incomeExpenditureXlsx': channel<FileDownload>()({ title: '导出收入支出表（Excel）', input: monthFile, access: BOOK_READERS, kind: 'read' }),
  'reports.relief': channel<ReliefReport>()({ title: '救助发放统计', input: range, access: REPORT_READERS, kind: 'read' }),
  'reports.reliefPdf': channel<PdfFile>()({ title: '打印救助发放统计', input: rangeFile, access: REPORT_READERS, kind: 'read' }),
  'reports.reliefXlsx': channel<FileDownload>()({ title: '导出救助发放统计（Excel）', input: rangeFile, access: REPORT_READERS, kind: 'read' }),
  'reports.petitionsPdf': channel<PdfFile>()({ title: '打印来访统计', input: yearFile, access: REPORT_READERS, kind: 'read' }),
  'reports.petitionsXlsx': channel<FileDownload>()({ title: '导出来访统计（Excel）', input: yearFile, access: REPORT_READERS, kind: 'read' }),
  'reports.yearSummary': channel<YearSummary>()({ title: '年度汇总', input: year, access: BOOK_READERS, kind: 'read' }),
  'reports.yearSummaryPdf': channel<PdfFile>()({ title: '打印年度汇总', input: yearFile, access: BOOK_READERS, kind: 'read' }),
  'reports.yearSummaryXlsx': channel<FileDownload>()({ title: '导出年度汇总（Excel）', input: yearFile, access: BOOK_READERS, kind: 'read' }),
} as const;
