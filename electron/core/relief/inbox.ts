import type { SessionUser } from '../../../shared/contract/auth';

/**
 * What waits for a user's decision: pending_director for directors and pending_chair for chairs,
 * never their own proposals, and for the chair not what they already approved as director.
 * Returns an SQL condition on relief_applications `a` and its parameters.
 */
export function inboxCondition(user: Pick<SessionUser, 'id' | 'roles'>): { sql: string; params: Record<string, number> } {
  const stages: string[] = [];
  if (user.roles.includes('director')) stages.push("a.status = 'pending_director'");
  if (user.roles.includes('chair')) {
    stages.push(`(a.status = 'pending_chair' AND NOT EXISTS (SELECT 1 FROM relief_decisions d
      WHERE d.application_id = a.id AND d.stage = 'director' AND d.decision = 'approve' AND d.by_user = @me
      AND d.id > (SELECT max(s.id) FROM relief_decisions s WHERE s.application_id = a.id AND s.decision = 'submit')))`);
  }
  if (stages.length === 0) return { sql: '0', params: {} };
  return { sql: `(a.proposed_by <> @me AND (${stages.join(' OR ')}))`, params: { me: user.id } };
}
