// Issue 15: the specification is part of what the goods are (大米 10kg and 5kg bags are different
// goods), so every printout that names an item prints 品名及规格 as 大米（10kg/袋）, not 大米.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let staff: string;
let donationId: number;
let issueId: number;
const { write } = pdfWorkspace('uhc-spec-');
/** Text without the spaces -layout puts between table columns. */
const printed = (name: string, base64: string) => {
  const file = write(name, Buffer.from(base64, 'base64'));
  if (process.env.KEEP_PDF_DIR) fs.copyFileSync(file, `${process.env.KEEP_PDF_DIR}/${name}`);
  return pdftotext(file).replace(/[ \t]+/g, '');
};

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  staff = await core.tokenFor(['staff']);
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance);
  const rice = (await core.ok('materials.addItem', { name: '大米', spec: '10kg/袋', unit: '袋', category: 'food' }, finance)).id;
  donationId = (await core.ok('materials.receiveDonation', { donorId, locationId: 1, date: '2026-11-10', lines: [{ itemId: rice, quantity: 20, unitValueFen: 8_000 }] }, finance)).id;
  const [app] = await payableApplications(core, [30_000]);
  issueId = (await core.ok('materials.issue', { applicationId: app!, locationId: 1, lines: [{ itemId: rice, quantity: 2 }] }, staff)).id;
});
afterAll(() => core.close());

describe('物资 printouts name the item with its specification', () => {
  it('the 物资捐赠收据 and its document summary', async () => {
    const pdf = await core.ok('materials.printDocument', { documentId: donationId }, finance);
    expect(printed('receipt.pdf', pdf.base64)).toContain('大米（10kg/袋）20袋');
    const docs = await core.ok('materials.documents', { month: '2026-11' }, finance);
    expect(docs.find((d) => d.id === donationId)!.summary).toBe('大米（10kg/袋） 20袋');
  });

  it('the 物资领取单', async () => {
    const pdf = await core.ok('materials.printDocument', { documentId: issueId }, finance);
    expect(printed('slip.pdf', pdf.base64)).toContain('大米（10kg/袋）2袋');
  });

  it('the 物资收发存月报表 and the monthly statement', async () => {
    expect(printed('ledger.pdf', (await core.ok('materials.ledgerPdf', { month: '2026-11' }, finance)).base64)).toContain('大米（10kg/袋）袋');
    expect(printed('statement.pdf', (await core.ok('ledger.statementPdf', { month: '2026-11' }, finance)).base64)).toContain('大米（10kg/袋）袋中心仓库');
  });
});
