import type { PetitionOutcome } from '../../../shared/contract/petitions';
import { INFRINGEMENT_LABELS, LEGAL_OUTCOME_LABELS, LEGAL_STATUS_LABELS, REFERRAL_OUTCOME_LABELS } from '../../../shared/referral';
import type { Db } from '../../db/open';
import { LEGAL_SELECT, REFERRAL_SELECT, toJobReferral, toLegalAidCase, type JobReferralRow, type LegalAidRow } from './rows';

/** What became of a petition on the referral side: the job referrals and legal-aid cases opened from it, oldest first. */
export function referralOutcomesForPetition(db: Db, petitionId: number): PetitionOutcome[] {
  const jobs = (db.prepare(`${REFERRAL_SELECT} WHERE r.petition_id = ? ORDER BY r.id`).all(petitionId) as JobReferralRow[]).map(toJobReferral);
  const cases = (db.prepare(`${LEGAL_SELECT} WHERE c.petition_id = ? ORDER BY c.id`).all(petitionId) as LegalAidRow[]).map(toLegalAidCase);
  return [
    ...jobs.map(
      (r): PetitionOutcome => ({
        kind: 'job_referral',
        id: r.id,
        title: `职业介绍：${r.unit} ${r.jobType}`,
        status: REFERRAL_OUTCOME_LABELS[r.outcome],
      }),
    ),
    ...cases.map(
      (c): PetitionOutcome => ({
        kind: 'legal_aid',
        id: c.id,
        title: `法律援助：${INFRINGEMENT_LABELS[c.infringementType]}${c.targetName ? `，转介${c.targetName}` : ''}`,
        status: c.outcome ? `${LEGAL_STATUS_LABELS.closed}（${LEGAL_OUTCOME_LABELS[c.outcome]}）` : LEGAL_STATUS_LABELS[c.status],
      }),
    ),
  ];
}
