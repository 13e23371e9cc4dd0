import { z } from 'zod';
import { DONOR_KINDS, FUND_SOURCES, PAYMENT_METHODS, type AccountKind, type DonorKind, type EntryKind, type FundSource, type PaymentMethod, type ReceiptKind } from '../ledger';
import { RELIEF_CATEGORIES, type ReliefCategory } from '../relief';
import { channel, emptyInput, type FileDownload, type PdfFile } from './define';
import type { StockLedgerRow } from './materials';
import { id, isoDate, page, pageSize, type Paged } from './fields';
import { jobId } from './jobs';
import { dateRange, sortOrder } from './listQuery';

const FINANCE = ['finance'] as const;
const BOOK_READERS = ['finance', 'director', 'chair'] as const;
const fen = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须精确到分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);
/** Lines per page of a fund in the statement on screen. */
const statementPageSize = z.number().int().min(10, '每页至少 10 条').max(200, '每页最多 200 条').default(50);
const month = z.string('请选择月份').regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const DONATION_SORTS = ['date', 'amount'] as const;
export type DonationSort = (typeof DONATION_SORTS)[number];
/** The donation list's filter and order, shared by the list and its workbook; month and from/to bound 捐赠日期 (both included). */
const donationsQuery = { month: month.optional(), ...dateRange, sort: z.enum(DONATION_SORTS).default('date'), order: sortOrder };
export type DonationsQuery = z.output<z.ZodObject<typeof donationsQuery>>;

/** number: the application's number; status: paid before reversed. */
export const PAYMENT_SORTS = ['date', 'amount', 'number', 'status'] as const;
export type PaymentSort = (typeof PAYMENT_SORTS)[number];
/** The payment list's filter and order; month and from/to bound 发放日期, the voucher's local date (both included). */
const paymentsQuery = { month: month.optional(), ...dateRange, sort: z.enum(PAYMENT_SORTS).default('date'), order: sortOrder };
export type PaymentsQuery = z.output<z.ZodObject<typeof paymentsQuery>>;

export interface Account {
  id: number;
  code: string;
  name: string;
  kind: AccountKind;
  reliefCategory: ReliefCategory | null;
  active: boolean;
  balanceFen: number;
  /** The balance with every detail account under it (in the account list; elsewhere the own balance). */
  totalFen: number;
  /** The account this one details (上级科目), null for a first-level account. */
  parentId: number | null;
  /** From the union chart of accounts (工会会计制度): kept, never deleted. */
  standard: boolean;
  /** Has detail accounts under it: lines go to those, this one adds them up. */
  heading: boolean;
  /** Finance may delete it: added by the centre, with nothing booked to it and no detail accounts. */
  deletable: boolean;
}
export interface Fund {
  id: number;
  name: string;
  source: FundSource;
  /** Earmarked money pays only this relief category (专款专用); null for general funds. */
  purpose: ReliefCategory | null;
  active: boolean;
  balanceFen: number;
}
/** Donors matching the typed name; `more` when the search stopped at its limit. */
export interface DonorSearch {
  donors: Donor[];
  more: boolean;
}

