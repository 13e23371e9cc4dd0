import type { Petition } from '../../../shared/contract/petitions';
import { fail } from '../../../shared/errors';
import { PETITION_ACTION_LABELS, PETITION_STATUS_LABELS, PETITION_TRANSITIONS, type PetitionAction, type PetitionStatus } from '../../../shared/petition';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { referralOutcomesForPetition } from '../referrals/forPetition';
import { reliefOutcomesForPetition, standingReliefForPetition } from '../relief/forPetition';
import { PETITION_SELECT, toPetition, type PetitionEventRow, type PetitionRow } from './rows';

export function getPetitionRow(db: Db, id: number): PetitionRow {
  return (db.prepare(`${PETITION_SELECT} WHERE p.id = ?`).get(id) as PetitionRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的来访记录`);
}

export function loadPetition(db: Db, id: number, today: string): Petition {
  const row = getPetitionRow(db, id);
  const events = db
    .prepare(
      `SELECT e.id, e.action, e.at, u.display_name AS by_name, e.note FROM petition_events e
       JOIN users u ON u.id = e.by_user WHERE e.petition_id = ? ORDER BY e.id`,
    )
    .all(id) as PetitionEventRow[];
  const outcomes = [...reliefOutcomesForPetition(db, id), ...referralOutcomesForPetition(db, id)];
  return toPetition(row, events, outcomes, standingReliefForPetition(db, id)?.id ?? null, today);
}

export function recordEvent(ctx: HandlerContext, petitionId: number, action: PetitionAction | 'register', note: string): void {
  ctx.db
    .prepare('INSERT INTO petition_events (petition_id, action, at, by_user, note) VALUES (?, ?, ?, ?, ?)')
    .run(petitionId, action, ctx.now.toISOString(), ctx.user!.id, note);
}

/** Refuses a step the lifecycle does not allow from the petition's current status. */
export function assertStep(row: PetitionRow, action: Exclude<PetitionAction, 'reassign'>): PetitionStatus {
  const t = PETITION_TRANSITIONS[action];
  if (!t.from.includes(row.status)) {
    const allowed = t.from.map((s) => `“${PETITION_STATUS_LABELS[s]}”`).join('或');
    fail('CONFLICT', `${row.number} 目前是“${PETITION_STATUS_LABELS[row.status]}”，不能${PETITION_ACTION_LABELS[action]}（只有${allowed}的来访可以${PETITION_ACTION_LABELS[action]}）。`);
  }
  return t.to;
}
