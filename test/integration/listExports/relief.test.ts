// 救助申请 list (issue 14): server-side sort, 申请日期 range by local days (both ends included), and the
// workbook of the current filter holding exactly the rows the list pages through, in its order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import type { ReliefSummary } from '../../../shared/contract/reliefTypes';
import { localDate } from '../../../shared/dates';
import { maskIdNumber } from '../../../shared/idcard';
import { fenToYuanNumber } from '../../../shared/money';
import { RELIEF_STATUSES, RELIEF_STATUS_LABELS } from '../../../shared/relief';
import { RELIEF_LIST_SHEET } from '../../../electron/export/reliefListXlsx';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';
import { poorFile, readyDraft } from '../../fixtures/relief';
import { allPages, readListBook } from './workbook';

type Query = Omit<InputOf<'relief.exportXlsx'>, 'jobId'>;

let core: TestCore;
let staff: string;
let director: string;
/** number by a letter: the applications made at the times below. */
const numbers = new Map<string, string>();

// Local (UTC+8) times: A is still 10-31 in UTC, B 11-01; D is the last minutes of 11-03, E the first of 11-04.
const MADE: [string, string, string, number, 'draft' | 'submit' | 'approve'][] = [
  ['A', '2026-11-01', '00:30', 50_000, 'draft'],
  ['B', '2026-11-02', '00:05', 80_000, 'submit'],
  ['C', '2026-11-02', '15:00', 40_000, 'approve'],
  ['F', '2026-11-03', '10:00', 45_000, 'submit'],
  ['D', '2026-11-03', '23:50', 60_000, 'submit'],
  ['E', '2026-11-04', '00:10', 70_000, 'draft'],
];

/** Sessions lapse when the clock jumps days: log in again at the new time. */
async function at(day: string, time: string): Promise<void> {
  core.clock.set(shanghai(day, time));
  staff = (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
  director = (await core.ok('auth.login', { username: 'u_director', password: TEST_PASSWORD })).token;
}

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-10-30') });
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  await core.ok('settings.update', { changes: { reliefNoticeRequired: false } }, core.adminToken);
  const files = [];
  for (let i = 0; i < MADE.length; i++) files.push(await poorFile(core, staff));
  for (const [i, [letter, day, time, amount, step]] of MADE.entries()) {
    await at(day, time);
    const id = await readyDraft(core, staff, files[i]!, amount);
    if (step !== 'draft') await core.ok('relief.submit', { id }, staff);
    if (step === 'approve') await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
    numbers.set(letter, (await core.ok('relief.get', { id }, staff)).number);
  }
  await at('2026-11-05', '09:00');
});
afterAll(() => core.close());

const letters = (rows: readonly ReliefSummary[]) => rows.map((r) => [...numbers].find(([, n]) => n === r.number)?.[0] ?? r.number);
const list = (q: Query, token = staff) => allPages((page, pageSize) => core.ok('relief.list', { page, pageSize, ...q }, token));

async function workbookOf(q: Query, token = staff) {
  return readListBook(await core.ok('relief.exportXlsx', q, token), RELIEF_LIST_SHEET, true);
}

/** The workbook's rows are the list's rows, every page of it, in its order, as the page shows them. */
async function expectSameRows(q: Query, token = staff): Promise<ReliefSummary[]> {
  const rows = await list(q, token);
  const book = await workbookOf(q, token);
  expect(book.heads).toEqual(['编号', '申请日期', '姓名', '身份证号', '工作单位', '救助类别', '金额（元）', '状态', '经办人', '提交时间']);
  expect(book.rows.map((r) => r.getCell(1).value)).toEqual(rows.map((r) => r.number));
  book.rows.forEach((cells, i) => {
    const r = rows[i]!;
    expect(cells.getCell(2).value).toBe(localDate(new Date(r.createdAt)));
    expect(cells.getCell(3).value).toBe(r.name);
    expect(cells.getCell(4).value).toBe(maskIdNumber(r.idNumber));
    expect(cells.getCell(4).value).not.toBe(r.idNumber);
    expect(cells.getCell(7).value).toBe(fenToYuanNumber(r.amountFen));
    expect(cells.getCell(7).numFmt).toBe('#,##0.00');
    expect(cells.getCell(8).value).toBe(RELIEF_STATUS_LABELS[r.status]);
  });
  expect(book.total!.getCell(1).value).toBe('合计');
  expect(book.total!.getCell(7).value).toBe(fenToYuanNumber(rows.reduce((s, r) => s + r.amountFen, 0)));
  return rows;
}

