import type { Donor, DonorSearch } from '../../../shared/contract/ledger';
import type { Db } from '../../db/open';
import { fragmentCondition, prefixTop } from '../textSearch';

const DONOR_PICKS = 50;

/**
 * Donors for the picker, by name: a name containing `q` anywhere (纺织 finds 郑州纺织机械厂) through the
 * full-text index, one character as a prefix range on the name index, nothing typed the first names.
 */
export function searchDonors(db: Db, raw: string): DonorSearch {
  const q = raw.trim();
  // One more than shown: its presence is how the picker knows to say there are more.
  const params: Record<string, unknown> = { limit: DONOR_PICKS + 1 };
  let where = '';
  if (q) {
    where = `WHERE ${fragmentCondition('donors', 'd', q, params) ?? ((params.prefix = q), (params.prefixTop = prefixTop(q)), 'd.name >= @prefix AND d.name < @prefixTop')}`;
  }
  const rows = db.prepare(`SELECT d.* FROM donors d ${where} ORDER BY d.name LIMIT @limit`).all(params) as Donor[];
  return { donors: rows.slice(0, DONOR_PICKS), more: rows.length > DONOR_PICKS };
}
