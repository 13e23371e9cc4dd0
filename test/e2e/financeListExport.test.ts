// Issue 14, list pages: a 捐赠日期 range set on the donation list, sorted by 金额 with a click on the
// column, 导出 Excel clicked, and the downloaded workbook holds exactly the donations the list pages
// through for that filter and order (more than one page of them).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { LIST_FIRST_ROW } from '../../electron/export/listXlsx';
import type { Donation } from '../../shared/contract/ledger';
import { fenToYuanNumber, formatYuan } from '../../shared/money';
import { shanghai } from '../fixtures/petitions';
import { ADMIN, login, startE2e, type E2eApp } from './harness';

let e: E2eApp;
let finance = '';
const CASHIER = { username: 'caiwu', password: 'Cashier-pass-2026' };
const DAYS = ['2026-03-31', '2026-04-01', '2026-04-15', '2026-04-30', '2026-05-01'];

async function ok<T>(channel: string, payload: unknown, token: string | null = null): Promise<T> {
  const r = await dispatch(e.app, channel, payload, { token });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

beforeAll(async () => {
  e = await startE2e();
  e.clock.set(shanghai('2026-05-06'));
  const admin = (await ok<{ token: string }>('auth.setup', { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password })).token;
  await ok('users.create', { username: CASHIER.username, displayName: '孙会计', password: CASHIER.password, roles: ['finance'] }, admin);
  finance = (await ok<{ token: string }>('auth.login', CASHIER)).token;
  const donorId = (await ok<{ id: number }>('ledger.addDonor', { kind: 'unit', name: '红星机械厂', contact: '', phone: '', address: '' }, finance)).id;
  for (let i = 0; i < 60; i++) {
    // amounts all different, so the order by 金额 is one order
    await ok('ledger.donate', { donorId, date: DAYS[i % DAYS.length], amountFen: 10_000 + ((i * 37) % 60) * 1_000 + i, method: 'cash', fundId: 4 }, finance);
  }
}, 180_000);
afterAll(async () => {
  await e?.close();
});

describe('donation list export with the page filter and order', () => {
  it('downloads every page of the donations the 捐赠日期 range selects, by amount', async () => {
    const { page } = e;
    const filter = { from: '2026-04-01', to: '2026-04-30', sort: 'amount', order: 'asc' };
    const expected: Donation[] = [];
    for (let p = 1; ; p++) {
      const r = await ok<{ rows: Donation[] }>('ledger.donations', { ...filter, page: p, pageSize: 20 }, finance);
      expected.push(...r.rows);
      if (r.rows.length < 20) break;
    }
    expect(expected.length).toBe(36);

    await page.reload();
    await login(page, CASHIER.username, CASHIER.password);
    await page.goto(`${e.url}#/finance/donations`);
    await page.getByTestId('donation-table').waitFor();
    await page.getByPlaceholder('捐赠日期起').click();
    await page.getByPlaceholder('捐赠日期起').fill('2026-04-01');
    await page.getByPlaceholder('捐赠日期起').press('Enter');
    await page.getByPlaceholder('捐赠日期止').fill('2026-04-30');
    await page.getByPlaceholder('捐赠日期止').press('Enter');
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toContain(`${expected.length}`);
    // one click on 金额 sorts up, on the server
    await page.getByTestId('donation-table').locator('th', { hasText: '金额' }).click();
    await expect.poll(() => page.getByTestId('donation-row').first().textContent()).toContain(formatYuan(expected[0]!.amountFen));
    await e.shot('list-export-02-donations-range');

    const download = page.waitForEvent('download');
    await page.getByTestId('donation-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('捐款登记-2026-05-06.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    const sheet = wb.getWorksheet('捐款登记')!;
    expect(String(sheet.getCell('A2').value)).toBe('捐赠日期2026年4月1日至2026年4月30日；按金额升序　共 36 笔');
    const got: unknown[][] = [];
    for (let n = LIST_FIRST_ROW; n < sheet.rowCount; n++) got.push([sheet.getRow(n).getCell(1).value, sheet.getRow(n).getCell(5).value]);
    expect(got).toEqual(expected.map((d) => [d.date, fenToYuanNumber(d.amountFen)]));
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('合计');
  });
});
