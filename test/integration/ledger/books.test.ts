import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntry } from '../../../electron/core/ledger/books';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let donorId: number;
let apps: number[];
beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  await core.tokenFor(['chair']);
  apps = await payableApplications(core, [80_000, 80_000, 50_000]);
  finance = await core.tokenFor(['finance']);
  donorId = await donor(core, finance);
});
afterAll(() => core.close());

describe('the books', () => {
  it('refuses an unbalanced entry with nothing written', () => {
    const count = () => (core.app.db.prepare('SELECT count(*) AS n FROM journal_lines').get() as { n: number }).n;
    const before = count();
    const ctx = { ...core.app, user: { id: 1, username: 'admin', displayName: '管理员', roles: ['finance' as const] }, token: null, now: core.clock.now(), settings: {} as never, audit: () => undefined };
    expect(() =>
      core.app.db.transaction(() =>
        postEntry(ctx, { date: '2026-11-10', memo: 'x', kind: 'donation', lines: [{ accountId: 1, fundId: 1, debitFen: 100, creditFen: 0 }, { accountId: 3, fundId: 1, debitFen: 0, creditFen: 99 }] }),
      )(),
    ).toThrow(/借贷不平衡/);
    expect(count()).toBe(before);
  });

  it('records a donation with a receipt, pays relief from it and refuses to overdraw a fund, naming it and its balance', async () => {
    const d = await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 100_000, method: 'cash', fundId: 3 }, finance);
    expect(d.receipts.map((r) => r.number)).toEqual(['JZSJ-2026-000001']);
    const p = await core.ok('ledger.payRelief', { applicationId: apps[0]!, fundId: 3, method: 'cash' }, finance);
    expect(p.receipt.number).toBe('LQPZ-2026-000001');
    const r = await core.call('ledger.payRelief', { applicationId: apps[1]!, fundId: 3, method: 'cash' }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toBe('“单位捐赠”余额不足：现有 ¥200.00，本次需要 ¥800.00。');
    expect(await core.call('ledger.payRelief', { applicationId: apps[0]!, fundId: 3, method: 'cash' }, finance)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('spends earmarked money only on its purpose', async () => {
    const fund = await core.ok('ledger.addFund', { name: '金秋助学专项', source: 'earmarked', purpose: 'schooling' }, finance);
    await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 500_000, method: 'bank', fundId: fund.id }, finance);
    const r = await core.call('ledger.payRelief', { applicationId: apps[2]!, fundId: fund.id, method: 'cash' }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('专款专用');
  });

  it('voids a spoiled receipt, keeps it, and gives the donation the next number', async () => {
    const d = await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 1_000, method: 'cash', fundId: 4 }, finance);
    const first = d.receipts[0]!;
    const next = await core.ok('ledger.voidReceipt', { receiptId: first.id, reason: '打印错位' }, finance);
    expect(next.number).not.toBe(first.number);
    const rows = core.app.db.prepare('SELECT number, status FROM receipts WHERE source_type = ? AND source_id = ? ORDER BY id').all('donation', d.id);
    expect(rows).toEqual([{ number: first.number, status: 'void' }, { number: next.number, status: 'issued' }]);
  });

  it('closes a month only when the count matches or the difference is explained, then refuses postings; the chair reopens', async () => {
    const running = await core.call('ledger.closeMonth', { month: '2026-11', counts: [{ accountId: 1, countedFen: 0 }] }, finance);
    expect(running).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!running.ok) expect(running.error.message).toContain('尚未结束');
    core.clock.set(shanghai('2026-12-02'));
    finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
    const status = await core.ok('ledger.monthStatus', { month: '2026-11' }, finance);
    const counts = status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen }));
    const short = counts.map((c, i) => (i === 0 ? { ...c, countedFen: c.countedFen - 100 } : c));
    const r = await core.call('ledger.closeMonth', { month: '2026-11', counts: short }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('差额 -¥1.00');
    await core.ok('ledger.closeMonth', { month: '2026-11', counts }, finance);
    expect(await core.call('ledger.donate', { donorId, date: '2026-11-10', amountFen: 1_000, method: 'cash', fundId: 4 }, finance)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await core.call('ledger.reopenMonth', { month: '2026-11', reason: '漏记' }, finance)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const chair = (await core.ok('auth.login', { username: 'u_chair', password: TEST_PASSWORD })).token;
    expect((await core.ok('ledger.reopenMonth', { month: '2026-11', reason: '漏记一笔捐款' }, chair)).closed).toBe(false);
    await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 1_000, method: 'cash', fundId: 4 }, finance);
    // Back into November for the tests that follow.
    core.clock.set(shanghai('2026-11-20'));
    finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
  });

  it('reverses an entry with a reason that links the original, once', async () => {
    const d = await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 2_000, method: 'cash', fundId: 4 }, finance);
    const rev = await core.ok('ledger.reverse', { entryId: d.entryId, reason: '重复登记' }, finance);
    expect(rev).toMatchObject({ kind: 'reversal', reversesEntryId: d.entryId, reason: '重复登记' });
    expect(rev.lines.map((l) => [l.debitFen, l.creditFen])).toEqual([[0, 2_000], [2_000, 0]]);
    expect(await core.call('ledger.reverse', { entryId: d.entryId, reason: '再冲' }, finance)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('keeps a cash journal with running balances and a trial balance that balances', async () => {
    const cash = (await core.ok('ledger.accounts', {}, finance)).find((a) => a.kind === 'cash')!;
    const book = await core.ok('ledger.cashBook', { accountId: cash.id, month: '2026-11' }, finance);
    let running = book.openingFen;
    for (const l of book.lines) {
      running += l.debitFen - l.creditFen;
      expect(l.balanceFen).toBe(running);
    }
    expect(book.closingFen).toBe(cash.balanceFen);
    const tb = await core.ok('ledger.trialBalance', { month: '2026-11' }, finance);
    expect(tb.reduce((s, r) => s + r.debitFen, 0)).toBe(tb.reduce((s, r) => s + r.creditFen, 0));
  });
  it('never updates or deletes journal rows (checked once rows exist)', () => {
    expect((core.app.db.prepare('SELECT count(*) AS n FROM journal_lines').get() as { n: number }).n).toBeGreaterThan(0);
    expect(() => core.app.db.prepare('UPDATE journal_lines SET debit_fen = 1').run()).toThrow(/immutable/);
    expect(() => core.app.db.prepare('DELETE FROM journal_entries').run()).toThrow(/immutable/);
  });

});
