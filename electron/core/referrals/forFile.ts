import type { FileReferrals } from '../../../shared/contract/referrals';
import type { Db } from '../../db/open';
import { LEGAL_SELECT, REFERRAL_SELECT, toJobReferral, toLegalAidCase, type JobReferralRow, type LegalAidRow } from './rows';

/** The worker file's job referrals and legal-aid cases, newest first (for the file page and anything else showing a file). */
export function referralsForFile(db: Db, fileId: number): FileReferrals {
  return {
    jobReferrals: (db.prepare(`${REFERRAL_SELECT} WHERE r.file_id = ? ORDER BY r.id DESC`).all(fileId) as JobReferralRow[]).map(toJobReferral),
    legalAidCases: (db.prepare(`${LEGAL_SELECT} WHERE c.file_id = ? ORDER BY c.id DESC`).all(fileId) as LegalAidRow[]).map(toLegalAidCase),
  };
}
