// Finance's own entries: income by source, small expenses and cash <-> bank transfers, each a balanced,
// fund-aware entry through postEntry that shows in the monthly statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../shared/contract/ledger';
import { businessFingerprint, makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { bookInvariants } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
const UNION = 1; // 工会经费
const ADMIN = 2; // 行政拨款
let CASH: number;
let BANK: number;
const code = (c: string) => (core.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-20') });
  finance = await core.tokenFor(['finance']);
  CASH = code('1001');
  BANK = code('1002');
});
afterAll(() => core.close());

/** Debit minus credit of each fund in an entry: all zero when it balances per fund. */
const perFund = (e: JournalEntry) => {
  const m = new Map<number, number>();
  for (const l of e.lines) m.set(l.fundId, (m.get(l.fundId) ?? 0) + l.debitFen - l.creditFen);
  return [...m.values()];
};
const fund = async (id: number) => (await core.ok('ledger.funds', {}, finance)).find((f) => f.id === id)!.balanceFen;
const account = async (id: number) => (await core.ok('ledger.accounts', {}, finance)).find((a) => a.id === id)!.balanceFen;

describe('income and expenses by source', () => {
  it('records grant, union funds, administration and interest income and fees, each balanced per fund and in the statement', async () => {
    const made: JournalEntry[] = [];
    made.push(await core.ok('vouchers.income', { date: '2026-11-02', accountId: code('400304'), fundId: UNION, method: 'bank', amountFen: 3_000_000, memo: '市总工会拨付冬季送温暖帮扶补助' }, finance));
    made.push(await core.ok('vouchers.income', { date: '2026-11-03', accountId: code('4002'), fundId: UNION, method: 'bank', amountFen: 1_000_000, memo: '本级工会经费拨入帮扶中心' }, finance));
    made.push(await core.ok('vouchers.income', { date: '2026-11-04', accountId: code('4005'), fundId: ADMIN, method: 'cash', amountFen: 500_000, memo: '行政拨款（现金）' }, finance));
    made.push(await core.ok('vouchers.income', { date: '2026-11-05', accountId: code('400802'), fundId: UNION, method: 'bank', amountFen: 36_520, memo: '第三季度活期存款利息' }, finance));
    made.push(await core.ok('vouchers.expense', { date: '2026-11-06', accountId: code('500801'), fundId: UNION, method: 'bank', amountFen: 1_250, memo: '银行转账手续费' }, finance));
    made.push(await core.ok('vouchers.expense', { date: '2026-11-07', accountId: code('500802'), fundId: ADMIN, method: 'cash', amountFen: 8_000, memo: '购买收据本和凭证纸' }, finance));

    expect(made.map((e) => e.kind)).toEqual(['income', 'income', 'income', 'income', 'expense', 'expense']);
    for (const e of made) {
      expect(perFund(e).every((d) => d === 0)).toBe(true);
      expect(e.lines).toHaveLength(2);
      expect(e.number).toMatch(/^PZ-2026-\d{6}$/);
    }
    // Income is debited to money and credited to the source; an expense the other way round.
    expect(made[0]!.lines).toEqual([
      expect.objectContaining({ accountId: BANK, fundId: UNION, debitFen: 3_000_000, creditFen: 0 }),
      expect.objectContaining({ accountName: '上级补助收入—帮扶补助', fundId: UNION, debitFen: 0, creditFen: 3_000_000 }),
    ]);
    expect(made[2]!.lines[1]!.accountName).toBe('行政补助收入');
    expect(made[5]!.lines).toEqual([
      expect.objectContaining({ accountName: '其他支出—其他', fundId: ADMIN, debitFen: 8_000 }),
      expect.objectContaining({ accountId: CASH, fundId: ADMIN, creditFen: 8_000 }),
    ]);
    expect(await fund(UNION)).toBe(3_000_000 + 1_000_000 + 36_520 - 1_250);
    expect(await fund(ADMIN)).toBe(500_000 - 8_000);

    const s = await core.ok('ledger.statement', { month: '2026-11' }, finance);
    const union = s.funds.find((f) => f.fundId === UNION)!;
    expect(union).toMatchObject({ receiptsFen: 4_036_520, paymentsFen: 1_250, closingFen: 4_035_270 });
    const admin = s.funds.find((f) => f.fundId === ADMIN)!;
    expect(admin).toMatchObject({ receiptsFen: 500_000, paymentsFen: 8_000 });
    for (const e of made) expect(s.funds.flatMap((f) => f.lines).some((l) => l.entryNumber === e.number && l.memo === e.memo)).toBe(true);
    expect(bookInvariants(core)).toEqual([]);
  });

  it('refuses donations, relief and material purchases here, wrong kinds, future dates and overdrafts, writing nothing', async () => {
    const before = businessFingerprint(core.app);
    const refused = async (channel: 'vouchers.income' | 'vouchers.expense', payload: Record<string, unknown>, codeWanted: string, text: string) => {
      const r = await core.call(channel, { date: '2026-11-10', fundId: UNION, method: 'bank', amountFen: 10_000, memo: '测试摘要', ...payload }, finance);
      expect(r).toMatchObject({ ok: false, error: { code: codeWanted } });
      if (!r.ok) expect(r.error.message).toContain(text);
    };
    await refused('vouchers.income', { accountId: code('400801') }, 'RULE', '捐款登记');
    await refused('vouchers.income', { accountId: code('500801') }, 'VALIDATION', '不是收入科目');
    await refused('vouchers.expense', { accountId: code('50020401') }, 'RULE', '救助发放');
    await refused('vouchers.expense', { accountId: code('50030401') }, 'RULE', '采购入库');
    await refused('vouchers.expense', { accountId: code('400304') }, 'VALIDATION', '不是支出科目');
    await refused('vouchers.income', { accountId: code('400304'), date: '2026-11-21' }, 'VALIDATION', '不能晚于今天');
    // 行政拨款 holds ¥4,920.00 in cash.
    await refused('vouchers.expense', { accountId: code('500802'), fundId: ADMIN, method: 'cash', amountFen: 500_000 }, 'RULE', '“行政拨款”余额不足');
    expect(businessFingerprint(core.app)).toBe(before);
  });
});

