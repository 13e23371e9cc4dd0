// The donation and relief-payment lists: one filter and order for the page, its count and its workbook,
// so the workbook holds exactly the rows the page pages through.
import type { Donation, DonationSort, DonationsQuery, PaymentSort, PaymentsQuery, ReliefPayment } from '../../../shared/contract/ledger';
import type { Db } from '../../db/open';
import { loadDonation, PAYMENT_SELECT, toPayment, type PaymentRow } from './records';

export interface PageOf {
  page: number;
  pageSize: number;
}
interface Where {
  clause: string;
  params: Record<string, string | number>;
}

/** month and from/to on a stored local date column; both may be given and both apply. */
function dateWhere(column: string, q: { month?: string; from?: string; to?: string }): Where {
  const where: string[] = [];
  const params: Record<string, string> = {};
  // Whole-day strings compare in calendar order, so a month is the range of its days.
  if (q.month) (where.push(`${column} >= @monthFrom AND ${column} <= @monthTo`), (params.monthFrom = `${q.month}-01`), (params.monthTo = `${q.month}-31`));
  if (q.from) (where.push(`${column} >= @from`), (params.from = q.from));
  if (q.to) (where.push(`${column} <= @to`), (params.to = q.to));
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const limit = (page: PageOf | undefined, params: Where['params']) =>
  page ? { sql: 'LIMIT @limit OFFSET @offset', params: { ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize } } : { sql: '', params };

const DONATION_ORDER: Record<DonationSort, string> = { date: 'd.date', amount: 'd.amount_fen' };

export function countDonations(db: Db, q: DonationsQuery): number {
  const w = dateWhere('d.date', q);
  return (db.prepare(`SELECT count(*) AS n FROM donations d ${w.clause}`).get(w.params) as { n: number }).n;
}

/** The donations of the filter in its order: one page of them, or all when no page is given. */
export function listDonations(db: Db, q: DonationsQuery, page?: PageOf): Donation[] {
  const w = dateWhere('d.date', q);
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const l = limit(page, w.params);
  const ids = db.prepare(`SELECT d.id FROM donations d ${w.clause} ORDER BY ${DONATION_ORDER[q.sort]} ${dir}, d.id ${dir} ${l.sql}`).all(l.params) as { id: number }[];
  return ids.map((r) => loadDonation(db, r.id));
}

const PAYMENT_ORDER: Record<PaymentSort, string> = {
  date: 'e.date',
  amount: 'p.amount_fen',
  number: 'a.number',
  // paid first, reversed after (ascending)
  status: '(p.reversal_entry_id IS NOT NULL)',
};

export function countPayments(db: Db, q: PaymentsQuery): number {
  const w = dateWhere('e.date', q);
  return (db.prepare(`SELECT count(*) AS n FROM relief_payments p JOIN journal_entries e ON e.id = p.entry_id ${w.clause}`).get(w.params) as { n: number }).n;
}

/** The relief payments of the filter (by the voucher's local date) in its order: one page, or all. */
export function listPayments(db: Db, q: PaymentsQuery, page?: PageOf): ReliefPayment[] {
  const w = dateWhere('e.date', q);
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const l = limit(page, w.params);
  const rows = db.prepare(`${PAYMENT_SELECT} ${w.clause} ORDER BY ${PAYMENT_ORDER[q.sort]} ${dir}, p.id ${dir} ${l.sql}`).all(l.params) as PaymentRow[];
  return rows.map((p) => toPayment(db, p));
}
