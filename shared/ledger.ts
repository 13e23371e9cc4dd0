// Vocabularies of the books (账务), DOMAIN §5.
import type { ReliefCategory } from './relief';

export const ACCOUNT_KINDS = ['cash', 'bank', 'income', 'expense'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const ACCOUNT_KIND_LABELS: Record<AccountKind, string> = { cash: '库存现金', bank: '银行存款', income: '收入', expense: '支出' };
/** Cash and bank hold the money; a fund's balance is what its cash and bank lines add up to. */
export const MONEY_KINDS: readonly AccountKind[] = ['cash', 'bank'];

export const FUND_SOURCES = ['union', 'administration', 'unit_donation', 'individual_donation', 'earmarked', 'startup', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  union: '工会经费',
  administration: '行政拨款',
  unit_donation: '单位捐赠',
  individual_donation: '个人捐赠',
  earmarked: '上级专项拨款',
  startup: '启动资金',
  other: '其他',
};

export const DONOR_KINDS = ['unit', 'person'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];
export const DONOR_KIND_LABELS: Record<DonorKind, string> = { unit: '单位', person: '个人' };

export const PAYMENT_METHODS = ['cash', 'bank'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { cash: '现金', bank: '银行转账' };

export const RECEIPT_KINDS = ['donation', 'relief_payment', 'material_donation', 'material_issue'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];
export const RECEIPT_PREFIXES: Record<ReceiptKind, string> = { donation: 'JZSJ', relief_payment: 'LQPZ', material_donation: 'WZSJ', material_issue: 'WZLQ' };
export const RECEIPT_KIND_LABELS: Record<ReceiptKind, string> = {
  donation: '捐赠收据',
  relief_payment: '救助金领取凭证',
  material_donation: '物资捐赠收据',
  material_issue: '物资领取单',
};

export type EarmarkPurpose = ReliefCategory | null;

/** What made a journal entry: the donation, relief and materials modules, a reversal, or finance's own entries. */
export const ENTRY_KINDS = ['donation', 'relief_payment', 'purchase', 'reversal', 'opening', 'income', 'expense', 'transfer', 'voucher'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  donation: '捐赠收入',
  relief_payment: '救助发放',
  purchase: '物资采购',
  reversal: '红字冲销',
  opening: '期初',
  income: '其他收入',
  expense: '费用支出',
  transfer: '提现存现',
  voucher: '记账凭证',
};

