// 捐款 and 救助发放 lists as workbooks: the page's columns, the receipt in force, money in yuan.
import type { Donation, DonationSort, DonationsQuery, PaymentSort, PaymentsQuery, ReceiptView, ReliefPayment } from '../../shared/contract/ledger';
import { rangeText } from '../../shared/contract/listQuery';
import { localDateTime } from '../../shared/dates';
import { DONOR_KIND_LABELS, PAYMENT_METHOD_LABELS } from '../../shared/ledger';
import { listWorkbook, orderText, scopeLine, type ListColumn } from './listXlsx';

export const DONATIONS_SHEET = '捐款登记';
export const PAYMENTS_SHEET = '救助发放记录';
type OnRows = (done: number, total: number) => void;

/** The receipt in force, else the last voided one (marked). */
const receiptText = (receipts: readonly ReceiptView[]): string => {
  const issued = receipts.find((r) => r.status === 'issued');
  if (issued) return issued.number;
  const last = receipts.at(-1);
  return last ? `${last.number}（已作废）` : '';
};

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
const dateScope = (label: string, q: { month?: string; from?: string; to?: string }): string[] => {
  const range = rangeText(q.from, q.to);
  return [q.month ? `${label}在${monthText(q.month)}` : '', range ? `${label}${range}` : ''];
};

const DONATION_COLUMNS: ListColumn<Donation>[] = [
  { title: '捐赠日期', width: 12, value: (d) => d.date },
  { title: '收据号', width: 20, value: (d) => receiptText(d.receipts) },
  { title: '捐赠人', width: 24, value: (d) => d.donor.name },
  { title: '捐赠人类别', width: 10, value: (d) => DONOR_KIND_LABELS[d.donor.kind] },
  { title: '金额（元）', width: 14, value: (d) => d.amountFen, money: true },
  { title: '方式', width: 10, value: (d) => PAYMENT_METHOD_LABELS[d.method] },
  { title: '收款账户', width: 16, value: (d) => d.accountName },
  { title: '资金来源', width: 16, value: (d) => d.fundName },
  { title: '指定用途', width: 30, value: (d) => d.designatedUse },
];
const DONATION_SORT_LABELS: Record<DonationSort, string> = { date: '捐赠日期', amount: '金额' };

export const donationsScope = (q: DonationsQuery): string => scopeLine([...dateScope('捐赠日期', q), orderText(DONATION_SORT_LABELS[q.sort], q.order)]);

export const donationsWorkbook = (rows: readonly Donation[], centreName: string, q: DonationsQuery, onRows?: OnRows): Promise<Buffer> =>
  listWorkbook({ sheet: DONATIONS_SHEET, centreName, columns: DONATION_COLUMNS, rows, scope: donationsScope(q), unit: '笔', onRows });

const PAYMENT_COLUMNS: ListColumn<ReliefPayment>[] = [
  { title: '发放日期', width: 12, value: (p) => p.date },
  { title: '发放时间', width: 17, value: (p) => localDateTime(new Date(p.paidAt)) },
  { title: '凭证号', width: 20, value: (p) => p.receipt.number + (p.receipt.status === 'void' ? '（已作废）' : '') },
  { title: '领款人', width: 10, value: (p) => p.name },
  { title: '申请编号', width: 18, value: (p) => p.applicationNumber },
  { title: '金额（元）', width: 14, value: (p) => p.amountFen, money: true },
  { title: '方式', width: 10, value: (p) => PAYMENT_METHOD_LABELS[p.method] },
  { title: '资金来源', width: 16, value: (p) => p.fundName },
  { title: '状态', width: 10, value: (p) => (p.reversed ? '已冲销' : '已发放') },
];
const PAYMENT_SORT_LABELS: Record<PaymentSort, string> = { date: '发放日期', amount: '金额', number: '申请编号', status: '状态' };

export const paymentsScope = (q: PaymentsQuery): string => scopeLine([...dateScope('发放日期', q), orderText(PAYMENT_SORT_LABELS[q.sort], q.order)]);

export const paymentsWorkbook = (rows: readonly ReliefPayment[], centreName: string, q: PaymentsQuery, onRows?: OnRows): Promise<Buffer> =>
  listWorkbook({ sheet: PAYMENTS_SHEET, centreName, columns: PAYMENT_COLUMNS, rows, scope: paymentsScope(q), unit: '笔', onRows });
