import type { SessionUser } from '../../../shared/contract/auth';
import type { ReliefPermissions } from '../../../shared/contract/reliefTypes';
import { fail, type ErrorCode } from '../../../shared/errors';
import { RELIEF_STATUS_LABELS, type ReliefStatus } from '../../../shared/relief';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/open';
import type { ReliefRow } from './rows';

/**
 * Who may do what with a relief application: the one place these rules live. The workflow asks
 * before acting and the read model hands the answers to the page, so no page keeps a copy.
 */
export type ReliefAction = 'edit' | 'submit' | 'withdraw' | 'markDocument' | 'decide';

const PROPOSER_ROLES: readonly Role[] = ['staff', 'director'];
export const EDITABLE: readonly ReliefStatus[] = ['draft', 'pending_director', 'pending_chair', 'awaiting_notice'];
const WITHDRAWABLE: readonly ReliefStatus[] = ['draft', 'pending_director', 'pending_chair', 'awaiting_notice'];

/** Everyone who put a figure on this application: the creator, whoever submitted it and whoever changed it after submission. */
export function proposersOf(db: Db, r: ReliefRow): Set<number> {
  const ids = db
    .prepare("SELECT DISTINCT by_user FROM relief_decisions WHERE application_id = ? AND decision IN ('submit', 'amount_changed')")
    .all(r.id) as { by_user: number }[];
  return new Set([r.proposed_by, ...ids.map((x) => x.by_user)]);
}

/** The director who approved since the last submission, if any: the chair stage needs someone else. */
function directorApprovers(db: Db, applicationId: number): Set<number> {
  const rows = db
    .prepare(
      `SELECT by_user FROM relief_decisions WHERE application_id = @id AND stage = 'director' AND decision = 'approve'
       AND id > coalesce((SELECT max(id) FROM relief_decisions WHERE application_id = @id AND decision IN ('submit', 'amount_changed')), 0)`,
    )
    .all({ id: applicationId }) as { by_user: number }[];
  return new Set(rows.map((x) => x.by_user));
}

const hasAny = (user: SessionUser, roles: readonly Role[]) => roles.some((r) => user.roles.includes(r));

export interface PolicyRefusal {
  code: ErrorCode;
  message: string;
}
const forbidden = (message: string): PolicyRefusal => ({ code: 'FORBIDDEN', message });
const conflict = (message: string): PolicyRefusal => ({ code: 'CONFLICT', message });
const rule = (message: string): PolicyRefusal => ({ code: 'RULE', message });

/** Null when allowed; otherwise why not, in words a clerk can act on. */
export function reliefRefusal(db: Db, user: SessionUser, r: ReliefRow, action: ReliefAction): PolicyRefusal | null {
  const status = RELIEF_STATUS_LABELS[r.status];
  switch (action) {
    case 'markDocument':
    case 'submit':
      if (!hasAny(user, PROPOSER_ROLES)) return forbidden('只有接待员或中心主任可以办理申请。');
      return r.status === 'draft' ? null : conflict(`${r.number} 目前是“${status}”，已经提交过了；如需补正请先退回修改。`);
    case 'edit':
      if (!hasAny(user, PROPOSER_ROLES)) return forbidden('只有接待员或中心主任可以修改申请。');
      return EDITABLE.includes(r.status) ? null : conflict(`${r.number} 已进入公示或已结束，不能修改。`);
    case 'withdraw':
      if (!hasAny(user, PROPOSER_ROLES)) return forbidden('只有接待员或中心主任可以撤回申请。');
      if (!WITHDRAWABLE.includes(r.status)) return conflict(`${r.number} 目前是“${status}”，不能撤回。`);
      if (r.status !== 'draft' && !proposersOf(db, r).has(user.id) && !user.roles.includes('director')) return rule('申请提交后只能由提出人或中心主任撤回。');
      return null;
    case 'decide': {
      const stage = r.status === 'pending_director' ? 'director' : r.status === 'pending_chair' ? 'chair' : null;
      if (!stage) return conflict(`${r.number} 目前是“${status}”，不能审批。`);
      if (!user.roles.includes(stage)) return forbidden(stage === 'director' ? '这一步须由中心主任审批。' : '这一步须由工会主席审批。');
      if (proposersOf(db, r).has(user.id)) return rule('不能审批自己提出或修改过的申请：请由其他有权限的同事审批。');
      if (stage === 'chair' && directorApprovers(db, r.id).has(user.id)) return rule('同一人不能既作主任审批又作主席审批：请由另一位工会主席审批。');
      return null;
    }
  }
}

/** Throws the refusal, if any: the workflow calls this before every step. */
export function assertReliefAllowed(db: Db, user: SessionUser, r: ReliefRow, action: ReliefAction): void {
  const refusal = reliefRefusal(db, user, r, action);
  if (refusal) fail(refusal.code, refusal.message);
}

export function reliefPermissions(db: Db, user: SessionUser | null, r: ReliefRow): ReliefPermissions {
  const refusal = (a: ReliefAction) => (user ? reliefRefusal(db, user, r, a)?.message ?? null : '请先登录');
  const decide = refusal('decide');
  const atDecisionStage = r.status === 'pending_director' || r.status === 'pending_chair';
  return {
    edit: refusal('edit') === null,
    submit: refusal('submit') === null,
    withdraw: refusal('withdraw') === null,
    markDocument: refusal('markDocument') === null,
    decide: decide === null,
    // Shown only to someone holding the stage's role who is still barred (their own proposal, or both stages).
    decideBlockedReason:
      decide !== null && atDecisionStage && user?.roles.includes(r.status === 'pending_director' ? 'director' : 'chair') ? decide : null,
  };
}
