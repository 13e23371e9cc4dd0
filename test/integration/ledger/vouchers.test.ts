// The general voucher (记账凭证): finance drafts, a director other than the drafter approves, and only
// then is it posted (balance, lock, earmarks and overdrafts checked at posting); rejected and
// withdrawn vouchers stay on record and nothing about a decided voucher changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import { businessFingerprint, makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { bookInvariants } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let director: string;
let both: string; // one person holding the finance and director roles
const UNION = 1;
const ADMIN = 2;
const code = (c: string) => (core.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;
const entryCount = () => (core.app.db.prepare('SELECT count(*) AS n FROM journal_entries').get() as { n: number }).n;

/** Interest booked to 行政拨款 by mistake, moved to 工会经费: four lines, balanced in total and per fund. */
const correction = (amountFen: number, date = '2026-11-12'): InputOf<'vouchers.draft'> => ({
  date,
  memo: '更正：利息收入误记入行政拨款，调整至工会经费',
  attachments: 1,
  lines: [
    { accountId: code('400802'), fundId: ADMIN, summary: '冲回误记的利息收入', debitFen: amountFen, creditFen: 0 },
    { accountId: code('1002'), fundId: ADMIN, summary: '冲回误记的银行存款', debitFen: 0, creditFen: amountFen },
    { accountId: code('1002'), fundId: UNION, summary: '利息改记工会经费', debitFen: amountFen, creditFen: 0 },
    { accountId: code('400802'), fundId: UNION, summary: '利息改记工会经费', debitFen: 0, creditFen: amountFen },
  ],
});

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-20') });
  finance = await core.tokenFor(['finance']);
  director = await core.tokenFor(['director']);
  both = await core.tokenFor(['finance', 'director']);
  await core.ok('vouchers.income', { date: '2026-11-05', accountId: code('400802'), fundId: ADMIN, method: 'bank', amountFen: 36_520, memo: '第三季度存款利息' }, finance);
});
afterAll(() => core.close());