export interface Donor {
  id: number;
  kind: DonorKind;
  name: string;
  contact: string;
  phone: string;
  address: string;
}
export interface ReceiptView {
  id: number;
  kind: ReceiptKind;
  number: string;
  status: 'issued' | 'void';
  voidReason: string | null;
  printCount: number;
  issuedAt: string;
}
export interface Donation {
  id: number;
  date: string;
  donor: Donor;
  amountFen: number;
  method: PaymentMethod;
  accountName: string;
  fundId: number;
  fundName: string;
  designatedUse: string;
  entryId: number;
  receipts: ReceiptView[];
}
export interface JournalLine {
  accountId: number;
  accountCode: string;
  accountName: string;
  fundId: number;
  fundName: string;
  debitFen: number;
  creditFen: number;
}
export interface JournalEntry {
  id: number;
  number: string;
  date: string;
  memo: string;
  kind: EntryKind;
  reversesEntryId: number | null;
  reversedByEntryId: number | null;
  reason: string | null;
  createdBy: string;
  lines: JournalLine[];
}
export interface ToPayItem {
  applicationId: number;
  number: string;
  name: string;
  idNumber: string;
  workUnit: string;
  category: ReliefCategory;
  /** The approved amount. */
  approvedFen: number;
  /** Estimated value of goods already issued against the approval (已发物资). */
  goodsFen: number;
  /** What is left to pay in cash: approved less goods issued. */
  amountFen: number;
  bankName: string;
  bankCard: string;
}
export interface ReliefPayment {
  id: number;
  applicationId: number;
  applicationNumber: string;
  name: string;
  amountFen: number;
  method: PaymentMethod;
  fundName: string;
  paidAt: string;
  /** 发放日期: the voucher's local date. */
  date: string;
  entryId: number;
  /** The voucher was reversed; the application may be paid again. */
  reversed: boolean;
  receipt: ReceiptView;
}
export interface CashBookLine {
  date: string;
  entryId: number;
  entryNumber: string;
  memo: string;
  fundName: string;
  debitFen: number;
  creditFen: number;
  balanceFen: number;
}
export interface CashBook {
  accountId: number;
  accountName: string;
  month: string;
  openingFen: number;
  lines: CashBookLine[];
  closingFen: number;
}
export interface TrialBalanceRow {
  accountId: number;
  code: string;
  name: string;
  kind: AccountKind;
  debitFen: number;
  creditFen: number;
}
export interface MonthStatus {
  month: string;
  closed: boolean;
  closedAt: string | null;
  closedBy: string | null;
  /** The newest closed month (the lock): nothing dated in it or before it can be posted. */
  lockedThrough: string | null;
  /** Months close in order: the one that must be closed next. */
  nextToClose: string | null;
  /** What the caller may do, decided by the core. */
  canClose: boolean;
  /** Why the month cannot be closed yet (not ended, an earlier month still open), in Chinese. */
  closeBlockedReason: string | null;
  canReopen: boolean;
  /** The book balance at month end of each cash and bank account, for the count. */
  books: { accountId: number; accountName: string; kind: AccountKind; bookFen: number }[];
  history: { action: 'close' | 'reopen'; by: string; at: string; reason: string }[];
}
export interface StatementFund {
  fundId: number;
  fundName: string;
  openingFen: number;
  receiptsFen: number;
  paymentsFen: number;
  closingFen: number;
  lines: StatementLine[];
}
export interface StatementLine {
  date: string;
  entryNumber: string;
  memo: string;
  accountName: string;
  receiptFen: number;
  paymentFen: number;
}
/** A line on screen: with the fund's money after it (opening plus every line up to and including it). */
export interface StatementBalancedLine extends StatementLine {
  balanceFen: number;
}
/** One page of a fund's lines in the month, in order of date, entry and line. */
export interface StatementLinePage {
  fundId: number;
  page: number;
  pageSize: number;
  /** How many lines the fund has in the month. */
  lineCount: number;
  lines: StatementBalancedLine[];
}
/** A fund on screen: its figures and the first page of its lines (later pages by ledger.statementLines). */
export interface StatementFundOnScreen extends Omit<StatementFund, 'lines'>, StatementLinePage {}
/** 月度收支明细表 on screen: every figure, but one page of lines per fund — the PDF and Excel list them all. */
export interface StatementOnScreen extends Omit<MonthlyStatement, 'funds'> {
  funds: StatementFundOnScreen[];
}
export interface MonthlyStatement {
  month: string;
  closed: boolean;
  funds: StatementFund[];
  /** 物资收发存: the month's stock ledger, joined from the materials books. */
  materials: StockLedgerRow[];
  totals: { openingFen: number; receiptsFen: number; paymentsFen: number; closingFen: number };
}