describe('relief list: sort, date range and workbook', () => {
  it('bounds 申请日期 by local days, both ends included', async () => {
    const q: Query = { from: '2026-11-02', to: '2026-11-03', sort: 'createdAt', order: 'asc' };
    expect(letters(await expectSameRows(q))).toEqual(['B', 'C', 'F', 'D']);
    // 00:30 on the 1st in Shanghai is 10-31 in UTC: it belongs to the 1st all the same.
    expect(letters(await list({ from: '2026-11-01', to: '2026-11-01' }))).toEqual(['A']);
    expect(letters(await list({ from: '2026-11-04' }))).toEqual(['E']);
    expect(letters(await list({ to: '2026-11-01' }))).toEqual(['A']);
    expect(await list({ from: '2026-11-06' })).toEqual([]);
  });

  it('sorts on the server by amount, number and status, both ways, across pages', async () => {
    expect(letters(await expectSameRows({ from: '2026-11-02', to: '2026-11-03', sort: 'amount', order: 'asc' }))).toEqual(['C', 'F', 'D', 'B']);
    expect(letters(await expectSameRows({ sort: 'amount', order: 'desc' }))).toEqual(['B', 'E', 'D', 'A', 'F', 'C']);
    const byNumber = await expectSameRows({ sort: 'number', order: 'asc' });
    expect(byNumber.map((r) => r.number)).toEqual([...byNumber.map((r) => r.number)].sort());
    const byStatus = await expectSameRows({ sort: 'status', order: 'asc' });
    const rank = byStatus.map((r) => RELIEF_STATUSES.indexOf(r.status));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    expect(byStatus[0]!.status).toBe('draft');
    expect(byStatus.at(-1)!.status).toBe('payable');
    // The default is newest first, as before.
    expect(letters(await list({}))).toEqual(['E', 'D', 'F', 'C', 'B', 'A']);
  });

  it('exports the other filters too: status, category and 待我审批 for the caller', async () => {
    expect(letters(await expectSameRows({ status: 'pending_director', sort: 'amount', order: 'desc' }))).toEqual(['B', 'D', 'F']);
    expect(await expectSameRows({ category: 'illness' })).toEqual([]);
    expect(letters(await expectSameRows({ inbox: true, to: '2026-11-02' }, director))).toEqual(['B']);
    const book = await workbookOf({ inbox: true, status: 'pending_director', from: '2026-11-02', to: '2026-11-03', sort: 'amount', order: 'asc' }, director);
    expect(book.scope).toContain('待我审批');
    expect(book.scope).toContain('申请日期2026年11月2日至2026年11月3日');
    expect(book.scope).toContain('状态：待主任审批');
    expect(book.scope).toContain('按金额升序');
    expect(book.scope).toContain('共 3 份');
  });

  it('builds the workbook as a job whose progress the page can follow', async () => {
    const file = await core.ok('relief.exportXlsx', { jobId: 'relief-test-job-1' }, staff);
    expect(file.fileName).toBe('救助申请-2026-11-05.xlsx');
    expect(await core.ok('jobs.progress', { jobId: 'relief-test-job-1' }, staff)).toMatchObject({ known: true, stage: 'done', percent: 100 });
  });
});
