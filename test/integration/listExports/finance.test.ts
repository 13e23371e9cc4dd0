// 捐款 and 救助发放 lists (issue 14): server-side sort, date ranges on the local date (both ends
// included, with or without the month), and the workbook of the current filter holding exactly the
// rows the list pages through, in its order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import type { Donation, ReliefPayment } from '../../../shared/contract/ledger';
import { localDateTime } from '../../../shared/dates';
import { fenToYuanNumber } from '../../../shared/money';
import { DONATIONS_SHEET, PAYMENTS_SHEET } from '../../../electron/export/financeListsXlsx';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';
import { allPages, readListBook } from './workbook';

type DonationsQuery = Omit<InputOf<'ledger.donationsXlsx'>, 'jobId'>;
type PaymentsQuery = Omit<InputOf<'ledger.paymentsXlsx'>, 'jobId'>;

let core: TestCore;
let finance: string;
let apps: number[];

/** Sessions lapse when the clock jumps days: log in again at the new time. */
async function at(day: string, time: string): Promise<void> {
  core.clock.set(shanghai(day, time));
  finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
}

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-01') });
  apps = await payableApplications(core, [50_000, 30_000, 70_000, 40_000]);
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance, '红星机械厂');
  const give = (date: string, amountFen: number) => core.ok('ledger.donate', { donorId, date, amountFen, method: 'cash', fundId: 4 }, finance);
  const pay = (applicationId: number) => core.ok('ledger.payRelief', { applicationId, fundId: 4, method: 'cash' }, finance);
  await give('2026-11-01', 1_000_000);
  await at('2026-11-15', '10:00');
  await give('2026-11-15', 500_000);
  await pay(apps[0]!);
  // The last minutes of the 30th, and the first morning of December (still 11-30 in UTC).
  await at('2026-11-30', '23:30');
  await give('2026-11-30', 20_000);
  await pay(apps[1]!);
  await at('2026-12-01', '07:00');
  await give('2026-12-01', 300_000);
  await pay(apps[2]!);
  await at('2026-12-02', '09:00');
  const last = await pay(apps[3]!);
  await core.ok('ledger.reverse', { entryId: last.entryId, reason: '领款人信息有误' }, finance);
});
afterAll(() => core.close());

const donations = (q: DonationsQuery) => allPages((page, pageSize) => core.ok('ledger.donations', { page, pageSize, ...q }, finance));
const payments = (q: PaymentsQuery) => allPages((page, pageSize) => core.ok('ledger.payments', { page, pageSize, ...q }, finance));
const amounts = (rows: readonly (Donation | ReliefPayment)[]) => rows.map((r) => r.amountFen);

async function expectSameDonations(q: DonationsQuery): Promise<Donation[]> {
  const rows = await donations(q);
  const book = await readListBook(await core.ok('ledger.donationsXlsx', q, finance), DONATIONS_SHEET, true);
  expect(book.heads).toEqual(['捐赠日期', '收据号', '捐赠人', '捐赠人类别', '金额（元）', '方式', '收款账户', '资金来源', '指定用途']);
  expect(book.rows.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value, r.getCell(5).value])).toEqual(
    rows.map((d) => [d.date, d.receipts.find((x) => x.status === 'issued')!.number, d.donor.name, fenToYuanNumber(d.amountFen)]),
  );
  for (const r of book.rows) expect(r.getCell(5).numFmt).toBe('#,##0.00');
  expect(book.total!.getCell(5).value).toBe(fenToYuanNumber(rows.reduce((s, d) => s + d.amountFen, 0)));
  return rows;
}

async function expectSamePayments(q: PaymentsQuery): Promise<ReliefPayment[]> {
  const rows = await payments(q);
  const book = await readListBook(await core.ok('ledger.paymentsXlsx', q, finance), PAYMENTS_SHEET, true);
  expect(book.heads).toEqual(['发放日期', '发放时间', '凭证号', '领款人', '申请编号', '金额（元）', '方式', '资金来源', '状态']);
  expect(book.rows.map((r) => [1, 2, 3, 4, 5, 6, 9].map((c) => r.getCell(c).value))).toEqual(
    rows.map((p) => [p.date, localDateTime(new Date(p.paidAt)), p.receipt.number, p.name, p.applicationNumber, fenToYuanNumber(p.amountFen), p.reversed ? '已冲销' : '已发放']),
  );
  for (const r of book.rows) expect(r.getCell(6).numFmt).toBe('#,##0.00');
  return rows;
}

