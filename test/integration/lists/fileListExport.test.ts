// 困难职工档案 list (issue 14): the 建档 date range with both ends included, every sort read page by page,
// and the Excel export holding exactly the rows the list pages through for the same filter and order.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import { FILE_SORTS, type FileSummary } from '../../../shared/contract/files';
import { localDate } from '../../../shared/dates';
import { maskIdNumber } from '../../../shared/idcard';
import { fenToYuanNumber } from '../../../shared/money';
import { listFiles } from '../../../electron/core/files/list';
import { settingsOn } from '../../../electron/core/settings/store';
import { LIST_FIRST_ROW } from '../../../electron/export/listXlsx';
import { stopJobs } from '../../../electron/jobs/pool';
import { makeCore, type TestCore } from '../../fixtures/core';
import { fakeFileInputs } from '../../fixtures/files';
import { shanghai } from '../../fixtures/petitions';

type Filter = Omit<InputOf<'files.list'>, 'page' | 'pageSize'>;

let core: TestCore;
let staff: string;

/** 建档 instants (Shanghai) around March 2026, so the range's ends are tested to the minute. */
const CREATED = [
  ['2026-02-28', '23:59'],
  ['2026-03-01', '00:00'],
  ['2026-03-01', '08:30'],
  ['2026-03-15', '12:00'],
  ['2026-03-31', '23:59'],
  ['2026-04-01', '00:00'],
  ['2026-04-02', '10:00'],
] as const;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-05-01') });
  staff = await core.tokenFor(['staff']);
  const seen = new Set<string>();
  const inputs = fakeFileInputs(1414, 40).filter((f) => !seen.has(f.idNumber) && seen.add(f.idNumber));
  const setCreated = core.app.db.prepare('UPDATE worker_files SET created_at = ? WHERE id = ?');
  for (const [i, input] of inputs.entries()) {
    // a few share a unit, so the unit filter has something to select
    const f = await core.ok('files.create', { ...input, workUnit: i % 3 === 0 ? '郑州纺织机械厂' : input.workUnit }, staff);
    // 建档 spread over days without moving the clock (a jump would end the session)
    const [date, time] = CREATED[i % CREATED.length]!;
    setCreated.run(shanghai(date, time).toISOString(), f.id);
  }
}, 60_000);
afterAll(async () => {
  await stopJobs();
  core.close();
});

async function allPages(filter: Filter, pageSize = 7): Promise<FileSummary[]> {
  const rows: FileSummary[] = [];
  for (let page = 1; ; page++) {
    const r = await core.ok('files.list', { ...filter, page, pageSize }, staff);
    rows.push(...r.rows);
    if (r.rows.length < pageSize) return rows;
  }
}

