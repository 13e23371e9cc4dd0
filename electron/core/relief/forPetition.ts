import type { PetitionOutcome } from '../../../shared/contract/petitions';
import { formatYuan } from '../../../shared/money';
import { RELIEF_CATEGORY_LABELS, RELIEF_STATUS_LABELS, type ReliefCategory, type ReliefStatus } from '../../../shared/relief';
import type { Db } from '../../db/open';

interface PetitionReliefRow {
  id: number;
  number: string;
  category: ReliefCategory;
  amount_fen: number;
  status: ReliefStatus;
}

const rowsFor = (db: Db, petitionId: number) =>
  db.prepare('SELECT id, number, category, amount_fen, status FROM relief_applications WHERE petition_id = ? ORDER BY id').all(petitionId) as PetitionReliefRow[];

/** The relief applications opened from a petition, oldest first, as the petition shows them. */
export function reliefOutcomesForPetition(db: Db, petitionId: number): PetitionOutcome[] {
  return rowsFor(db, petitionId).map((r) => ({
    kind: 'relief',
    id: r.id,
    title: `${r.number}：${RELIEF_CATEGORY_LABELS[r.category]} ${formatYuan(r.amount_fen)}`,
    status: RELIEF_STATUS_LABELS[r.status],
  }));
}

/** The application that stands for this petition: any not withdrawn (a withdrawn one may be filed again). */
export function standingReliefForPetition(db: Db, petitionId: number): { id: number; number: string; status: ReliefStatus } | null {
  return rowsFor(db, petitionId).find((r) => r.status !== 'withdrawn') ?? null;
}
