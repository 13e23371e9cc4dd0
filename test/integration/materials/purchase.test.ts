import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
const { write } = pdfWorkspace('uhc-materials-');

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  await payableApplications(core, [50_000]);
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance);
  await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 100_000, method: 'cash', fundId: 1 }, finance);
});
afterAll(() => core.close());

describe('materials purchases, alerts and reports', () => {
  it('pays a purchase from a fund through the books and puts the goods in stock', async () => {
    const oil = await core.ok('materials.addItem', { name: '食用油', spec: '5L', unit: '桶', category: 'food', shelfLifeDays: 20, lowStock: 10 }, finance);
    const doc = await core.ok('materials.purchase', { fundId: 1, method: 'cash', locationId: 1, date: '2026-11-10', lines: [{ itemId: oil.id, quantity: 4, unitValueFen: 6_000 }] }, finance);
    expect(doc).toMatchObject({ kind: 'purchase', status: 'done' });
    expect(doc.movements[0]).toMatchObject({ quantity: 4, valueFen: 24_000, by: '测试finance' });
    const fund = (await core.ok('ledger.funds', {}, finance)).find((f) => f.id === 1)!;
    expect(fund.balanceFen).toBe(76_000);
    expect((await core.ok('materials.items', {}, finance)).find((i) => i.id === oil.id)!.onHand).toBe(4);
    expect(await core.call('materials.purchase', { fundId: 1, method: 'cash', locationId: 1, date: '2026-11-10', lines: [{ itemId: oil.id, quantity: 100, unitValueFen: 6_000 }] }, finance)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    expect((await core.ok('materials.items', {}, finance)).find((i) => i.id === oil.id)!.onHand).toBe(4);
  });

  it('warns of low stock and goods near expiry', async () => {
    const alerts = await core.ok('materials.alerts', {}, finance);
    expect(alerts.lowStock.map((a) => [a.itemName, a.onHand])).toEqual([['食用油', 4]]);
    expect(alerts.nearExpiry.map((a) => [a.itemName, a.expiryDate, a.quantity])).toEqual([['食用油', '2026-11-30', 4]]);
  });

  it('lists the month\'s documents and prints the stock ledger', async () => {
    const docs = await core.ok('materials.documents', { month: '2026-11' }, finance);
    expect(docs.map((d) => d.kind)).toEqual(['purchase']);
    expect((await core.ok('materials.locations', {}, finance)).map((l) => l.name)).toContain('中心仓库');
    const pdf = await core.ok('materials.ledgerPdf', { month: '2026-11' }, finance);
    expect(pdftotext(write('ledger.pdf', Buffer.from(pdf.base64, 'base64')))).toContain('食用油');
    const xlsx = await core.ok('materials.ledgerXlsx', { month: '2026-11' }, finance);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
