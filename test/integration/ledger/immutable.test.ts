import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let director: string;
let otherDirector: string;
let staff: string;
const ids = {} as {
  donation: number;
  donationReceipt: number;
  voidedReceipt: number;
  paid: number;
  reversed: number;
  paidEntry: number;
  issueDoc: number;
  purchaseDoc: number;
  pendingDoc: number;
  rice: number;
  app: number;
};

const one = <T>(sql: string, ...params: unknown[]) => core.app.db.prepare(sql).get(...params) as T;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  const apps = await payableApplications(core, [30_000, 40_000, 50_000]);
  ids.app = apps[2]!;
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  await core.ok('users.create', { username: 'director2', displayName: '副主任', password: TEST_PASSWORD, roles: ['director'] }, core.adminToken);
  finance = await core.tokenFor(['finance']);
  await core.tokenFor(['chair']);
  const donorId = await donor(core, finance);

  const d = await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 500_000, method: 'cash', fundId: 1 }, finance);
  ids.donation = d.id;
  ids.voidedReceipt = d.receipts[0]!.id;
  ids.donationReceipt = (await core.ok('ledger.voidReceipt', { receiptId: ids.voidedReceipt, reason: '金额写错' }, finance)).id;

  const p1 = await core.ok('ledger.payRelief', { applicationId: apps[0]!, fundId: 1, method: 'cash' }, finance);
  await core.ok('ledger.reverse', { entryId: p1.entryId, reason: '发错人' }, finance);
  ids.reversed = p1.id;
  const p2 = await core.ok('ledger.payRelief', { applicationId: apps[1]!, fundId: 1, method: 'cash' }, finance);
  ids.paid = p2.id;
  ids.paidEntry = p2.entryId;

  ids.rice = (await core.ok('materials.addItem', { name: '大米', unit: '袋', category: 'food' }, finance)).id;
  await core.ok('materials.receiveDonation', { donorId, locationId: 1, date: '2026-11-10', lines: [{ itemId: ids.rice, quantity: 10, unitValueFen: 5_000 }] }, finance);
  ids.purchaseDoc = (await core.ok('materials.purchase', { fundId: 1, method: 'cash', locationId: 1, date: '2026-11-10', lines: [{ itemId: ids.rice, quantity: 2, unitValueFen: 5_000 }] }, finance)).id;
  ids.issueDoc = (await core.ok('materials.issue', { applicationId: ids.app, locationId: 1, lines: [{ itemId: ids.rice, quantity: 1 }] }, staff)).id;
  ids.pendingDoc = (await core.ok('materials.requestWriteOff', { locationId: 1, itemId: ids.rice, quantity: 1, reason: '受潮' }, staff)).id;

  // November ends: it is closed and the chair reopens it (two month events), then work goes on in December.
  core.clock.set(shanghai('2026-12-01'));
  const login = async (username: string) => (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
  finance = await login('u_finance');
  staff = await login('u_staff');
  director = await login('u_director');
  otherDirector = await login('director2');
  const status = await core.ok('ledger.monthStatus', { month: '2026-11' }, finance);
  await core.ok('ledger.closeMonth', { month: '2026-11', counts: status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen })) }, finance);
  await core.ok('ledger.reopenMonth', { month: '2026-11', reason: '补登' }, await login('u_chair'));
});
afterAll(() => core.close());