describe('four-eyes voucher', () => {
  it('keeps a draft out of the books; its drafter cannot approve it, another director does and it is posted', async () => {
    const entries = entryCount();
    const v = await core.ok('vouchers.draft', correction(36_520), both);
    expect(v).toMatchObject({ number: 'PZCG-2026-000001', status: 'pending', totalFen: 73_040, draftedBy: '测试多角色', entryId: null });
    expect(v.lines.map((l) => l.summary)).toEqual(['冲回误记的利息收入', '冲回误记的银行存款', '利息改记工会经费', '利息改记工会经费']);
    expect(entryCount()).toBe(entries);
    expect(v.permissions).toMatchObject({ approve: false, withdraw: true });
    expect(v.permissions.approveBlockedReason).toContain('不能审核自己填制的凭证');

    const self = await core.call('vouchers.approve', { id: v.id }, both);
    expect(self).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!self.ok) expect(self.error.message).toContain('制单和审核须由两个人分别办理');
    expect(await core.call('vouchers.reject', { id: v.id, comment: '自己退回自己' }, both)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await core.call('vouchers.approve', { id: v.id }, finance)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(entryCount()).toBe(entries);

    const seen = (await core.ok('vouchers.list', { status: 'pending' }, director)).rows.find((r) => r.id === v.id)!;
    expect(seen.permissions).toMatchObject({ approve: true, reject: true, withdraw: false, approveBlockedReason: null });

    const posted = await core.ok('vouchers.approve', { id: v.id, comment: '附件齐全' }, director);
    expect(posted).toMatchObject({ status: 'posted', decidedBy: '测试director', decisionComment: '附件齐全', permissions: { approve: false, reject: false, withdraw: false } });
    expect(posted.entryNumber).toMatch(/^PZ-2026-\d{6}$/);
    const entry = (await core.ok('ledger.entries', { month: '2026-11' }, finance)).rows.find((e) => e.id === posted.entryId)!;
    // 制单 stays the drafter; the lines are the voucher's.
    expect(entry).toMatchObject({ kind: 'voucher', createdBy: '测试多角色', date: '2026-11-12' });
    expect(entry.lines.map((l) => [l.accountId, l.fundId, l.debitFen, l.creditFen])).toEqual(posted.lines.map((l) => [l.accountId, l.fundId, l.debitFen, l.creditFen]));

    const funds = await core.ok('ledger.funds', {}, finance);
    expect(funds.find((f) => f.id === ADMIN)!.balanceFen).toBe(0);
    expect(funds.find((f) => f.id === UNION)!.balanceFen).toBe(36_520);
    const s = await core.ok('ledger.statement', { month: '2026-11' }, finance);
    expect(s.funds.find((f) => f.fundId === UNION)!.lines.map((l) => l.entryNumber)).toContain(posted.entryNumber);

    expect(await core.call('vouchers.approve', { id: v.id }, director)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.call('vouchers.withdraw', { id: v.id, reason: '想撤回' }, both)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(bookInvariants(core)).toEqual([]);
  });

  it('refuses an unbalanced voucher, in total or per fund, with nothing written', async () => {
    const before = businessFingerprint(core.app);
    const off = correction(10_000);
    off.lines[3] = { ...off.lines[3]!, creditFen: 9_999 };
    const r = await core.call('vouchers.draft', off, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toBe('借贷不平衡：借方 ¥200.00，贷方 ¥199.99');
    // Balanced in total, but money moves from one fund to another without anything to show for it.
    const crossFund = await core.call(
      'vouchers.draft',
      { date: '2026-11-12', memo: '资金之间直接划转', lines: [{ accountId: code('1002'), fundId: UNION, debitFen: 100, creditFen: 0 }, { accountId: code('1002'), fundId: ADMIN, debitFen: 0, creditFen: 100 }] },
      finance,
    );
    expect(crossFund).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!crossFund.ok) expect(crossFund.error.message).toContain('的借贷不平衡');
    expect(businessFingerprint(core.app)).toBe(before);
  });

  it('respects earmarks when drafting and checks the money again when approving', async () => {
    const school = await core.ok('ledger.addFund', { name: '金秋助学专项', source: 'earmarked', purpose: 'schooling' }, finance);
    await core.ok('vouchers.income', { date: '2026-11-06', accountId: code('400304'), fundId: school.id, method: 'bank', amountFen: 500_000, memo: '金秋助学专项补助' }, finance);
    const misuse = await core.call(
      'vouchers.draft',
      { date: '2026-11-12', memo: '用助学专项付手续费', lines: [{ accountId: code('500801'), fundId: school.id, debitFen: 500, creditFen: 0 }, { accountId: code('1002'), fundId: school.id, debitFen: 0, creditFen: 500 }] },
      finance,
    );
    expect(misuse).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!misuse.ok) expect(misuse.error.message).toContain('专款专用');

    // More than 工会经费 holds: the draft is taken, the approval is refused and the voucher stays pending.
    const big = await core.ok(
      'vouchers.draft',
      { date: '2026-11-13', memo: '支付帮扶中心办公场地租金', attachments: 3, lines: [{ accountId: code('500802'), fundId: UNION, debitFen: 5_000_000, creditFen: 0 }, { accountId: code('1002'), fundId: UNION, debitFen: 0, creditFen: 5_000_000 }] },
      finance,
    );
    const before = businessFingerprint(core.app);
    const r = await core.call('vouchers.approve', { id: big.id }, director);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('“工会经费”余额不足');
    expect(businessFingerprint(core.app)).toBe(before);
    const rejected = await core.ok('vouchers.reject', { id: big.id, comment: '租金应由行政经费列支，请改正后重新填制' }, director);
    expect(rejected).toMatchObject({ status: 'rejected', entryId: null, decisionComment: '租金应由行政经费列支，请改正后重新填制' });
  });

  it('lets only the drafter withdraw, and keeps rejected and withdrawn vouchers on record', async () => {
    const v = await core.ok('vouchers.draft', correction(100), finance);
    expect(await core.call('vouchers.withdraw', { id: v.id, reason: '别人撤回' }, both)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const w = await core.ok('vouchers.withdraw', { id: v.id, reason: '金额写错，重新填制' }, finance);
    expect(w).toMatchObject({ status: 'withdrawn', decidedBy: '测试finance', decisionComment: '金额写错，重新填制' });
    expect(await core.call('vouchers.approve', { id: v.id }, director)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const all = await core.ok('vouchers.list', {}, finance);
    expect(all.rows.map((r) => r.status).sort()).toEqual(['posted', 'rejected', 'withdrawn']);
    expect((await core.ok('vouchers.list', { status: 'pending' }, director)).total).toBe(0);
  });

  it('a voucher waiting for the director holds the month close; once returned the month closes and takes no new draft', async () => {
    const v = await core.ok('vouchers.draft', correction(50, '2026-11-19'), finance);
    core.clock.set(shanghai('2026-12-02'));
    finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
    director = (await core.ok('auth.login', { username: 'u_director', password: TEST_PASSWORD })).token;
    const status = await core.ok('ledger.monthStatus', { month: '2026-11' }, finance);
    expect(status.canClose).toBe(false);
    expect(status.closeBlockedReason).toContain('等待主任审核');
    const counts = status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen }));
    const held = await core.call('ledger.closeMonth', { month: '2026-11', counts }, finance);
    expect(held).toMatchObject({ ok: false, error: { code: 'RULE' } });

    const entries = entryCount();
    expect((await core.ok('vouchers.reject', { id: v.id, comment: '11月请按12月日期重新填制' }, director)).status).toBe('rejected');
    expect(entryCount()).toBe(entries);
    await core.ok('ledger.closeMonth', { month: '2026-11', counts }, finance);
    // A new draft into the closed month is refused at once.
    const late = await core.call('vouchers.draft', correction(50, '2026-11-30'), finance);
    expect(late).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!late.ok) expect(late.error.message).toContain('已结账');
  });
});

