import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let staff: string;
let donationDoc: number;
let issueDoc: number;
const { write } = pdfWorkspace('uhc-receipts-');

const textOf = (name: string, pdf: { base64: string }) => pdftotext(write(name, Buffer.from(pdf.base64, 'base64'))).replace(/[ \t]+/g, '');
const receiptOf = (documentId: number) => (core.app.db.prepare('SELECT receipt_id FROM material_documents WHERE id = ?').get(documentId) as { receipt_id: number }).receipt_id;
const printCount = (receiptId: number) => (core.app.db.prepare('SELECT print_count FROM receipts WHERE id = ?').get(receiptId) as { print_count: number }).print_count;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  const [app] = await payableApplications(core, [50_000]);
  staff = await core.tokenFor(['staff']);
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance);
  const rice = (await core.ok('materials.addItem', { name: '大米', unit: '袋', category: 'food' }, finance)).id;
  donationDoc = (await core.ok('materials.receiveDonation', { donorId, locationId: 1, date: '2026-11-10', lines: [{ itemId: rice, quantity: 10, unitValueFen: 5_000 }] }, finance)).id;
  issueDoc = (await core.ok('materials.issue', { applicationId: app!, locationId: 1, lines: [{ itemId: rice, quantity: 2 }] }, staff)).id;
});
afterAll(() => core.close());

describe('receipts of every kind print, reprint and void through one path', () => {
  it('ledger.printReceipt prints a material donation receipt and materials.printDocument reprints the same one', async () => {
    const receiptId = receiptOf(donationDoc);
    const first = textOf('donation-1.pdf', await core.ok('ledger.printReceipt', { receiptId }, finance));
    expect(first).toContain('物资捐赠收据');
    expect(first).toContain('WZSJ-2026-000001');
    expect(first).not.toContain('补打');
    const second = textOf('donation-2.pdf', await core.ok('materials.printDocument', { documentId: donationDoc }, finance));
    expect(second).toContain('WZSJ-2026-000001');
    expect(second).toContain('补打（第2次打印）');
    expect(printCount(receiptId)).toBe(2);
  });

  it('ledger.printReceipt prints a material issue slip, counted with the slips printed from the materials page', async () => {
    const receiptId = receiptOf(issueDoc);
    await core.ok('materials.printDocument', { documentId: issueDoc }, staff);
    const text = textOf('slip.pdf', await core.ok('ledger.printReceipt', { receiptId }, finance));
    expect(text).toContain('物资领取单');
    expect(text).toContain('WZLQ-2026-000001');
    expect(text).toContain('补打（第2次打印）');
    expect(printCount(receiptId)).toBe(2);
  });

  it('voiding a material donation receipt re-points the document at the new number, which both channels then print', async () => {
    const old = receiptOf(donationDoc);
    const next = await core.ok('ledger.voidReceipt', { receiptId: old, reason: '捐赠人名称打错' }, finance);
    expect(next.number).toBe('WZSJ-2026-000002');
    expect(receiptOf(donationDoc)).toBe(next.id);
    const doc = (await core.ok('materials.documents', {}, finance)).find((d) => d.id === donationDoc)!;
    expect(doc).toMatchObject({ receiptId: next.id, number: 'WZSJ-2026-000002' });
    expect(textOf('donation-new.pdf', await core.ok('materials.printDocument', { documentId: donationDoc }, finance))).toContain('WZSJ-2026-000002');
    expect(textOf('donation-new-2.pdf', await core.ok('ledger.printReceipt', { receiptId: next.id }, finance))).toContain('WZSJ-2026-000002');
    expect(printCount(next.id)).toBe(2);
    // The voided one still prints as itself, marked void.
    const voided = textOf('donation-void.pdf', await core.ok('ledger.printReceipt', { receiptId: old }, finance));
    expect(voided).toContain('WZSJ-2026-000001');
    expect(voided).toContain('作废');
  });

  it('voiding a material issue slip re-points the issue at the new slip number', async () => {
    const old = receiptOf(issueDoc);
    const next = await core.ok('ledger.voidReceipt', { receiptId: old, reason: '领取人签错位置' }, finance);
    expect(next.number).toBe('WZLQ-2026-000002');
    expect(receiptOf(issueDoc)).toBe(next.id);
    expect(textOf('slip-new.pdf', await core.ok('materials.printDocument', { documentId: issueDoc }, staff))).toContain('WZLQ-2026-000002');
    const voided = textOf('slip-void.pdf', await core.ok('ledger.printReceipt', { receiptId: old }, finance));
    expect(voided).toContain('WZLQ-2026-000001');
    expect(voided).toContain('作废');
  });
});