async function workbookRows(filter: Filter): Promise<{ sheet: ExcelJS.Worksheet; rows: ExcelJS.CellValue[][] }> {
  const file = await core.ok('files.exportXlsx', filter, staff);
  expect(file.fileName).toBe('困难职工档案-2026-05-01.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('困难职工档案')!;
  const rows: ExcelJS.CellValue[][] = [];
  for (let n = LIST_FIRST_ROW; n <= sheet.rowCount; n++) rows.push((sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1));
  return { sheet, rows };
}

const createdDay = (f: FileSummary) => localDate(new Date(f.createdAt));

describe('files list: 建档 date range', () => {
  it('includes both ends to the minute, in local days', async () => {
    const march = await allPages({ from: '2026-03-01', to: '2026-03-31', sort: 'createdAt', order: 'asc' });
    const everything = await allPages({ sort: 'createdAt', order: 'asc' });
    const expected = everything.filter((f) => createdDay(f) >= '2026-03-01' && createdDay(f) <= '2026-03-31');
    expect(march.map((f) => f.id)).toEqual(expected.map((f) => f.id));
    expect(new Set(march.map(createdDay))).toEqual(new Set(['2026-03-01', '2026-03-15', '2026-03-31']));
    // one side open
    const fromApril = await allPages({ from: '2026-04-01', sort: 'updatedAt', order: 'desc' });
    expect(fromApril.every((f) => createdDay(f) >= '2026-04-01')).toBe(true);
    expect(fromApril.length).toBe(everything.filter((f) => createdDay(f) >= '2026-04-01').length);
    const single = await core.ok('files.list', { page: 1, pageSize: 50, from: '2026-02-28', to: '2026-02-28' }, staff);
    expect(single.rows.length).toBeGreaterThan(0);
    expect(single.rows.every((f) => createdDay(f) === '2026-02-28')).toBe(true);
    expect(single.total).toBe(single.rows.length);
  });

  it('refuses a malformed date in Chinese', async () => {
    const r = await core.call('files.list', { page: 1, pageSize: 20, from: '2026-02-30' }, staff);
    expect(r.ok).toBe(false);
  });
});

describe('files list: sorting', () => {
  const key: Record<(typeof FILE_SORTS)[number], (f: FileSummary) => string | number> = {
    updatedAt: (f) => f.updatedAt,
    createdAt: (f) => f.createdAt,
    perCapitaIncome: (f) => f.perCapitaIncomeFen,
    workUnit: (f) => f.workUnit,
    name: (f) => f.name, // by pinyin on the server: checked below as a permutation only
  };

  it.each(FILE_SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))('%s %s: pages in order, nothing lost or repeated', async (sort, order) => {
    const rows = await allPages({ sort, order, from: '2026-03-01' });
    const ids = rows.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    // the plan that walks the sort's index (a wide range) pages the same rows as the one that sorts the range
    const walked: number[] = [];
    for (let page = 1; page <= Math.ceil(ids.length / 7); page++) walked.push(...listFiles(core.app.db, { sort, order, from: '2026-03-01', page, pageSize: 7 }, settingsOn(core.app.db, '2026-05-01').minLivingLineFen, 'walk').rows.map((f) => f.id));
    expect(walked).toEqual(ids);
    const total = (await core.ok('files.list', { page: 1, pageSize: 1, sort, order, from: '2026-03-01' }, staff)).total;
    expect(ids.length).toBe(total);
    if (sort === 'name') return;
    const values = rows.map(key[sort]);
    const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(values).toEqual(order === 'asc' ? sorted : sorted.reverse());
  });
});

describe('files.exportXlsx', () => {
  it('holds every row of the filter, in the list order, across pages, ID numbers masked and income in yuan', async () => {
    const filter: Filter = { from: '2026-03-01', to: '2026-04-01', sort: 'perCapitaIncome', order: 'desc' };
    const listed = await allPages(filter);
    expect(listed.length).toBeGreaterThan(7); // more than one page
    const { sheet, rows } = await workbookRows(filter);
    expect(String(sheet.getCell('A2').value)).toContain('建档日期2026年3月1日至2026年4月1日');
    expect(String(sheet.getCell('A2').value)).toContain(`共 ${listed.length} 份`);
    expect(sheet.getRow(LIST_FIRST_ROW - 1).getCell(1).value).toBe('姓名');
    expect(sheet.getRow(LIST_FIRST_ROW - 1).getCell(5).value).toBe('人均月收入（元）');
    // no 合计 row: per-capita incomes do not add up
    expect(rows.length).toBe(listed.length);
    expect(rows.map((r) => r[0])).toEqual(listed.map((f) => f.name));
    expect(rows.map((r) => r[1])).toEqual(listed.map((f) => maskIdNumber(f.idNumber)));
    expect(rows.every((r) => String(r[1]).includes('********'))).toBe(true);
    expect(rows.map((r) => r[4])).toEqual(listed.map((f) => fenToYuanNumber(f.perCapitaIncomeFen)));
    expect(sheet.getRow(LIST_FIRST_ROW).getCell(5).numFmt).toBe('#,##0.00');
    expect(rows.map((r) => r[10])).toEqual(listed.map(createdDay));
  });

  it('follows the other filters and the order as well', async () => {
    const filter: Filter = { workUnit: '郑州纺织机械厂', status: 'active', sort: 'createdAt', order: 'asc' };
    const listed = await allPages(filter, 3);
    expect(listed.length).toBeGreaterThan(3);
    const { rows } = await workbookRows(filter);
    expect(rows.map((r) => r[1])).toEqual(listed.map((f) => maskIdNumber(f.idNumber)));
    expect(rows.every((r) => r[2] === '郑州纺织机械厂')).toBe(true);
  });

  it('exports an empty filter as a sheet with its heads and no rows', async () => {
    const { sheet, rows } = await workbookRows({ from: '2030-01-01', sort: 'updatedAt', order: 'desc' });
    expect(rows).toEqual([]);
    expect(String(sheet.getCell('A2').value)).toContain('共 0 份');
  });
});
