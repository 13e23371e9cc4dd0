// The union chart of accounts (migration 0017): standard codes, unique; the old accounts renumbered
// without touching a posted line; detail accounts added by finance; a used account never deleted.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { makeCore, tempDir, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
const UNION = 1;
const code = (c: string) => (core.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-20') });
  finance = await core.tokenFor(['finance']);
});
afterAll(() => core.close());

describe('chart of accounts', () => {
  it('carries the standard codes and names, each code once, detail accounts under their parent', async () => {
    const accounts = await core.ok('ledger.accounts', {}, finance);
    const codes = accounts.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    const named = new Map(accounts.map((a) => [a.code, a]));
    expect(named.get('1001')).toMatchObject({ name: '库存现金', kind: 'cash', standard: true, heading: false });
    expect(named.get('1002')).toMatchObject({ name: '银行存款', kind: 'bank', standard: true });
    expect(named.get('4003')).toMatchObject({ name: '上级补助收入', heading: true, parentId: null });
    expect(named.get('400304')).toMatchObject({ name: '上级补助收入—帮扶补助', parentId: named.get('4003')!.id });
    expect(named.get('500204')).toMatchObject({ name: '维权支出—困难职工帮扶费', heading: true, parentId: named.get('5002')!.id });
    expect(named.get('500203')).toMatchObject({ name: '维权支出—法律援助费', heading: false });
    expect(named.get('500205')).toMatchObject({ name: '维权支出—送温暖费', reliefCategory: 'festival' });
    expect(named.get('50020403')).toMatchObject({ reliefCategory: 'illness', parentId: named.get('500204')!.id });
    // Every detail account's code starts with its parent's and is two digits longer.
    for (const a of accounts.filter((x) => x.parentId !== null)) {
      const p = accounts.find((x) => x.id === a.parentId)!;
      expect(a.code.startsWith(p.code) && a.code.length === p.code.length + 2, `${a.code} under ${p.code}`).toBe(true);
    }
    // The old four-digit codes of 0006/0013 are gone.
    for (const old of ['4101', '4201', '4301', '5101', '5201', '5901']) expect(codes).not.toContain(old);
  });

  it('books to detail accounts only, and never deletes a standard or used account', async () => {
    const heading = code('4003');
    const r = await core.call('vouchers.income', { date: '2026-11-02', accountId: heading, fundId: UNION, method: 'bank', amountFen: 10_000, memo: '上级补助' }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toContain('下设明细科目');

    const added = await core.ok('ledger.addAccount', { parentId: code('400304'), code: '40030401', name: '市总工会帮扶专项' }, finance);
    expect(added).toMatchObject({ name: '上级补助收入—帮扶补助—市总工会帮扶专项', kind: 'income', deletable: true });
    expect((await core.ok('ledger.accounts', {}, finance)).find((a) => a.code === '400304')).toMatchObject({ heading: true, deletable: false });
    await core.ok('vouchers.income', { date: '2026-11-03', accountId: added.id, fundId: UNION, method: 'bank', amountFen: 20_000, memo: '市总工会帮扶专项' }, finance);

    const used = await core.call('ledger.deleteAccount', { accountId: added.id }, finance);
    expect(used).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!used.ok) expect(used.error.message).toContain('已有记账');
    expect((await core.call('ledger.deleteAccount', { accountId: code('500203') }, finance))).toMatchObject({ ok: false, error: { code: 'RULE' } });
    // The table refuses it too, whoever asks.
    expect(() => core.app.db.prepare('DELETE FROM accounts WHERE id = ?').run(added.id)).toThrow(/in use/);

    const spare = await core.ok('ledger.addAccount', { parentId: code('500203'), code: '50020301', name: '律师代理费' }, finance);
    expect(await core.ok('ledger.deleteAccount', { accountId: spare.id }, finance)).toEqual({ deleted: true });
    expect((await core.ok('ledger.accounts', {}, finance)).some((a) => a.code === '50020301')).toBe(false);
  });

  it('renumbers the old accounts without changing a posted line', async () => {
    const dir = tempDir('chart-migration-');
    try {
      const db = openDatabase(path.join(dir, 'centre.sqlite'));
      const upTo = MIGRATIONS.findIndex((m) => m.id === '0017_chart_of_accounts');
      await migrate(db, { backupDir: null, now: new Date('2026-11-20T01:00:00Z'), migrations: MIGRATIONS.slice(0, upTo) });
      db.prepare("INSERT INTO users (id, username, display_name, password_hash, password_salt, created_at) VALUES (1, 'f', '财务', 'x', 'x', '2026-10-01T00:00:00Z')").run();
      const id = (c: string) => (db.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;
      const entry = (n: string, lines: [string, number, number][]) => {
        const e = Number(db.prepare("INSERT INTO journal_entries (number, date, month, memo, kind, created_by, created_at) VALUES (?, '2026-10-09', '2026-10', '旧账', 'donation', 1, '2026-10-09T01:00:00Z')").run(n).lastInsertRowid);
        for (const [c, d, cr] of lines) db.prepare("INSERT INTO journal_lines (entry_id, account_id, fund_id, month, date, debit_fen, credit_fen) VALUES (?, ?, 1, '2026-10', '2026-10-09', ?, ?)").run(e, id(c), d, cr);
      };
      entry('PZ-2026-000001', [['1002', 500_000, 0], ['4101', 0, 500_000]]);
      entry('PZ-2026-000002', [['5101', 30_000, 0], ['1001', 0, 30_000]]);
      entry('PZ-2026-000003', [['1002', 12_000, 0], ['4301', 0, 12_000]]);
      const before = db.prepare('SELECT * FROM journal_lines ORDER BY id').all();
      const totalsBefore = db.prepare('SELECT * FROM month_totals ORDER BY month, account_id, fund_id').all();
      const ids = { donation: id('4101'), living: id('5101'), grant: id('4301') };

      await migrate(db, { backupDir: null, now: new Date('2026-11-20T01:00:00Z') });
      expect(db.prepare('SELECT * FROM journal_lines ORDER BY id').all()).toEqual(before);
      expect(db.prepare('SELECT * FROM month_totals ORDER BY month, account_id, fund_id').all()).toEqual(totalsBefore);
      const now = (accountId: number) => db.prepare('SELECT code, name, usage FROM accounts WHERE id = ?').get(accountId);
      expect(now(ids.donation)).toEqual({ code: '400801', name: '其他收入—捐赠收入', usage: 'donation_income' });
      expect(now(ids.living)).toEqual({ code: '50020401', name: '维权支出—困难职工帮扶费—生活困难救助', usage: null });
      expect(now(ids.grant)).toMatchObject({ code: '400304' });
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('account list', () => {
  it('shows a heading with the balance of the accounts under it', async () => {
    const accounts = await core.ok('ledger.accounts', {}, finance);
    const of = (c: string) => accounts.find((a) => a.code === c)!.totalFen;
    expect(of('40030401')).toBe(-20_000);
    expect(of('400304')).toBe(-20_000);
    expect(of('4003')).toBe(of('400301') + of('400302') + of('400303') + of('400304') + of('400305') + of('400306') + of('400307'));
    expect(of('4003')).toBe(-20_000);
    // The own balance stays the lines booked to the account itself.
    expect(accounts.find((a) => a.code === '4003')!.balanceFen).toBe(0);
  });
});
