// A donation and a relief payment as the finance lists show them, read by the door (handlers) and by
// the jobs worker (list workbooks) alike.
import type { Donation, Donor, ReliefPayment } from '../../../shared/contract/ledger';
import { fail } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { receiptsFor, toReceipt } from './receipts';

export function loadDonation(db: Db, id: number): Donation {
  const d = db
    .prepare(
      `SELECT d.*, a.name AS account_name, f.name AS fund_name, o.kind AS donor_kind, o.name AS donor_name, o.contact, o.phone, o.address
       FROM donations d JOIN accounts a ON a.id = d.account_id JOIN funds f ON f.id = d.fund_id JOIN donors o ON o.id = d.donor_id WHERE d.id = ?`,
    )
    .get(id) as
    | { id: number; date: string; donor_id: number; amount_fen: number; method: 'cash' | 'bank'; account_name: string; fund_id: number; fund_name: string; designated_use: string; entry_id: number; donor_kind: Donor['kind']; donor_name: string; contact: string; phone: string; address: string }
    | undefined;
  if (!d) return fail('NOT_FOUND', `找不到编号为 ${id} 的捐款`);
  return {
    id: d.id,
    date: d.date,
    donor: { id: d.donor_id, kind: d.donor_kind, name: d.donor_name, contact: d.contact, phone: d.phone, address: d.address },
    amountFen: d.amount_fen,
    method: d.method,
    accountName: d.account_name,
    fundId: d.fund_id,
    fundName: d.fund_name,
    designatedUse: d.designated_use,
    entryId: d.entry_id,
    receipts: receiptsFor(db, 'donation', d.id).map(toReceipt),
  };
}

export interface PaymentRow {
  id: number;
  application_id: number;
  number: string;
  name: string;
  amount_fen: number;
  method: 'cash' | 'bank';
  fund_name: string;
  paid_at: string;
  entry_id: number;
  reversal_entry_id: number | null;
  /** The voucher's local date (发放日期). */
  paid_date: string;
}
export const PAYMENT_SELECT = `SELECT p.*, a.number, f.name, fu.name AS fund_name, e.month, e.date AS paid_date FROM relief_payments p
  JOIN relief_applications a ON a.id = p.application_id JOIN worker_files f ON f.id = a.file_id JOIN funds fu ON fu.id = p.fund_id
  JOIN journal_entries e ON e.id = p.entry_id`;
export function toPayment(db: Db, p: PaymentRow): ReliefPayment {
  const receipt = receiptsFor(db, 'relief_payment', p.id).find((r) => r.status === 'issued') ?? receiptsFor(db, 'relief_payment', p.id).at(-1)!;
  return { id: p.id, applicationId: p.application_id, applicationNumber: p.number, name: p.name, amountFen: p.amount_fen, method: p.method, fundName: p.fund_name, paidAt: p.paid_at, date: p.paid_date, entryId: p.entry_id, reversed: p.reversal_entry_id !== null, receipt: toReceipt(receipt) };
}
