import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../shared/api';
import { addDays, localDate } from '../../../shared/dates';
import type { ApiResult } from '../../../shared/errors';
import { nextMonth, previousMonth } from '../../../shared/months';
import { AdjustableClock } from '../../../electron/core/clock';
import { DATABASE_FILE, openCore } from '../../../electron/core/open';
import type { AppContext } from '../../../electron/core/context';
import { dispatch } from '../../../electron/dispatch';
import { makeCore, tempDir } from '../../fixtures/core';
import { bookInvariants, donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

/*
 * Model-based test of the books: random sequences of donations (some back-dated), purchases into
 * lots with expiry, relief payments, transfers, write-offs, reversals, month closes and reopens,
 * run through the API against a plain model that says what every fund, account and lot must hold
 * and which calls must be refused. Several funds, one earmarked for schooling (专款专用).
 */

const START = '2026-01-05';
const FUNDS = [1, 2, 3, 4, 5]; // 5 is the earmarked schooling fund
const EARMARKED = 5;
const ITEMS = ['大米', '牛奶'];
const LOCATIONS = [1, 2];
const APP_AMOUNTS = [30_000, 50_000, 80_000, 40_000];

type Op =
  | { op: 'donate'; fund: number; amount: number; bank: boolean; back: number }
  | { op: 'purchase'; fund: number; bank: boolean; item: number; location: number; qty: number; unit: number; life: number | null; back: number }
  | { op: 'pay'; app: number; fund: number; bank: boolean }
  | { op: 'reverse'; pick: number }
  | { op: 'transfer'; item: number; from: number; qty: number }
  | { op: 'writeOff'; item: number; location: number; qty: number }
  | { op: 'advance'; days: number }
  | { op: 'close' }
  | { op: 'closeOutOfTurn'; ahead: number }
  | { op: 'reopen'; back: number };

const fund = fc.constantFrom(...FUNDS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('donate' as const), fund, amount: fc.integer({ min: 1, max: 200_000 }), bank: fc.boolean(), back: fc.integer({ min: 0, max: 45 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('purchase' as const),
      fund,
      bank: fc.boolean(),
      item: fc.nat(ITEMS.length - 1),
      location: fc.nat(LOCATIONS.length - 1),
      qty: fc.integer({ min: 1, max: 20 }),
      unit: fc.integer({ min: 1, max: 5_000 }),
      life: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
      back: fc.integer({ min: 0, max: 20 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pay' as const), app: fc.nat(APP_AMOUNTS.length - 1), fund, bank: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('transfer' as const), item: fc.nat(ITEMS.length - 1), from: fc.nat(LOCATIONS.length - 1), qty: fc.integer({ min: 1, max: 25 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('writeOff' as const), item: fc.nat(ITEMS.length - 1), location: fc.nat(LOCATIONS.length - 1), qty: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 25 }) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'close' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('closeOutOfTurn' as const), ahead: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), back: fc.nat(2) }) },
);

// ── the model ─────────────────────────────────────────────────────────────────────────────────
interface Line {
  account: number;
  fund: number;
  amount: number; // debit positive, credit negative
}
interface Entry {
  id: number;
  date: string;
  lines: Line[];
  reversible: boolean;
  reversed: boolean;
  app: number | null;
}
interface Lot {
  item: number;
  location: number;
  expiry: string | null;
  qty: number;
  value: number;
}

class Model {
  entries: Entry[] = [];
  lots: Lot[] = [];
  closed: string[] = []; // a prefix of the calendar, oldest first
  paid = new Set<number>();
  constructor(readonly accounts: { cash: number; bank: number; income: number; purchase: number; living: number }) {}

  get lock(): string | null {
    return this.closed.at(-1) ?? null;
  }
  locked(date: string): boolean {
    return this.lock !== null && date.slice(0, 7) <= this.lock;
  }
  firstActive(): string | null {
    const months = [...this.entries.map((e) => e.date.slice(0, 7)), ...this.movementMonths];
    return months.length ? months.reduce((a, b) => (a < b ? a : b)) : null;
  }
  movementMonths: string[] = [];
  nextToClose(): string | null {
    return this.lock ? nextMonth(this.lock) : this.firstActive();
  }
  balance(filter: (l: Line) => boolean, through = '9999-12-31'): number {
    let b = 0;
    for (const e of this.entries) if (e.date <= through) for (const l of e.lines) if (filter(l)) b += l.amount;
    return b;
  }
  isMoney = (l: Line) => l.account === this.accounts.cash || l.account === this.accounts.bank;
  fundBalance(f: number): number {
    return this.balance((l) => l.fund === f && this.isMoney(l));
  }
  accountBalance(a: number): number {
    return this.balance((l) => l.account === a);
  }
  /** Would these lines, dated `date`, leave any fund's money or any money account below zero at the end of any day? */
  overdraws(lines: Line[], date: string): boolean {
    const dated = [...this.entries.flatMap((e) => e.lines.map((l) => ({ ...l, date: e.date }))), ...lines.map((l) => ({ ...l, date }))];
    const lowest = (match: (l: Line) => boolean) => {
      const byDay = new Map<string, number>();
      for (const l of dated) if (match(l)) byDay.set(l.date, (byDay.get(l.date) ?? 0) + l.amount);
      let running = 0;
      let min = 0;
      for (const day of [...byDay.keys()].sort()) min = Math.min(min, (running += byDay.get(day)!));
      return min;
    };
    for (const f of new Set(lines.map((l) => l.fund))) if (lowest((l) => l.fund === f && this.isMoney(l)) < 0) return true;
    for (const a of [this.accounts.cash, this.accounts.bank]) if (lowest((l) => l.account === a) < 0) return true;
    return false;
  }
  lotsAt(item: number, location: number): Lot[] {
    // Earliest expiry first, undated last: the order the core takes stock out.
    return this.lots
      .filter((l) => l.item === item && l.location === location && l.qty > 0)
      .sort((a, b) => (a.expiry === b.expiry ? 0 : a.expiry === null ? 1 : b.expiry === null ? -1 : a.expiry < b.expiry ? -1 : 1));
  }
  addLot(item: number, location: number, expiry: string | null, qty: number, value: number): void {
    const lot = this.lots.find((l) => l.item === item && l.location === location && l.expiry === expiry);
    if (lot) {
      lot.qty += qty;
      lot.value += value;
    } else this.lots.push({ item, location, expiry, qty, value });
  }
  /** Takes stock out lot by lot at each lot's average value; returns what was taken, or null when short. */
  take(item: number, location: number, qty: number, usable: (l: Lot) => boolean): { expiry: string | null; qty: number; value: number }[] | null {
    const available = this.lotsAt(item, location).filter(usable);
    if (available.reduce((s, l) => s + l.qty, 0) < qty) return null;
    const taken: { expiry: string | null; qty: number; value: number }[] = [];
    let left = qty;
    for (const lot of available) {
      if (left === 0) break;
      const q = Math.min(left, lot.qty);
      const v = q === lot.qty ? lot.value : Math.floor((lot.value * q) / lot.qty);
      lot.qty -= q;
      lot.value -= v;
      taken.push({ expiry: lot.expiry, qty: q, value: v });
      left -= q;
    }
    return taken;
  }
}

// ── a template database, copied for every run ─────────────────────────────────────────────────
let templateDir = '';
let ids: { finance: number; chair: number; director: number; donorId: number; items: number[]; apps: number[]; accounts: Model['accounts'] };

beforeAll(async () => {
  const core = await makeCore({ start: shanghai(START) });
  const finance = await core.tokenFor(['finance']);
  await core.tokenFor(['chair']);
  await core.tokenFor(['director']);
  const apps = await payableApplications(core, APP_AMOUNTS);
  const donorId = await donor(core, finance);
  const earmarked = await core.ok('ledger.addFund', { name: '金秋助学专款', source: 'earmarked', purpose: 'schooling' }, finance);
  expect(earmarked.id).toBe(EARMARKED);
  await core.ok('materials.addLocation', { name: '第二仓库', kind: 'store', donorId: null, address: '', contact: '', phone: '' }, finance);
  const items: number[] = [];
  for (const name of ITEMS) items.push((await core.ok('materials.addItem', { name, spec: '', unit: '件', category: 'food', shelfLifeDays: null, lowStock: 0 }, finance)).id);
  const db = core.app.db;
  const user = (name: string) => (db.prepare('SELECT id FROM users WHERE username = ?').get(name) as { id: number }).id;
  const account = (code: string) => (db.prepare('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number }).id;
  ids = {
    finance: user('u_finance'),
    chair: user('u_chair'),
    director: user('u_director'),
    donorId,
    items,
    apps,
    accounts: { cash: account('1001'), bank: account('1002'), income: account('400801'), purchase: account('50030401'), living: account('50020401') },
  };
  db.close(); // checkpoints the WAL into the file
  templateDir = tempDir('books-model-');
  fs.copyFileSync(path.join(core.dataDir, DATABASE_FILE), path.join(templateDir, DATABASE_FILE));
  fs.rmSync(core.dataDir, { recursive: true, force: true });
});
afterAll(() => fs.rmSync(templateDir, { recursive: true, force: true }));

interface Run {
  app: AppContext;
  clock: AdjustableClock;
  dir: string;
  tokens: { finance: string; chair: string; director: string };
}

async function startRun(): Promise<Run> {
  const dir = tempDir('books-model-run-');
  fs.copyFileSync(path.join(templateDir, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  const clock = new AdjustableClock();
  clock.set(shanghai(START));
  const app = await openCore(dir, clock);
  const run: Run = { app, clock, dir, tokens: { finance: '', chair: '', director: '' } };
  relogin(run);
  return run;
}
/** Sessions lapse when the clock jumps: open fresh ones (the test stands in for the login screen). */
function relogin(run: Run): void {
  const now = run.clock.now().getTime();
  run.tokens = { finance: run.app.sessions.create(ids.finance, now), chair: run.app.sessions.create(ids.chair, now), director: run.app.sessions.create(ids.director, now) };
}
const call = <C extends Channel>(run: Run, channel: C, payload: InputOf<C>, token: string) =>
  dispatch(run.app, channel, payload, { token }) as Promise<ApiResult<OutputOf<C>>>;
async function ok<C extends Channel>(run: Run, channel: C, payload: InputOf<C>, token: string): Promise<OutputOf<C>> {
  const r = await call(run, channel, payload, token);
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
  return r.data;
}
const refusedAsRule = (r: ApiResult<unknown>) => expect(r, JSON.stringify(r)).toMatchObject({ ok: false, error: { code: 'RULE' } });

async function step(run: Run, m: Model, s: Op): Promise<void> {
  const today = localDate(run.clock.now());
  const { finance, chair, director } = run.tokens;
  const A = m.accounts;
  const back = (days: number) => {
    const d = addDays(today, -days);
    return d < START ? START : d;
  };
  switch (s.op) {
    case 'donate': {
      const date = back(s.back);
      const money = s.bank ? A.bank : A.cash;
      const r = await call(run, 'ledger.donate', { donorId: ids.donorId, date, amountFen: s.amount, method: s.bank ? 'bank' : 'cash', fundId: s.fund }, finance);
      if (m.locked(date)) return refusedAsRule(r);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) m.entries.push({ id: r.data.entryId, date, reversible: true, reversed: false, app: null, lines: [{ account: money, fund: s.fund, amount: s.amount }, { account: A.income, fund: s.fund, amount: -s.amount }] });
      return;
    }
    case 'purchase': {
      const date = back(s.back);
      const total = s.qty * s.unit;
      const money = s.bank ? A.bank : A.cash;
      const lines = [{ account: A.purchase, fund: s.fund, amount: total }, { account: money, fund: s.fund, amount: -total }];
      const expiry = s.life === null ? null : addDays(date, s.life);
      const r = await call(run, 'materials.purchase', { fundId: s.fund, method: s.bank ? 'bank' : 'cash', locationId: LOCATIONS[s.location]!, date, lines: [{ itemId: ids.items[s.item]!, quantity: s.qty, unitValueFen: s.unit, expiryDate: expiry }], note: '' }, finance);
      if (m.locked(date) || s.fund === EARMARKED || m.overdraws(lines, date)) return refusedAsRule(r);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const entry = (await ok(run, 'ledger.entries', { page: 1, pageSize: 1 }, finance)).rows[0]!;
      m.entries.push({ id: entry.id, date, reversible: true, reversed: false, app: null, lines });
      m.addLot(s.item, LOCATIONS[s.location]!, expiry, s.qty, total);
      m.movementMonths.push(date.slice(0, 7));
      return;
    }
    case 'pay': {
      const appId = ids.apps[s.app]!;
      const amount = APP_AMOUNTS[s.app]!;
      const money = s.bank ? A.bank : A.cash;
      const lines = [{ account: A.living, fund: s.fund, amount }, { account: money, fund: s.fund, amount: -amount }];
      const r = await call(run, 'ledger.payRelief', { applicationId: appId, fundId: s.fund, method: s.bank ? 'bank' : 'cash' }, finance);
      if (m.paid.has(appId)) return expect(r).toMatchObject({ ok: false });
      if (s.fund === EARMARKED || m.overdraws(lines, today)) return refusedAsRule(r);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) m.entries.push({ id: r.data.entryId, date: today, reversible: true, reversed: false, app: appId, lines });
      m.paid.add(appId);
      return;
    }
    case 'reverse': {
      const candidates = m.entries.filter((e) => e.reversible && !e.reversed);
      if (candidates.length === 0) return;
      const e = candidates[s.pick % candidates.length]!;
      const lines = e.lines.map((l) => ({ ...l, amount: -l.amount }));
      const r = await call(run, 'ledger.reverse', { entryId: e.id, reason: '记账错误' }, finance);
      if (m.overdraws(lines, today)) return refusedAsRule(r);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      e.reversed = true;
      m.entries.push({ id: r.data.id, date: today, reversible: false, reversed: false, app: null, lines });
      if (e.app !== null) m.paid.delete(e.app);
      return;
    }
    case 'transfer': {
      const from = LOCATIONS[s.from]!;
      const to = LOCATIONS[1 - s.from]!;
      const r = await call(run, 'materials.transfer', { fromLocationId: from, toLocationId: to, lines: [{ itemId: ids.items[s.item]!, quantity: s.qty }], note: '' }, finance);
      const taken = m.take(s.item, from, s.qty, (l) => l.expiry === null || l.expiry >= today);
      if (!taken) return refusedAsRule(r);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      for (const t of taken) m.addLot(s.item, to, t.expiry, t.qty, t.value);
      m.movementMonths.push(today.slice(0, 7));
      return;
    }
    case 'writeOff': {
      const location = LOCATIONS[s.location]!;
      const onHand = m.lotsAt(s.item, location).reduce((sum, l) => sum + l.qty, 0);
      const request = await call(run, 'materials.requestWriteOff', { itemId: ids.items[s.item]!, locationId: location, quantity: s.qty, reason: '霉变' }, finance);
      if (onHand < s.qty) return refusedAsRule(request);
      expect(request.ok, JSON.stringify(request)).toBe(true);
      if (!request.ok) return;
      const r = await call(run, 'materials.decide', { documentId: request.data.id, approve: true, comment: '同意报损' }, director);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(m.take(s.item, location, s.qty, () => true)).not.toBeNull();
      m.movementMonths.push(today.slice(0, 7));
      return;
    }
    case 'advance': {
      run.clock.advance(s.days * 86_400_000);
      relogin(run);
      return;
    }
    case 'close': {
      const month = m.nextToClose();
      if (month === null) return;
      const monthEnd = `${month}-31`;
      const counts = [A.cash, A.bank].map((a) => ({ accountId: a, countedFen: m.balance((l) => l.account === a, monthEnd) }));
      const r = await call(run, 'ledger.closeMonth', { month, counts }, finance);
      if (month >= today.slice(0, 7)) return refusedAsRule(r);
      // The model's own count is the book figure, or the close refuses for a difference.
      expect(r.ok, JSON.stringify(r)).toBe(true);
      m.closed.push(month);
      statementsAtClose.set(month, await ok(run, 'ledger.statement', { month }, finance));
      return;
    }
    case 'closeOutOfTurn': {
      const next = m.nextToClose() ?? today.slice(0, 7);
      let month = next;
      for (let i = 0; i < s.ahead; i++) month = nextMonth(month);
      const r = await call(run, 'ledger.closeMonth', { month, counts: [{ accountId: A.cash, countedFen: 0 }, { accountId: A.bank, countedFen: 0 }] }, finance);
      expect(r.ok, JSON.stringify(r)).toBe(false);
      return;
    }
    case 'reopen': {
      if (m.closed.length === 0) {
        const r = await call(run, 'ledger.reopenMonth', { month: previousMonth(today.slice(0, 7)), reason: '补记漏账' }, chair);
        return expect(r.ok).toBe(false);
      }
      const month = m.closed[Math.max(0, m.closed.length - 1 - s.back)]!;
      await ok(run, 'ledger.reopenMonth', { month, reason: '补记漏账' }, chair);
      for (const later of m.closed.filter((c) => c >= month)) statementsAtClose.delete(later);
      m.closed = m.closed.filter((c) => c < month);
      return;
    }
  }
}

const statementsAtClose = new Map<string, OutputOf<'ledger.statement'>>();

/** Every fund, money account and lot as the model says. */
async function checkAgainstModel(run: Run, m: Model): Promise<void> {
  const { finance } = run.tokens;
  const funds = await ok(run, 'ledger.funds', {}, finance);
  for (const f of funds) expect(f.balanceFen, `fund ${f.name}`).toBe(m.fundBalance(f.id));
  const accounts = await ok(run, 'ledger.accounts', {}, finance);
  for (const a of accounts) expect(a.balanceFen, `account ${a.code}`).toBe(m.accountBalance(a.id));
  const stock = await ok(run, 'materials.stock', {}, finance);
  const actual = stock.map((s) => `${s.itemId}@${s.locationId}/${s.expiryDate ?? '-'}:${s.quantity}=${s.valueFen}`).sort();
  const expected = m.lots.filter((l) => l.qty > 0).map((l) => `${ids.items[l.item]}@${l.location}/${l.expiry ?? '-'}:${l.qty}=${l.value}`).sort();
  expect(actual).toEqual(expected);
}

/** Per month: the statement's opening, receipts and payments from the model; closed months exactly as printed at their close. */
async function checkStatements(run: Run, m: Model): Promise<void> {
  const { finance } = run.tokens;
  const first = m.firstActive();
  if (!first) return;
  const last = localDate(run.clock.now()).slice(0, 7);
  for (let month = first; month <= last; month = nextMonth(month)) {
    const s = await ok(run, 'ledger.statement', { month }, finance);
    const startDay = `${month}-01`;
    const endDay = `${month}-31`;
    const opening = m.balance((l) => m.isMoney(l), addDays(startDay, -1));
    const inMonth = m.entries.filter((e) => e.date >= startDay && e.date <= endDay).flatMap((e) => e.lines).filter((l) => m.isMoney(l));
    expect(s.totals.openingFen, `${month} opening`).toBe(opening);
    expect(s.totals.receiptsFen, `${month} receipts`).toBe(inMonth.filter((l) => l.amount > 0).reduce((x, l) => x + l.amount, 0));
    expect(s.totals.paymentsFen, `${month} payments`).toBe(inMonth.filter((l) => l.amount < 0).reduce((x, l) => x - l.amount, 0));
    const atClose = statementsAtClose.get(month);
    if (atClose) expect(s, `${month} changed after its close`).toEqual(atClose);
  }
}

describe('the books against a model', () => {
  it('every fund, account and lot matches the model; refusals are exactly the ones the rules call for; closed months never change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 24 }), async (ops) => {
        statementsAtClose.clear();
        const run = await startRun();
        try {
          const model = new Model(ids.accounts);
          for (const s of ops) {
            run.clock.advance(1_000);
            await step(run, model, s);
            await checkAgainstModel(run, model);
          }
          await checkStatements(run, model);
          const tb = await ok(run, 'ledger.trialBalance', { month: '9999-12' }, run.tokens.finance);
          expect(tb.reduce((x, r) => x + r.debitFen, 0)).toBe(tb.reduce((x, r) => x + r.creditFen, 0));
          expect(bookInvariants({ app: run.app } as never)).toEqual([]);
        } finally {
          run.app.db.close();
          fs.rmSync(run.dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 200) },
    );
  }, 600_000);
});
