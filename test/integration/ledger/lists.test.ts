import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-12-01', '07:00') });
  const [app] = await payableApplications(core, [50_000]);
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance, '李明');
  await core.ok('ledger.donate', { donorId, date: '2026-12-01', amountFen: 80_000, method: 'cash', fundId: 4 }, finance);
  // 07:00 on the 1st in Shanghai is still November in UTC: lists must follow the local month.
  await core.ok('ledger.payRelief', { applicationId: app!, fundId: 4, method: 'cash' }, finance);
});
afterAll(() => core.close());

describe('finance lists and exports', () => {
  it('finds donors and lists donations and payments by the local month', async () => {
    expect((await core.ok('ledger.donors', { q: '李' }, finance)).donors.map((d) => d.name)).toEqual(['李明']);
    expect((await core.ok('ledger.donations', { page: 1, pageSize: 20, month: '2026-12' }, finance)).total).toBe(1);
    expect((await core.ok('ledger.payments', { page: 1, pageSize: 20, month: '2026-12' }, finance)).rows.map((p) => p.amountFen)).toEqual([50_000]);
    expect(await core.ok('ledger.payments', { page: 1, pageSize: 20, month: '2026-11' }, finance)).toEqual({ total: 0, rows: [] });
  });

  it('adds a detail account under a chart account with its code, and refuses a wrong or duplicate code', async () => {
    const parent = (await core.ok('ledger.accounts', {}, finance)).find((x) => x.code === '4004')!;
    expect(await core.call('ledger.addAccount', { parentId: parent.id, code: '400501', name: '区政府帮扶补助' }, finance)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const a = await core.ok('ledger.addAccount', { parentId: parent.id, code: '400401', name: '区政府帮扶补助' }, finance);
    expect(a).toMatchObject({ kind: 'income', balanceFen: 0, parentId: parent.id, name: '政府补助收入—区政府帮扶补助', standard: false, deletable: true });
    expect(await core.call('ledger.addAccount', { parentId: parent.id, code: '400401', name: '重复' }, finance)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('exports the statement to Excel with the totals of the books', async () => {
    const file = await core.ok('ledger.statementXlsx', { month: '2026-12' }, finance);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer); // exceljs types want an ArrayBuffer; a Node Buffer is what it reads
    expect(book.worksheets.map((w) => w.name)).toContain('汇总');
    const text = JSON.stringify(book.getWorksheet('汇总')!.getSheetValues());
    expect(text).toContain('800');
    expect(text).toContain('300');
  });
});
