// Issue 15: one rule for the month a page opens on (statement, month close, stock ledger): the last
// month not yet closed — the one after the newest closed month — never later than this month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { donor } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
/** A fresh session after the clock jumps (sessions end when idle). */
const login = async (username: string) => (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
const opening = async (username: string) => (await core.ok('ledger.openingMonth', {}, await login(username))).month;
const close = async (month: string) => {
  const finance = await login('u_finance');
  const status = await core.ok('ledger.monthStatus', { month }, finance);
  await core.ok('ledger.closeMonth', { month, counts: status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen })) }, finance);
};

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-10-10') });
  const finance = await core.tokenFor(['finance']);
  await core.tokenFor(['staff']);
  const donorId = await donor(core, finance);
  await core.ok('ledger.donate', { donorId, date: '2026-10-10', amountFen: 100_000, method: 'cash', fundId: 1 }, finance);
});
afterAll(() => core.close());

describe('the month a page opens on', () => {
  it('is this month while it is the only one with books', async () => {
    expect(await opening('u_finance')).toBe('2026-10');
  });

  it('stays on the oldest month not closed until it is closed, for every role', async () => {
    core.clock.set(shanghai('2026-12-01'));
    expect(await opening('u_finance')).toBe('2026-10');
    expect(await opening('u_staff')).toBe('2026-10');
    await close('2026-10');
    expect(await opening('u_finance')).toBe('2026-11');
    // a date in prose reads 2026年10月15日
    const late = await core.call('ledger.donate', { donorId: 1, date: '2026-10-15', amountFen: 1_000, method: 'cash', fundId: 1 }, await login('u_finance'));
    expect(late).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!late.ok) expect(late.error.message).toContain('不能再登记日期为 2026年10月15日 的');
  });

  it('moves to this month once last month is closed', async () => {
    await close('2026-11');
    expect(await opening('u_staff')).toBe('2026-12');
  });

  it('is this month on empty books', async () => {
    const empty = await makeCore({ start: shanghai('2026-12-01') });
    try {
      expect((await empty.ok('ledger.openingMonth', {}, empty.adminToken)).month).toBe('2026-12');
    } finally {
      empty.close();
    }
  });
});