describe('the books cannot be changed behind the application', () => {
  it('refuses every UPDATE and DELETE straight on the file that the rules do not allow', () => {
    const otherReceipt = one<{ id: number }>("SELECT id FROM receipts WHERE source_type = 'relief_payment' LIMIT 1").id;
    const issueReceipt = one<{ receipt_id: number }>('SELECT receipt_id FROM material_documents WHERE id = ?', ids.issueDoc).receipt_id;
    const forbidden: [string, string, ...unknown[]][] = [
      ['change a donation', 'UPDATE donations SET amount_fen = amount_fen + 1 WHERE id = ?', ids.donation],
      ['delete a donation', 'DELETE FROM donations WHERE id = ?', ids.donation],
      ['change a payment amount', 'UPDATE relief_payments SET amount_fen = 1 WHERE id = ?', ids.paid],
      ['change the payment fund', 'UPDATE relief_payments SET fund_id = 2 WHERE id = ?', ids.paid],
      ['mark a payment reversed while changing it', 'UPDATE relief_payments SET reversal_entry_id = entry_id, amount_fen = 1 WHERE id = ?', ids.paid],
      ['un-reverse a payment', 'UPDATE relief_payments SET reversal_entry_id = NULL WHERE id = ?', ids.reversed],
      ['re-point a reversal', 'UPDATE relief_payments SET reversal_entry_id = entry_id WHERE id = ?', ids.reversed],
      ['delete a payment', 'DELETE FROM relief_payments WHERE id = ?', ids.reversed],
      ['change a relief decision', "UPDATE relief_decisions SET comment = '改' WHERE id = (SELECT min(id) FROM relief_decisions)"],
      ['delete a relief decision', 'DELETE FROM relief_decisions WHERE id = (SELECT min(id) FROM relief_decisions)'],
      ['change a month event', "UPDATE month_events SET action = 'reopen' WHERE action = 'close'"],
      ['delete a month event', "DELETE FROM month_events WHERE action = 'reopen'"],
      ['renumber a receipt', "UPDATE receipts SET number = 'JZSJ-2026-999999' WHERE id = ?", ids.donationReceipt],
      ['move a receipt to another source', 'UPDATE receipts SET source_id = source_id + 1 WHERE id = ?', ids.donationReceipt],
      ['un-void a receipt', "UPDATE receipts SET status = 'issued', void_reason = NULL, voided_by = NULL, voided_at = NULL WHERE id = ?", ids.voidedReceipt],
      ['change a void reason', "UPDATE receipts SET void_reason = '另一个原因' WHERE id = ?", ids.voidedReceipt],
      ['void a receipt without reason and who', "UPDATE receipts SET status = 'void' WHERE id = ?", ids.donationReceipt],
      ['lower a print count', 'UPDATE receipts SET print_count = print_count - 1 WHERE id = ?', ids.donationReceipt],
      ['change when a receipt was issued', "UPDATE receipts SET issued_at = '2020-01-01T00:00:00.000Z' WHERE id = ?", ids.donationReceipt],
      ['delete a receipt', 'DELETE FROM receipts WHERE id = ?', ids.donationReceipt],
      ['change a material document', "UPDATE material_documents SET note = '改' WHERE id = ?", ids.issueDoc],
      ['back-date a material document', "UPDATE material_documents SET date = '2026-10-01' WHERE id = ?", ids.issueDoc],
      ['move an issue to another application', 'UPDATE material_documents SET application_id = NULL WHERE id = ?', ids.issueDoc],
      ['point a document at another source\'s receipt', 'UPDATE material_documents SET receipt_id = ? WHERE id = ?', otherReceipt, ids.issueDoc],
      ['drop a document\'s receipt', 'UPDATE material_documents SET receipt_id = NULL WHERE id = ?', ids.issueDoc],
      ['re-point a purchase to another voucher', 'UPDATE material_documents SET entry_id = ? WHERE id = ?', ids.paidEntry, ids.purchaseDoc],
      ['approve without who and when', "UPDATE material_documents SET status = 'done' WHERE id = ?", ids.pendingDoc],
      ['reopen a decided document', "UPDATE material_documents SET status = 'pending' WHERE id = ?", ids.issueDoc],
      ['delete a material document', 'DELETE FROM material_documents WHERE id = ?', ids.pendingDoc],
      ['change a pending line', 'UPDATE material_pending_lines SET delta = -5 WHERE document_id = ?', ids.pendingDoc],
      ['delete a pending line', 'DELETE FROM material_pending_lines WHERE document_id = ?', ids.pendingDoc],
    ];
    expect(issueReceipt).toBeGreaterThan(0);
    // A statement that runs at all is a failure (one matching no row would prove nothing either).
    const accepted = forbidden.filter(([, sql, ...params]) => {
      try {
        core.app.db.prepare(sql).run(...params);
        return true;
      } catch (e) {
        expect(String(e)).toMatch(/immutable|kept|only/);
        return false;
      }
    });
    expect(accepted.map(([what]) => what)).toEqual([]);
  });

  it('still voids, reprints, reverses payments and decides through the API', async () => {
    const next = await core.ok('ledger.voidReceipt', { receiptId: ids.donationReceipt, reason: '打印错位' }, finance);
    expect(one('SELECT status, void_reason FROM receipts WHERE id = ?', ids.donationReceipt)).toEqual({ status: 'void', void_reason: '打印错位' });
    await core.ok('ledger.printReceipt', { receiptId: next.id }, finance);
    await core.ok('ledger.printReceipt', { receiptId: next.id }, finance);
    expect(one('SELECT print_count FROM receipts WHERE id = ?', next.id)).toEqual({ print_count: 2 });

    const rev = await core.ok('ledger.reverse', { entryId: ids.paidEntry, reason: '资金来源选错' }, finance);
    expect(one('SELECT reversal_entry_id FROM relief_payments WHERE id = ?', ids.paid)).toEqual({ reversal_entry_id: rev.id });

    const decided = await core.ok('materials.decide', { documentId: ids.pendingDoc, approve: true, comment: '同意' }, otherDirector);
    expect(decided.status).toBe('done');
    const rejected = await core.ok('materials.requestWriteOff', { locationId: 1, itemId: ids.rice, quantity: 1, reason: '包装破' }, staff);
    expect((await core.ok('materials.decide', { documentId: rejected.id, approve: false, comment: '不同意' }, director)).status).toBe('rejected');

    const slip = one<{ receipt_id: number }>('SELECT receipt_id FROM material_documents WHERE id = ?', ids.issueDoc).receipt_id;
    const newSlip = await core.ok('ledger.voidReceipt', { receiptId: slip, reason: '签错位置' }, finance);
    expect(one('SELECT receipt_id FROM material_documents WHERE id = ?', ids.issueDoc)).toEqual({ receipt_id: newSlip.id });
  });
});
