import type { SessionUser } from '../../../shared/contract/auth';
import type { VoucherPermissions } from '../../../shared/contract/vouchers';
import { fail, type ErrorCode } from '../../../shared/errors';
import { VOUCHER_STATUS_LABELS, type VoucherStatus } from '../../../shared/vouchers';

/**
 * Who may do what with a general voucher (记账凭证): the one place these rules live. The handlers ask
 * before acting and the read model hands the answers to the pages.
 * Four-eyes: a director other than the drafter approves or rejects; only the drafter withdraws.
 */
export type VoucherAction = 'approve' | 'reject' | 'withdraw';

export interface VoucherFacts {
  number: string;
  status: VoucherStatus;
  createdBy: number;
}

interface Refusal {
  code: ErrorCode;
  message: string;
}

/** Null when allowed; otherwise why not, in words a clerk can act on. */
export function voucherRefusal(user: SessionUser, v: VoucherFacts, action: VoucherAction): Refusal | null {
  if (v.status !== 'pending') {
    return { code: 'CONFLICT', message: `凭证 ${v.number} ${VOUCHER_STATUS_LABELS[v.status]}，不能再${action === 'withdraw' ? '撤回' : '审核'}。` };
  }
  if (action === 'withdraw') {
    if (!user.roles.includes('finance')) return { code: 'FORBIDDEN', message: '记账凭证只能由财务撤回。' };
    if (user.id !== v.createdBy) return { code: 'RULE', message: `凭证 ${v.number} 只能由制单人撤回；如有问题请由中心主任退回。` };
    return null;
  }
  if (!user.roles.includes('director')) return { code: 'FORBIDDEN', message: '记账凭证须由中心主任审核。' };
  if (user.id === v.createdBy) return { code: 'RULE', message: `不能审核自己填制的凭证 ${v.number}：制单和审核须由两个人分别办理，请由另一位中心主任审核。` };
  return null;
}

export function assertVoucherAllowed(user: SessionUser, v: VoucherFacts, action: VoucherAction): void {
  const refusal = voucherRefusal(user, v, action);
  if (refusal) fail(refusal.code, refusal.message);
}

export function voucherPermissions(user: SessionUser | null, v: VoucherFacts): VoucherPermissions {
  if (!user) return { approve: false, reject: false, withdraw: false, approveBlockedReason: null };
  const approve = voucherRefusal(user, v, 'approve');
  return {
    approve: approve === null,
    reject: voucherRefusal(user, v, 'reject') === null,
    withdraw: voucherRefusal(user, v, 'withdraw') === null,
    // Only worth telling a director looking at a pending voucher (e.g. they drafted it themselves).
    approveBlockedReason: approve && v.status === 'pending' && user.roles.includes('director') ? approve.message : null,
  };
}