describe('donation list: sort, 捐赠日期 range and workbook', () => {
  it('bounds the range by both ends, included, and keeps the month filter', async () => {
    expect(amounts(await expectSameDonations({ from: '2026-11-15', to: '2026-11-30', sort: 'amount', order: 'asc' }))).toEqual([20_000, 500_000]);
    expect(amounts(await expectSameDonations({ month: '2026-11' }))).toEqual([20_000, 500_000, 1_000_000]);
    expect(amounts(await donations({ to: '2026-11-01' }))).toEqual([1_000_000]);
    expect(amounts(await donations({ from: '2026-12-01' }))).toEqual([300_000]);
    expect(amounts(await donations({ month: '2026-11', from: '2026-11-02' }))).toEqual([20_000, 500_000]);
  });

  it('sorts on the server by date and amount, both ways, across pages', async () => {
    expect((await expectSameDonations({ sort: 'date', order: 'asc' })).map((d) => d.date)).toEqual(['2026-11-01', '2026-11-15', '2026-11-30', '2026-12-01']);
    expect(amounts(await expectSameDonations({ sort: 'amount', order: 'desc' }))).toEqual([1_000_000, 500_000, 300_000, 20_000]);
  });

  it('says the filter above the rows and names the file by the day', async () => {
    const file = await core.ok('ledger.donationsXlsx', { from: '2026-11-15', to: '2026-11-30', sort: 'amount', order: 'asc', jobId: 'donation-test-job' }, finance);
    expect(file.fileName).toBe('捐款登记-2026-12-02.xlsx');
    const book = await readListBook(file, DONATIONS_SHEET, true);
    expect(book.scope).toBe('捐赠日期2026年11月15日至2026年11月30日；按金额升序　共 2 笔');
    expect(await core.ok('jobs.progress', { jobId: 'donation-test-job' }, finance)).toMatchObject({ known: true, stage: 'done' });
  });
});

describe('payment list: paged, sort, 发放日期 range and workbook', () => {
  it('bounds 发放日期 by the voucher local date, both ends included', async () => {
    // 23:30 on the 30th and 07:00 on the 1st (still the 30th in UTC) are both inside 11-30 … 12-01.
    expect(amounts(await expectSamePayments({ from: '2026-11-30', to: '2026-12-01', sort: 'date', order: 'asc' }))).toEqual([30_000, 70_000]);
    expect(amounts(await expectSamePayments({ month: '2026-12' }))).toEqual([40_000, 70_000]);
    expect(amounts(await payments({ to: '2026-11-15' }))).toEqual([50_000]);
    expect((await core.ok('ledger.payments', { page: 2, pageSize: 3 }, finance)).total).toBe(4);
  });

  it('sorts on the server by date, amount, number and status across pages', async () => {
    expect(amounts(await expectSamePayments({}))).toEqual([40_000, 70_000, 30_000, 50_000]);
    expect(amounts(await expectSamePayments({ sort: 'amount', order: 'asc' }))).toEqual([30_000, 40_000, 50_000, 70_000]);
    const byNumber = await expectSamePayments({ sort: 'number', order: 'desc' });
    expect(byNumber.map((p) => p.applicationNumber)).toEqual([...byNumber.map((p) => p.applicationNumber)].sort().reverse());
    const byStatus = await expectSamePayments({ sort: 'status', order: 'asc' });
    expect(byStatus.map((p) => p.reversed)).toEqual([false, false, false, true]);
  });

  // The 发放记录 table's 申请编号 and 状态 columns sort on the server: each order both ways, ties by id in
  // the same direction, the same on every page size.
  it.each([
    ['number', 'asc'],
    ['number', 'desc'],
    ['status', 'asc'],
    ['status', 'desc'],
  ] as const)('by %s %s: the order of a plain sort of all payments, across pages', async (sort, order) => {
    const all = await payments({ sort: 'date', order: 'asc' });
    const sign = order === 'asc' ? 1 : -1;
    const key = (p: ReliefPayment) => (sort === 'number' ? p.applicationNumber : p.reversed ? '1' : '0');
    const expected = [...all].sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.id - b.id)).map((p) => p.id);
    for (const pageSize of [1, 3]) {
      const rows = await allPages((page, size) => core.ok('ledger.payments', { page, pageSize: size, sort, order }, finance), pageSize);
      expect(rows.map((p) => p.id)).toEqual(expected);
    }
    if (sort === 'status') expect((await payments({ sort, order })).map((p) => p.reversed)).toEqual(order === 'asc' ? [false, false, false, true] : [true, false, false, false]);
  });
});
