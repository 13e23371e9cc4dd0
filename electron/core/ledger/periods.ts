import { formatChineseDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { monthLabel, nextMonth } from '../../../shared/months';
import type { Db } from '../../db/open';

/**
 * One ordered period model for money and materials. Months close in order and reopen from the
 * newest back, so the closed months are always a prefix of the calendar and the newest closed month
 * is the lock: nothing dated in it or before it may be posted. Each close stores running totals
 * (closing_balances, closing_stock) that later figures start from, so their cost does not grow with history.
 */
const END_OF_TIME = '9999-12';

/** The newest month whose latest event is a close, or null when nothing is closed. */
export function lockedThrough(db: Db): string | null {
  const row = db
    .prepare(
      `SELECT max(e.month) AS m FROM month_events e
       WHERE e.action = 'close' AND e.id = (SELECT max(x.id) FROM month_events x WHERE x.month = e.month)`,
    )
    .get() as { m: string | null };
  return row.m;
}

export function isMonthClosed(db: Db, month: string): boolean {
  const lock = lockedThrough(db);
  return lock !== null && month <= lock;
}

/** Refuses a posting dated in a closed month: the lock date is the last day of the newest closed month. */
export function assertPostable(db: Db, date: string, what: string): void {
  const lock = lockedThrough(db);
  if (lock !== null && date.slice(0, 7) <= lock) {
    fail('RULE', `${monthLabel(lock)}及以前的月份已结账，不能再登记日期为 ${formatChineseDate(date)} 的${what}。如需更正，请在未结账月份做冲销或补记；确需改动已结账月份，须由工会主席反结账。`);
  }
}

/** The earliest month with anything on the books (money or stock), or null for empty books. */
export function firstActiveMonth(db: Db): string | null {
  const row = db
    .prepare('SELECT min(m) AS m FROM (SELECT min(month) AS m FROM journal_lines UNION ALL SELECT min(month) FROM stock_movements)')
    .get() as { m: string | null };
  return row.m;
}

/** The month that must be closed next: the one after the lock, else the first with any activity. */
export function nextMonthToClose(db: Db): string | null {
  const lock = lockedThrough(db);
  return lock ? nextMonth(lock) : firstActiveMonth(db);
}

/**
 * The month every month-based page (statement, month close, stock ledger) opens on: the last month not
 * yet closed — the one after the newest closed month (else the first with activity), never later than
 * this month. One rule, so the pages agree on the same day.
 */
export function openingMonth(db: Db, today: string): string {
  const current = today.slice(0, 7);
  const next = nextMonthToClose(db);
  return next !== null && next < current ? next : current;
}

/** Why `month` cannot be closed on `today`, or null when it can. */
export function closeBlocker(db: Db, month: string, today: string): string | null {
  const lock = lockedThrough(db);
  if (lock !== null && month <= lock) return `${monthLabel(month)}已经结账。`;
  if (month >= today.slice(0, 7)) return `${monthLabel(month)}尚未结束，月末过后才能结账。`;
  const next = nextMonthToClose(db);
  if (next !== null && month > next) return `请按月份顺序结账：须先结${monthLabel(next)}的账。`;
  // A voucher waiting for the director would otherwise land in a month already closed, or never.
  const pending = (db.prepare("SELECT count(*) AS n FROM vouchers WHERE status = 'pending' AND date <= ?").get(`${month}-31`) as { n: number }).n;
  if (pending > 0) return `还有 ${pending} 张日期在${monthLabel(month)}及以前的记账凭证等待主任审核，请先审核或退回后再结账。`;
  return null;
}

/** The close event whose snapshot covers every month up to `month`: the newest closed month ≤ it. */
function snapshotFor(db: Db, month: string): { id: number; month: string } | null {
  const lock = lockedThrough(db);
  if (lock === null) return null;
  const m = lock < month ? lock : month;
  const ev = db.prepare('SELECT id, action, has_snapshot FROM month_events WHERE month = ? ORDER BY id DESC LIMIT 1').get(m) as
    | { id: number; action: string; has_snapshot: number }
    | undefined;
  // Months closed before snapshots existed fall back to summing the lines.
  return ev && ev.action === 'close' && ev.has_snapshot === 1 ? { id: ev.id, month: m } : null;
}

export interface AccountFundTotal {
  accountId: number;
  fundId: number;
  debitFen: number;
  creditFen: number;
}

interface TotalsFilter {
  accountId?: number;
  fundId?: number;
  /** Only cash and bank accounts (money held). */
  moneyOnly?: boolean;
}

/** The filter as extra WHERE terms over journal_lines or closing_balances, with @accountId / @fundId parameters. */
function filterSql(filter: TotalsFilter): string {
  const conds = [
    filter.accountId !== undefined ? 'account_id = @accountId' : null,
    filter.fundId !== undefined ? 'fund_id = @fundId' : null,
    filter.moneyOnly ? "account_id IN (SELECT id FROM accounts WHERE kind IN ('cash', 'bank'))" : null,
  ];
  return conds.map((c) => (c ? ` AND ${c}` : '')).join('');
}

/** All debits and credits up to the end of `month`, per account and fund: the last snapshot plus the month totals after it. */
export function totalsThrough(db: Db, month: string = END_OF_TIME, filter: TotalsFilter = {}): AccountFundTotal[] {
  const snap = snapshotFor(db, month);
  const extra = filterSql(filter);
  const params = { month, accountId: filter.accountId ?? null, fundId: filter.fundId ?? null, eventId: snap?.id ?? null, from: snap?.month ?? '' };
  const sql = snap
    ? `SELECT account_id, fund_id, sum(d) AS d, sum(c) AS c FROM (
         SELECT account_id, fund_id, debit_fen AS d, credit_fen AS c FROM closing_balances WHERE close_event_id = @eventId${extra}
         UNION ALL
         SELECT account_id, fund_id, debit_fen, credit_fen FROM month_totals WHERE month > @from AND month <= @month${extra}
       ) GROUP BY account_id, fund_id`
    : `SELECT account_id, fund_id, sum(debit_fen) AS d, sum(credit_fen) AS c FROM month_totals WHERE month <= @month${extra} GROUP BY account_id, fund_id`;
  return (db.prepare(sql).all(params) as { account_id: number; fund_id: number; d: number; c: number }[]).map((r) => ({
    accountId: r.account_id,
    fundId: r.fund_id,
    debitFen: r.d,
    creditFen: r.c,
  }));
}

/** Debit minus credit up to the end of `month` (all time by default). */
export function balanceThrough(db: Db, filter: TotalsFilter, month: string = END_OF_TIME): number {
  return totalsThrough(db, month, filter).reduce((s, t) => s + t.debitFen - t.creditFen, 0);
}

/**
 * The lowest end-of-day balance from `date` on. A back-dated payment must not take money below zero
 * on its own day nor on any later day whose payments the money was already covering.
 */
export function lowestBalanceFrom(db: Db, filter: TotalsFilter, date: string): number {
  // Walk back from today's balance over the days from `date` on: few rows, read by (account|fund, date).
  const extra = filterSql(filter);
  const params = { date, accountId: filter.accountId ?? null, fundId: filter.fundId ?? null };
  const days = db.prepare(`SELECT sum(debit_fen - credit_fen) AS change FROM journal_lines WHERE date >= @date${extra} GROUP BY date ORDER BY date DESC`).all(params) as { change: number }[];
  let running = balanceThrough(db, filter);
  let lowest = running;
  for (const d of days.slice(0, -1)) {
    running -= d.change;
    lowest = Math.min(lowest, running);
  }
  return lowest;
}

export interface LotBalance {
  itemId: number;
  locationId: number;
  expiryDate: string | null;
  quantity: number;
  valueFen: number;
}

/** Stock per lot (item, location, expiry) at the end of `month`. */
export function stockThrough(db: Db, month: string): LotBalance[] {
  const snap = snapshotFor(db, month);
  const sql = snap
    ? `SELECT item_id, location_id, expiry_date, sum(q) AS q, sum(v) AS v FROM (
         SELECT item_id, location_id, expiry_date, quantity AS q, value_fen AS v FROM closing_stock WHERE close_event_id = @eventId
         UNION ALL
         SELECT item_id, location_id, expiry_date, quantity, value_fen FROM stock_movements WHERE month > @from AND month <= @month
       ) GROUP BY item_id, location_id, expiry_date`
    : `SELECT item_id, location_id, expiry_date, sum(quantity) AS q, sum(value_fen) AS v FROM stock_movements WHERE month <= @month
       GROUP BY item_id, location_id, expiry_date`;
  return (
    db.prepare(sql).all({ month, eventId: snap?.id ?? null, from: snap?.month ?? '' }) as {
      item_id: number;
      location_id: number;
      expiry_date: string | null;
      q: number;
      v: number;
    }[]
  )
    .filter((r) => r.q !== 0 || r.v !== 0)
    .map((r) => ({ itemId: r.item_id, locationId: r.location_id, expiryDate: r.expiry_date, quantity: r.q, valueFen: r.v }));
}

export interface Snapshot {
  money: AccountFundTotal[];
  stock: LotBalance[];
}

/** A month's closing totals, from the previous snapshot plus this month's lines; take it before the close event exists. */
export const takeSnapshot = (db: Db, month: string): Snapshot => ({ money: totalsThrough(db, month), stock: stockThrough(db, month) });

export function storeSnapshot(db: Db, closeEventId: number, snap: Snapshot): void {
  const insertMoney = db.prepare('INSERT INTO closing_balances (close_event_id, account_id, fund_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?)');
  for (const t of snap.money) insertMoney.run(closeEventId, t.accountId, t.fundId, t.debitFen, t.creditFen);
  const insertStock = db.prepare('INSERT INTO closing_stock (close_event_id, item_id, location_id, expiry_date, quantity, value_fen) VALUES (?, ?, ?, ?, ?, ?)');
  for (const s of snap.stock) insertStock.run(closeEventId, s.itemId, s.locationId, s.expiryDate, s.quantity, s.valueFen);
}

/** Closed months from `month` to the lock, newest first: reopening one reopens every later one too. */
export function closedMonthsFrom(db: Db, month: string): string[] {
  return (
    db
      .prepare(
        `SELECT e.month FROM month_events e WHERE e.month >= ? AND e.action = 'close'
         AND e.id = (SELECT max(x.id) FROM month_events x WHERE x.month = e.month) ORDER BY e.month DESC`,
      )
      .all(month) as { month: string }[]
  ).map((r) => r.month);
}


