import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { donor } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

// One ordered period model for money and materials, tried through the API.
let core: TestCore;
let finance: string;
let chair: string;
let donorId: number;
let itemId: number;

async function relogin() {
  finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
  chair = (await core.ok('auth.login', { username: 'u_chair', password: TEST_PASSWORD })).token;
}
const counts = async (month: string) =>
  (await core.ok('ledger.monthStatus', { month }, finance)).books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen }));
const donate = (date: string, amountFen: number) => core.call('ledger.donate', { donorId, date, amountFen, method: 'cash', fundId: 3 }, finance);
const receiveGoods = (date: string, quantity: number) =>
  core.call('materials.receiveDonation', { donorId, date, locationId: 1, lines: [{ itemId, quantity, unitValueFen: 5_000, expiryDate: null }], note: '' }, finance);

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-09-15') });
  await core.tokenFor(['chair']);
  await core.tokenFor(['finance']);
  await relogin();
  donorId = await donor(core, finance);
  itemId = (await core.ok('materials.addItem', { name: '大米', spec: '10kg/袋', unit: '袋', category: 'food', shelfLifeDays: null, lowStock: 0 }, finance)).id;
  expect((await donate('2026-09-15', 100_000)).ok).toBe(true);
  expect((await receiveGoods('2026-09-15', 10)).ok).toBe(true);
  core.clock.set(shanghai('2026-10-12'));
  await relogin();
  expect((await donate('2026-10-12', 20_000)).ok).toBe(true);
  core.clock.set(shanghai('2026-11-12'));
  await relogin();
});
afterAll(() => core.close());

describe('months close in order, only after they end', () => {
  it('a month cannot be closed before it ends', async () => {
    const r = await core.call('ledger.closeMonth', { month: '2026-11', counts: await counts('2026-11') }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('尚未结束');
  });

  it('a month cannot be closed out of order: October waits for September', async () => {
    const status = await core.ok('ledger.monthStatus', { month: '2026-10' }, finance);
    expect(status).toMatchObject({ canClose: false, nextToClose: '2026-09' });
    expect(status.closeBlockedReason).toContain('2026年9月');
    const r = await core.call('ledger.closeMonth', { month: '2026-10', counts: await counts('2026-10') }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });

  it('closing September then October stores each closing balance; the lock refuses back-dated money and goods', async () => {
    expect((await core.ok('ledger.monthStatus', { month: '2026-09' }, finance)).canClose).toBe(true);
    await core.ok('ledger.closeMonth', { month: '2026-09', counts: await counts('2026-09') }, finance);
    const october = await core.ok('ledger.closeMonth', { month: '2026-10', counts: await counts('2026-10') }, finance);
    expect(october).toMatchObject({ closed: true, lockedThrough: '2026-10', nextToClose: '2026-11', canClose: false, canReopen: false });
    const stored = core.app.db
      .prepare(`SELECT sum(b.debit_fen - b.credit_fen) AS cash FROM closing_balances b JOIN month_events e ON e.id = b.close_event_id JOIN accounts a ON a.id = b.account_id WHERE e.month = '2026-10' AND a.kind = 'cash'`)
      .get() as { cash: number };
    expect(stored.cash).toBe(120_000);
    const stock = core.app.db.prepare(`SELECT sum(s.quantity) AS q FROM closing_stock s JOIN month_events e ON e.id = s.close_event_id WHERE e.month = '2026-10'`).get() as { q: number };
    expect(stock.q).toBe(10);

    const before = await core.ok('ledger.statement', { month: '2026-10' }, finance);
    // Back-dated into a closed month: refused, money and materials alike, with nothing written.
    for (const r of [await donate('2026-09-30', 5_000), await donate('2026-10-31', 5_000), await receiveGoods('2026-10-20', 3)]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
      if (!r.ok) expect(r.error.message).toContain('已结账');
    }
    // November is open: posting there is fine and leaves October's statement as it was.
    expect((await donate('2026-11-01', 7_000)).ok).toBe(true);
    expect((await receiveGoods('2026-11-01', 2)).ok).toBe(true);
    const after = await core.ok('ledger.statement', { month: '2026-10' }, finance);
    expect(after).toEqual(before);
    const november = await core.ok('ledger.statement', { month: '2026-11' }, finance);
    expect(november.totals.openingFen).toBe(before.totals.closingFen);
    expect(november.materials.find((m) => m.itemId === itemId)).toMatchObject({ openingQty: 10, inQty: 2, closingQty: 12 });
  });

  it('the chair reopens September and October reopens with it, both audited; finance cannot reopen', async () => {
    expect(await core.call('ledger.reopenMonth', { month: '2026-09', reason: '补记漏账' }, finance)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await core.ok('ledger.monthStatus', { month: '2026-09' }, chair)).canReopen).toBe(true);
    const status = await core.ok('ledger.reopenMonth', { month: '2026-09', reason: '补记漏账' }, chair);
    expect(status).toMatchObject({ closed: false, lockedThrough: null, nextToClose: '2026-09' });
    expect((await core.ok('ledger.monthStatus', { month: '2026-10' }, chair)).closed).toBe(false);
    const admin = (await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
    const audit = await core.ok('audit.list', { channel: 'ledger.reopenMonth', page: 1, pageSize: 5 }, admin);
    expect(audit.rows[0]!.summary).toContain('2026-10');
    // Now a September correction is possible, and October's opening follows it once both are closed again.
    expect((await donate('2026-09-30', 5_000)).ok).toBe(true);
    await core.ok('ledger.closeMonth', { month: '2026-09', counts: await counts('2026-09') }, finance);
    await core.ok('ledger.closeMonth', { month: '2026-10', counts: await counts('2026-10') }, finance);
    const october = await core.ok('ledger.statement', { month: '2026-10' }, finance);
    expect(october.totals).toMatchObject({ openingFen: 105_000, receiptsFen: 20_000, closingFen: 125_000 });
  });

  it('the dashboard asks for the next month in order', async () => {
    core.clock.set(shanghai('2027-01-08'));
    await relogin();
    const summary = await core.ok('dashboard.summary', {}, finance);
    expect(summary).toMatchObject({ monthToClose: '2026-11', monthCloseOverdue: true });
  });
});