export const ledgerChannels = {
  'ledger.accounts': channel<Account[]>()({ title: '会计科目', input: z.object({}).strict(), access: BOOK_READERS, kind: 'read' }),
  'ledger.addAccount': channel<Account>()({
    title: '新增明细科目',
    input: z
      .object({
        parentId: id,
        code: z.string('请填写科目编码').trim().regex(/^\d{6,10}$/, '明细科目编码为上级科目编码加两位数字'),
        name: text('科目名称', 40).min(2, '请填写科目名称'),
        reliefCategory: z.enum(RELIEF_CATEGORIES).nullable().default(null),
      })
      .strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.deleteAccount': channel<{ deleted: true }>()({
    title: '删除科目',
    input: z.object({ accountId: id }).strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.funds': channel<Fund[]>()({ title: '资金来源', input: z.object({}).strict(), access: ['finance', 'director', 'chair', 'staff'], kind: 'read' }),
  'ledger.addFund': channel<Fund>()({
    title: '新增资金来源',
    input: z
      .object({
        name: text('资金名称', 40).min(2, '请填写资金名称'),
        source: z.enum(FUND_SOURCES, '请选择资金来源类别'),
        purpose: z.enum(RELIEF_CATEGORIES).nullable().default(null),
      })
      .strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.donors': channel<DonorSearch>()({ title: '捐赠人', input: z.object({ q: z.string().max(40).default('') }).strict(), access: BOOK_READERS, kind: 'read' }),
  'ledger.addDonor': channel<Donor>()({
    title: '新增捐赠人',
    input: z
      .object({
        kind: z.enum(DONOR_KINDS, '请选择捐赠人类别'),
        name: text('捐赠人名称', 60).min(1, '请填写捐赠人名称'),
        contact: text('联系人', 30).default(''),
        phone: text('电话', 30).default(''),
        address: text('地址', 120).default(''),
      })
      .strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.donate': channel<Donation>()({
    title: '登记捐款',
    input: z
      .object({
        donorId: id,
        date: isoDate,
        amountFen: fen('捐款金额').min(1, '请填写捐款金额'),
        method: z.enum(PAYMENT_METHODS, '请选择收款方式'),
        accountId: id.nullable().default(null),
        fundId: id,
        designatedUse: text('指定用途', 200).default(''),
      })
      .strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.donations': channel<Paged<Donation>>()({
    title: '捐款列表',
    input: z.object({ page, pageSize, ...donationsQuery }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  // Every donation of the list's current filter, in its order (built on the jobs worker).
  'ledger.donationsXlsx': channel<FileDownload>()({
    title: '导出捐款列表（Excel）',
    input: z.object({ ...donationsQuery, jobId: jobId.optional() }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'ledger.voidReceipt': channel<ReceiptView>()({
    title: '作废并重开收据',
    input: z.object({ receiptId: id, reason: text('作废原因', 200).min(2, '请写明作废原因') }).strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.printReceipt': channel<PdfFile>()({
    title: '打印收据',
    input: z.object({ receiptId: id }).strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.toPay': channel<ToPayItem[]>()({ title: '待发放救助', input: z.object({}).strict(), access: BOOK_READERS, kind: 'read' }),
  'ledger.payRelief': channel<ReliefPayment>()({
    title: '发放救助金',
    input: z.object({ applicationId: id, fundId: id, method: z.enum(PAYMENT_METHODS, '请选择发放方式'), accountId: id.nullable().default(null) }).strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.payments': channel<Paged<ReliefPayment>>()({
    title: '救助发放记录',
    input: z.object({ page, pageSize, ...paymentsQuery }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  // Every payment of the list's current filter, in its order (built on the jobs worker).
  'ledger.paymentsXlsx': channel<FileDownload>()({
    title: '导出救助发放记录（Excel）',
    input: z.object({ ...paymentsQuery, jobId: jobId.optional() }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'ledger.entries': channel<Paged<JournalEntry>>()({
    title: '记账凭证',
    input: z.object({ page, pageSize, month: month.optional() }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'ledger.reverse': channel<JournalEntry>()({
    title: '红字冲销凭证',
    input: z.object({ entryId: id, reason: text('冲销原因', 500).min(2, '请写明冲销原因') }).strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.cashBook': channel<CashBook>()({
    title: '现金/银行日记账',
    input: z.object({ accountId: id, month }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'ledger.trialBalance': channel<TrialBalanceRow[]>()({
    title: '试算平衡表',
    input: z.object({ month }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  // Every signed-in role reads month pages (the stock ledger is the storekeeper's too).
  'ledger.openingMonth': channel<{ month: string }>()({ title: '默认打开的月份', input: emptyInput, access: 'any', kind: 'read' }),
  'ledger.monthStatus': channel<MonthStatus>()({ title: '月结状态', input: z.object({ month }).strict(), access: BOOK_READERS, kind: 'read' }),
  'ledger.closeMonth': channel<MonthStatus>()({
    title: '月末结账',
    input: z
      .object({
        month,
        counts: z.array(z.object({ accountId: id, countedFen: fen('盘点金额') }).strict()).min(1, '请填写现金盘点和银行对账单余额').max(100, '盘点的账户最多 100 个'),
        explanation: text('差异说明', 1000).default(''),
      })
      .strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'ledger.reopenMonth': channel<MonthStatus>()({
    title: '反结账（重新打开月份）',
    input: z.object({ month, reason: text('反结账原因', 1000).min(2, '请写明反结账原因') }).strict(),
    access: ['chair'],
    kind: 'write',
  }),
  'ledger.statement': channel<StatementOnScreen>()({
    title: '月度收支明细表',
    input: z.object({ month, pageSize: statementPageSize }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'ledger.statementLines': channel<StatementLinePage>()({
    title: '月度收支明细表（明细分页）',
    input: z.object({ month, fundId: id, page, pageSize: statementPageSize }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'ledger.statementPdf': channel<PdfFile>()({ title: '打印月度收支明细表', input: z.object({ month, jobId: jobId.optional() }).strict(), access: BOOK_READERS, kind: 'read' }),
  'ledger.statementXlsx': channel<FileDownload>()({ title: '导出月度收支明细表（Excel）', input: z.object({ month, jobId: jobId.optional() }).strict(), access: BOOK_READERS, kind: 'read' }),
} as const;
