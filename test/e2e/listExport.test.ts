// Issue 14, list pages: a 建档日期 range set on the file list, 导出 Excel clicked, and the downloaded
// workbook holds exactly the files the list pages through for that filter (more than one page of them).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { LIST_FIRST_ROW } from '../../electron/export/listXlsx';
import type { FileSummary } from '../../shared/contract/files';
import { localDate } from '../../shared/dates';
import { maskIdNumber } from '../../shared/idcard';
import { fakeFileInputs } from '../fixtures/files';
import { shanghai } from '../fixtures/petitions';
import { ADMIN, login, startE2e, type E2eApp } from './harness';

let e: E2eApp;
let staff = '';
const CLERK = { username: 'jingban', password: 'Clerk-pass-2026' };
const DAYS = ['2026-02-28', '2026-03-01', '2026-03-12', '2026-03-31', '2026-04-01'];

async function ok<T>(channel: string, payload: unknown, token: string | null = null): Promise<T> {
  const r = await dispatch(e.app, channel, payload, { token });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

beforeAll(async () => {
  e = await startE2e();
  e.clock.set(shanghai('2026-05-06'));
  const admin = (await ok<{ token: string }>('auth.setup', { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password })).token;
  await ok('users.create', { username: CLERK.username, displayName: '周丽华', password: CLERK.password, roles: ['staff'] }, admin);
  staff = (await ok<{ token: string }>('auth.login', CLERK)).token;
  const seen = new Set<string>();
  const setCreated = e.app.db.prepare('UPDATE worker_files SET created_at = ? WHERE id = ?');
  let i = 0;
  for (const input of fakeFileInputs(2614, 70)) {
    if (seen.has(input.idNumber)) continue;
    seen.add(input.idNumber);
    const f = await ok<{ id: number }>('files.create', input, staff);
    setCreated.run(shanghai(DAYS[i++ % DAYS.length]!, '10:00').toISOString(), f.id);
  }
}, 120_000);
afterAll(async () => {
  await e?.close();
});

describe('file list export with the page filter', () => {
  it('downloads every page of the files the 建档日期 range selects, in the list order', async () => {
    const { page } = e;
    const filter = { from: '2026-03-01', to: '2026-03-31', sort: 'updatedAt', order: 'desc' };
    const expected: FileSummary[] = [];
    for (let p = 1; ; p++) {
      const r = await ok<{ rows: FileSummary[] }>('files.list', { ...filter, page: p, pageSize: 20 }, staff);
      expected.push(...r.rows);
      if (r.rows.length < 20) break;
    }
    expect(expected.length).toBeGreaterThan(20);

    await page.reload();
    await login(page, CLERK.username, CLERK.password);
    await page.goto(`${e.url}#/files`);
    await page.getByTestId('file-row').first().waitFor();
    await page.getByPlaceholder('建档日期起').click();
    await page.getByPlaceholder('建档日期起').fill('2026-03-01');
    await page.getByPlaceholder('建档日期起').press('Enter');
    await page.getByPlaceholder('建档日期止').fill('2026-03-31');
    await page.getByPlaceholder('建档日期止').press('Enter');
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toContain(`${expected.length}`);
    await e.shot('list-export-01-files-range');

    const download = page.waitForEvent('download');
    await page.getByTestId('file-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('困难职工档案-2026-05-06.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    const sheet = wb.getWorksheet('困难职工档案')!;
    expect(String(sheet.getCell('A2').value)).toContain('建档日期2026年3月1日至2026年3月31日');
    const ids: unknown[] = [];
    const created: unknown[] = [];
    for (let n = LIST_FIRST_ROW; n <= sheet.rowCount; n++) {
      ids.push(sheet.getRow(n).getCell(2).value);
      created.push(sheet.getRow(n).getCell(11).value);
    }
    expect(ids).toEqual(expected.map((f) => maskIdNumber(f.idNumber)));
    expect(new Set(created)).toEqual(new Set(['2026-03-01', '2026-03-12', '2026-03-31']));
    expect(expected.every((f) => ['2026-03-01', '2026-03-12', '2026-03-31'].includes(localDate(new Date(f.createdAt))))).toBe(true);
  });
});
