// Vocabularies of finance's own entries and the general voucher (记账凭证), DOMAIN §5.

export const VOUCHER_STATUSES = ['pending', 'posted', 'rejected', 'withdrawn'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];
export const VOUCHER_STATUS_LABELS: Record<VoucherStatus, string> = {
  pending: '待审核',
  posted: '已审核记账',
  rejected: '已退回',
  withdrawn: '已撤回',
};

/** 提现: bank to cash; 存现: cash to bank. */
export const TRANSFER_DIRECTIONS = ['withdraw', 'deposit'] as const;
export type TransferDirection = (typeof TRANSFER_DIRECTIONS)[number];
export const TRANSFER_DIRECTION_LABELS: Record<TransferDirection, string> = { withdraw: '提现（银行→现金）', deposit: '存现（现金→银行）' };
export const TRANSFER_DEFAULT_MEMOS: Record<TransferDirection, string> = { withdraw: '从银行提取现金', deposit: '将库存现金存入银行' };

/** Lines of one voucher; a voucher longer than this is better split. */
export const VOUCHER_MAX_LINES = 40;
