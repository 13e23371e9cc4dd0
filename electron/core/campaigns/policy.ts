import type { SessionUser } from '../../../shared/contract/auth';
import type { CampaignPermissions } from '../../../shared/contract/campaigns';
import { CAMPAIGN_STATUS_LABELS } from '../../../shared/campaign';
import { fail, type ErrorCode } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/open';
import type { CampaignRow } from './rows';

/**
 * Who may do what with a campaign list: the one place these rules live. The handlers ask before
 * acting and the read model hands the answers to the page. Separation of duties as for relief:
 * whoever built the list (created or edited the campaign, added, imported or removed a line, or
 * submitted it) cannot check or approve it; the chair's approval needs someone other than the
 * director who checked it.
 */
export type CampaignAction = 'edit' | 'submit' | 'decide' | 'pay' | 'markNotCollected';

const BUILDER_ROLES: readonly Role[] = ['staff', 'director'];
const hasAny = (user: SessionUser, roles: readonly Role[]) => roles.some((r) => user.roles.includes(r));

/** Everyone who put something on this list. */
export function buildersOf(db: Db, c: CampaignRow): Set<number> {
  const rows = db
    .prepare(
      `SELECT added_by AS u FROM campaign_lines WHERE campaign_id = @id
       UNION SELECT by_user FROM campaign_removals WHERE campaign_id = @id
       UNION SELECT by_user FROM campaign_decisions WHERE campaign_id = @id AND decision IN ('edit', 'submit')`,
    )
    .all({ id: c.id }) as { u: number }[];
  return new Set([c.created_by, ...rows.map((r) => r.u)]);
}

/** The director who checked the list since its last submission: the chair stage needs someone else. */
function directorCheckers(db: Db, campaignId: number): Set<number> {
  const rows = db
    .prepare(
      `SELECT by_user FROM campaign_decisions WHERE campaign_id = @id AND stage = 'director' AND decision = 'approve'
       AND id > coalesce((SELECT max(id) FROM campaign_decisions WHERE campaign_id = @id AND decision = 'submit'), 0)`,
    )
    .all({ id: campaignId }) as { by_user: number }[];
  return new Set(rows.map((r) => r.by_user));
}

export interface PolicyRefusal {
  code: ErrorCode;
  message: string;
}

export interface CampaignFacts {
  /** Why the list cannot be submitted as it stands (empty, over budget), or null. */
  submitBlocker: string | null;
  unpaidCount: number;
  paidOutstanding: number;
}

/** Null when allowed; otherwise why not, in words a clerk can act on. */
export function campaignRefusal(db: Db, user: SessionUser, c: CampaignRow, action: CampaignAction, facts: CampaignFacts): PolicyRefusal | null {
  const status = CAMPAIGN_STATUS_LABELS[c.status];
  switch (action) {
    case 'edit':
      if (!hasAny(user, BUILDER_ROLES)) return { code: 'FORBIDDEN', message: '只有接待员或中心主任可以编制慰问名单。' };
      return c.status === 'draft' ? null : { code: 'CONFLICT', message: `${c.number} 目前是“${status}”，名单已提交，不能再修改；如需修改请由审核人退回。` };
    case 'submit': {
      const edit = campaignRefusal(db, user, c, 'edit', facts);
      if (edit) return edit;
      return facts.submitBlocker ? { code: 'RULE', message: facts.submitBlocker } : null;
    }
    case 'decide': {
      const stage = c.status === 'pending_director' ? 'director' : c.status === 'pending_chair' ? 'chair' : null;
      if (!stage) return { code: 'CONFLICT', message: `${c.number} 目前是“${status}”，不在审批环节。` };
      if (!user.roles.includes(stage)) return { code: 'FORBIDDEN', message: stage === 'director' ? '这一步须由中心主任审核。' : '这一步须由工会主席审批。' };
      if (buildersOf(db, c).has(user.id)) return { code: 'RULE', message: '不能审批自己编制或修改过的名单：请由其他有权限的同事审批。' };
      if (stage === 'chair' && directorCheckers(db, c.id).has(user.id)) return { code: 'RULE', message: '同一人不能既作主任审核又作主席审批：请由另一位工会主席审批。' };
      return null;
    }
    case 'pay':
      if (!user.roles.includes('finance')) return { code: 'FORBIDDEN', message: '慰问金由财务发放。' };
      if (c.status !== 'approved') return { code: 'RULE', message: `${c.number} 的名单尚未经工会主席批准，不能发放。` };
      return facts.unpaidCount > 0 ? null : { code: 'CONFLICT', message: `${c.number} 名单上的人员都已发放。` };
    case 'markNotCollected':
      if (!user.roles.includes('finance')) return { code: 'FORBIDDEN', message: '未领取退回由财务登记。' };
      return facts.paidOutstanding > 0 ? null : { code: 'CONFLICT', message: '没有已发放且未退回的人员。' };
  }
}

export function assertCampaignAllowed(db: Db, user: SessionUser, c: CampaignRow, action: CampaignAction, facts: CampaignFacts): void {
  const refusal = campaignRefusal(db, user, c, action, facts);
  if (refusal) fail(refusal.code, refusal.message);
}

export function campaignPermissions(db: Db, user: SessionUser | null, c: CampaignRow, facts: CampaignFacts): CampaignPermissions {
  const allowed = (a: CampaignAction) => (user ? campaignRefusal(db, user, c, a, facts) === null : false);
  const decide = user ? campaignRefusal(db, user, c, 'decide', facts) : null;
  const stageRole = c.status === 'pending_director' ? 'director' : c.status === 'pending_chair' ? 'chair' : null;
  return {
    edit: allowed('edit'),
    submit: allowed('submit'),
    decide: user !== null && decide === null,
    decideBlockedReason: decide !== null && stageRole !== null && user?.roles.includes(stageRole) ? decide.message : null,
    pay: allowed('pay'),
    markNotCollected: allowed('markNotCollected'),
  };
}