describe('voucher records are immutable', () => {
  it('refuses changing a decided voucher or any voucher line, and deleting either, straight on the tables', () => {
    const db = core.app.db;
    const posted = db.prepare("SELECT id, created_by FROM vouchers WHERE status = 'posted'").get() as { id: number; created_by: number };
    expect(() => db.prepare("UPDATE vouchers SET memo = '改过' WHERE id = ?").run(posted.id)).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE vouchers SET status = 'rejected', entry_id = NULL WHERE id = ?").run(posted.id)).toThrow(/immutable|CHECK/);
    expect(() => db.prepare('UPDATE voucher_lines SET debit_fen = debit_fen + 1').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM voucher_lines').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM vouchers').run()).toThrow(/immutable/);
    expect(() => db.prepare("INSERT INTO voucher_lines (voucher_id, summary, account_id, fund_id, debit_fen, credit_fen) VALUES (?, '追加', 1, 1, 1, 0)").run(posted.id)).toThrow(/pending/);
  });

  it('refuses, straight on the table, a voucher approved by its own drafter', () => {
    const db = core.app.db;
    const id = Number(
      db.prepare("INSERT INTO vouchers (number, date, memo, created_by, created_at) VALUES ('PZCG-TEST-1', '2026-12-01', '测试', ?, '2026-12-01T00:00:00Z')").run(
        (db.prepare("SELECT id FROM users WHERE username = 'u_finance'").get() as { id: number }).id,
      ).lastInsertRowid,
    );
    const drafter = (db.prepare('SELECT created_by FROM vouchers WHERE id = ?').get(id) as { created_by: number }).created_by;
    expect(() => db.prepare("UPDATE vouchers SET status = 'rejected', decided_by = ?, decided_at = 'x', decision_comment = '自审' WHERE id = ?").run(drafter, id)).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE vouchers SET status = 'withdrawn', decided_by = ?, decided_at = 'x' WHERE id = ?").run(drafter + 1, id)).toThrow(/immutable/);
    db.prepare("UPDATE vouchers SET status = 'withdrawn', decided_by = ?, decided_at = 'x', decision_comment = '测试' WHERE id = ?").run(drafter, id);
  });
});