describe('cash <-> bank within a fund (提现/存现)', () => {
  it('moves money between bank and cash and keeps the fund total; the statement shows both legs', async () => {
    const fundBefore = await fund(UNION);
    const [cashBefore, bankBefore] = [await account(CASH), await account(BANK)];
    const w = await core.ok('vouchers.transfer', { date: '2026-11-15', fundId: UNION, direction: 'withdraw', amountFen: 200_000, memo: '' }, finance);
    expect(w).toMatchObject({ kind: 'transfer', memo: '从银行提取现金' });
    expect(w.lines).toEqual([
      expect.objectContaining({ accountId: CASH, fundId: UNION, debitFen: 200_000, creditFen: 0 }),
      expect.objectContaining({ accountId: BANK, fundId: UNION, debitFen: 0, creditFen: 200_000 }),
    ]);
    expect(await fund(UNION)).toBe(fundBefore);
    expect(await account(CASH)).toBe(cashBefore + 200_000);
    expect(await account(BANK)).toBe(bankBefore - 200_000);

    const d = await core.ok('vouchers.transfer', { date: '2026-11-16', fundId: UNION, direction: 'deposit', amountFen: 50_000, memo: '存入多余现金' }, finance);
    expect(d.lines.map((l) => [l.accountId, l.debitFen, l.creditFen])).toEqual([[BANK, 50_000, 0], [CASH, 0, 50_000]]);
    expect(await fund(UNION)).toBe(fundBefore);
    expect(await account(CASH)).toBe(cashBefore + 150_000);

    const book = await core.ok('ledger.cashBook', { accountId: CASH, month: '2026-11' }, finance);
    expect(book.lines.filter((l) => l.entryNumber === w.number || l.entryNumber === d.number).map((l) => [l.debitFen, l.creditFen])).toEqual([[200_000, 0], [0, 50_000]]);
    const lines = (await core.ok('ledger.statement', { month: '2026-11' }, finance)).funds.find((f) => f.fundId === UNION)!.lines.filter((l) => l.entryNumber === w.number);
    expect(lines.map((l) => [l.accountName, l.receiptFen, l.paymentFen])).toEqual([['库存现金', 200_000, 0], ['银行存款', 0, 200_000]]);
    expect(bookInvariants(core)).toEqual([]);
  });

  it('does not take more cash out of the bank than it holds', async () => {
    const bank = await account(BANK);
    const r = await core.call('vouchers.transfer', { date: '2026-11-17', fundId: UNION, direction: 'withdraw', amountFen: bank + 1 }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('“银行存款”余额不足');
  });
});

describe('earmarks and the period lock', () => {
  it('takes income into an earmarked fund but spends it only on its purpose', async () => {
    const school = await core.ok('ledger.addFund', { name: '金秋助学专项', source: 'earmarked', purpose: 'schooling' }, finance);
    await core.ok('vouchers.income', { date: '2026-11-18', accountId: code('400304'), fundId: school.id, method: 'bank', amountFen: 2_000_000, memo: '省总工会金秋助学专项补助' }, finance);
    const r = await core.call('vouchers.expense', { date: '2026-11-18', accountId: code('500801'), fundId: school.id, method: 'bank', amountFen: 500, memo: '专项资金转账手续费' }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('专款专用：“金秋助学专项”只能用于助学救助');
    // Moving it between cash and bank is not spending it.
    await core.ok('vouchers.transfer', { date: '2026-11-18', fundId: school.id, direction: 'withdraw', amountFen: 100_000 }, finance);
    expect(await fund(school.id)).toBe(2_000_000);
  });

  it('refuses an entry dated in a closed month', async () => {
    core.clock.set(shanghai('2026-12-02'));
    finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
    const status = await core.ok('ledger.monthStatus', { month: '2026-11' }, finance);
    await core.ok('ledger.closeMonth', { month: '2026-11', counts: status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen })) }, finance);
    const r = await core.call('vouchers.income', { date: '2026-11-30', accountId: code('400802'), fundId: UNION, method: 'bank', amountFen: 100, memo: '11月利息' }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('2026年11月及以前的月份已结账');
    await core.ok('vouchers.income', { date: '2026-12-01', accountId: code('400802'), fundId: UNION, method: 'bank', amountFen: 100, memo: '11月利息（12月1日到账）' }, finance);
  });
});
