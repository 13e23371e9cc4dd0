// 库存 and 物资单据 lists (issue 14): the document list sorts on the server and takes a date range (both
// ends included); each workbook holds the rows of the page's current filter, the stock workbook under
// the page's own filters (text, location kind, alerts) as well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import type { MaterialDocument, StockRow } from '../../../shared/contract/materials';
import { fenToYuanNumber } from '../../../shared/money';
import { DOCUMENTS_SHEET, MOVEMENTS_SHEET, STOCK_SHEET } from '../../../electron/export/materialListsXlsx';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';
import { readListBook } from './workbook';

type DocumentsQuery = Omit<InputOf<'materials.documentsXlsx'>, 'jobId'>;

let core: TestCore;
let finance: string;
let store2: number;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-20') });
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance);
  const item = async (name: string, spec: string, unit: string, category: 'food' | 'clothing', lowStock = 0) =>
    (await core.ok('materials.addItem', { name, spec, unit, category, lowStock }, finance)).id;
  const rice = await item('大米', '10kg/袋', '袋', 'food');
  const oil = await item('食用油', '5L/桶', '桶', 'food');
  const quilt = await item('棉被', '', '床', 'clothing', 5);
  store2 = (await core.ok('materials.addLocation', { name: '二号仓库', kind: 'store' }, finance)).id;
  const receive = (date: string, locationId: number, itemId: number, quantity: number, unitValueFen: number, expiryDate: string | null = null) =>
    core.ok('materials.receiveDonation', { donorId, locationId, date, lines: [{ itemId, quantity, unitValueFen, expiryDate }] }, finance);
  await receive('2026-11-01', 1, rice, 10, 5_000);
  await receive('2026-11-10', 1, oil, 6, 8_000, '2026-12-05'); // within the 30 days' warning
  await receive('2026-11-15', store2, quilt, 3, 20_000); // below its low-stock line of 5
  await receive('2026-11-20', store2, rice, 2, 5_000);
});
afterAll(() => core.close());

describe('material documents: sort, date range and workbook', () => {
  async function expectSameDocuments(q: DocumentsQuery): Promise<MaterialDocument[]> {
    const docs = await core.ok('materials.documents', q, finance);
    const file = await core.ok('materials.documentsXlsx', q, finance);
    const sheet = await readListBook(file, DOCUMENTS_SHEET, false);
    expect(sheet.heads).toEqual(['单据号', '日期', '类别', '状态', '内容', '经办人']);
    expect(sheet.rows.map((r) => [r.getCell(1).value ?? '', r.getCell(2).value, r.getCell(5).value])).toEqual(docs.map((d) => [d.number ?? '', d.date, d.summary]));
    const lines = await readListBook(file, MOVEMENTS_SHEET, true);
    const movements = docs.flatMap((d) => d.movements);
    expect(lines.rows.map((r) => [r.getCell(4).value, r.getCell(6).value, r.getCell(8).value])).toEqual(movements.map((m) => [m.itemName, m.quantity, fenToYuanNumber(m.valueFen)]));
    for (const r of lines.rows) expect(r.getCell(8).numFmt).toBe('#,##0.00');
    return docs;
  }

  it('bounds the date by both ends, included', async () => {
    expect((await expectSameDocuments({ from: '2026-11-10', to: '2026-11-15', sort: 'date', order: 'asc' })).map((d) => d.date)).toEqual(['2026-11-10', '2026-11-15']);
    expect((await expectSameDocuments({ to: '2026-11-01' })).map((d) => d.date)).toEqual(['2026-11-01']);
    expect((await expectSameDocuments({ month: '2026-11', from: '2026-11-15' })).map((d) => d.date)).toEqual(['2026-11-20', '2026-11-15']);
    expect(await expectSameDocuments({ month: '2026-10' })).toEqual([]);
  });

  it('sorts on the server by date and number, both ways', async () => {
    const byDate = await expectSameDocuments({ sort: 'date', order: 'desc' });
    expect(byDate.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-15', '2026-11-10', '2026-11-01']);
    const byNumber = await expectSameDocuments({ sort: 'number', order: 'asc' });
    const numbers = byNumber.map((d) => d.number ?? '');
    expect(numbers).toEqual([...numbers].sort());
    const file = await core.ok('materials.documentsXlsx', { from: '2026-11-10', sort: 'number', order: 'desc' }, finance);
    expect((await readListBook(file, DOCUMENTS_SHEET, false)).scope).toBe('日期2026年11月10日起；按单据号降序　共 3 张');
  });
});

describe('stock workbook under the page filters', () => {
  async function stockBook(q: Omit<InputOf<'materials.stockXlsx'>, 'jobId'>) {
    const book = await readListBook(await core.ok('materials.stockXlsx', q, finance), STOCK_SHEET, true);
    expect(book.heads).toEqual(['物资', '单位', '存放地点', '地点类别', '有效期至', '数量', '估价金额（元）']);
    return book.rows.map((r) => `${r.getCell(1).value}@${r.getCell(3).value}×${r.getCell(6).value}=${r.getCell(7).value}`);
  }
  const asText = (rows: StockRow[]) => rows.map((r) => `${r.itemName}@${r.locationName}×${r.quantity}=${fenToYuanNumber(r.valueFen)}`);

  it('holds the list of the location filter, and the page filters on top', async () => {
    const all = await core.ok('materials.stock', {}, finance);
    expect(await stockBook({})).toEqual(asText(all));
    expect(await stockBook({ locationId: store2 })).toEqual(asText(await core.ok('materials.stock', { locationId: store2 }, finance)));
    expect(await stockBook({ q: '10kg' })).toEqual(asText(all.filter((r) => r.itemName.startsWith('大米'))));
    expect((await stockBook({ q: '衣被' })).map((t) => t.split('@')[0])).toEqual(['棉被']);
    expect((await stockBook({ onlyAlerts: true })).map((t) => t.split('@')[0]).sort()).toEqual(['棉被', '食用油'].sort());
    expect(await stockBook({ kind: 'donor' })).toEqual([]);
  });
});
