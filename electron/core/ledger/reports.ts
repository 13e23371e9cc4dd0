import type { CashBook, MonthlyStatement, StatementFund, StatementFundOnScreen, StatementLinePage, StatementOnScreen, TrialBalanceRow } from '../../../shared/contract/ledger';
import { previousMonth } from '../../../shared/months';
import type { Db } from '../../db/open';
import { stockLedger } from '../materials/ledger';
import { getAccount, isMonthClosed } from './books';
import { balanceThrough, totalsThrough } from './periods';

export const monthStart = (month: string) => `${month}-01`;
export { nextMonth, previousMonth } from '../../../shared/months';

interface FundFigures {
  fund_id: number;
  fund_name: string;
  opening: number;
  receipts: number;
  payments: number;
}

interface DetailRow {
  fund_id: number;
  date: string;
  number: string;
  memo: string;
  account_name: string;
  debit_fen: number;
  credit_fen: number;
}

const MONEY_ACCOUNTS = "SELECT id FROM accounts WHERE kind IN ('cash', 'bank')";

/** Per fund with money or movement: opening, receipts, payments and closing, from snapshots and month_totals (not the lines). */
function statementFigures(db: Db, month: string): Omit<StatementFund, 'lines'>[] {
  const figures = new Map<number, FundFigures>();
  for (const f of db.prepare('SELECT id, name FROM funds ORDER BY id').all() as { id: number; name: string }[]) {
    figures.set(f.id, { fund_id: f.id, fund_name: f.name, opening: 0, receipts: 0, payments: 0 });
  }
  // Opening from the last close (or the month totals before it); the month's own totals for receipts and payments.
  for (const t of totalsThrough(db, previousMonth(month), { moneyOnly: true })) figures.get(t.fundId)!.opening += t.debitFen - t.creditFen;
  const inMonth = db
    .prepare(`SELECT fund_id, sum(debit_fen) AS r, sum(credit_fen) AS p FROM month_totals WHERE month = ? AND account_id IN (${MONEY_ACCOUNTS}) GROUP BY fund_id`)
    .all(month) as { fund_id: number; r: number; p: number }[];
  for (const m of inMonth) {
    const f = figures.get(m.fund_id)!;
    f.receipts = m.r;
    f.payments = m.p;
  }
  return [...figures.values()]
    .filter((f) => f.opening !== 0 || f.receipts !== 0 || f.payments !== 0)
    .map((f) => ({
      fundId: f.fund_id,
      fundName: f.fund_name,
      openingFen: f.opening,
      receiptsFen: f.receipts,
      paymentsFen: f.payments,
      closingFen: f.opening + f.receipts - f.payments,
    }));
}

function statementTotals(funds: readonly Omit<StatementFund, 'lines'>[]): MonthlyStatement['totals'] {
  const sum = (k: 'openingFen' | 'receiptsFen' | 'paymentsFen' | 'closingFen') => funds.reduce((s, f) => s + f[k], 0);
  return { openingFen: sum('openingFen'), receiptsFen: sum('receiptsFen'), paymentsFen: sum('paymentsFen'), closingFen: sum('closingFen') };
}

/**
 * 月度收支明细表 in full: per fund, money (cash + bank) at the start of the month, received, paid out and
 * at the end, with every line behind them — for the PDF and the Excel (on the jobs worker). Every figure is
 * a sum over journal lines (kept in snapshots and month_totals), so it ties to the books.
 */
export function monthlyStatement(db: Db, month: string): MonthlyStatement {
  const details = db
    .prepare(
      `SELECT l.fund_id, l.date, e.number, e.memo, a.name AS account_name, l.debit_fen, l.credit_fen
       FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id JOIN accounts a ON a.id = l.account_id
       WHERE l.month = @month AND a.kind IN ('cash', 'bank') ORDER BY l.fund_id, l.date, l.entry_id, l.id`,
    )
    .all({ month }) as DetailRow[];
  const byFund = new Map<number, StatementFund['lines']>();
  for (const d of details) {
    let lines = byFund.get(d.fund_id);
    if (!lines) byFund.set(d.fund_id, (lines = []));
    lines.push({ date: d.date, entryNumber: d.number, memo: d.memo, accountName: d.account_name, receiptFen: d.debit_fen, paymentFen: d.credit_fen });
  }
  const funds = statementFigures(db, month).map((f): StatementFund => ({ ...f, lines: byFund.get(f.fundId) ?? [] }));
  return { month, closed: isMonthClosed(db, month), funds, materials: stockLedger(db, month).rows, totals: statementTotals(funds) };
}

/**
 * 月度收支明细表 on screen: the same figures, and the first page of each fund's lines. What it reads does
 * not grow with the month: figures from snapshots and month_totals, lines a page at a time from an index.
 */
export function statementOnScreen(db: Db, month: string, pageSize: number): StatementOnScreen {
  const funds = statementFigures(db, month).map((f): StatementFundOnScreen => ({ ...f, ...fundLinePage(db, month, f.fundId, f.openingFen, 1, pageSize) }));
  return { month, closed: isMonthClosed(db, month), funds, materials: stockLedger(db, month).rows, totals: statementTotals(funds) };
}

/** One page of a fund's lines in the month, for the statement on screen. */
export function statementLinePage(db: Db, month: string, fundId: number, page: number, pageSize: number): StatementLinePage {
  const opening = totalsThrough(db, previousMonth(month), { moneyOnly: true, fundId }).reduce((s, t) => s + t.debitFen - t.creditFen, 0);
  return fundLinePage(db, month, fundId, opening, page, pageSize);
}

// A fund's money lines in a month are read in statement order (date, entry, line) straight from the covering
// index journal_lines_statement (migration 0025): no sort, no table rows for the running sum.
// "+account_id" keeps the planner off the per-account indexes, which would need a sort.
const FUND_LINES = `FROM journal_lines WHERE month = @month AND fund_id = @fundId AND +account_id IN (${MONEY_ACCOUNTS})`;

/** The page reads, exported for the test that checks their query plans. */
export const STATEMENT_PAGE_SQL = {
  // Kept by trigger per month, fund and account (migration 0025): a few rows, not the month's lines.
  count: `SELECT coalesce(sum(lines), 0) AS n FROM month_line_counts WHERE month = @month AND fund_id = @fundId AND account_id IN (${MONEY_ACCOUNTS})`,
  monthNet: `SELECT coalesce(sum(debit_fen - credit_fen), 0) AS s FROM month_totals WHERE month = @month AND fund_id = @fundId AND account_id IN (${MONEY_ACCOUNTS})`,
  // An early page: the lines before it, and the page, from the front of the fund's month.
  before: `SELECT coalesce(sum(debit_fen - credit_fen), 0) AS s FROM (SELECT debit_fen, credit_fen ${FUND_LINES} ORDER BY date, entry_id, id LIMIT @offset)`,
  page: `SELECT p.date, e.number, e.memo, a.name AS account_name, p.debit_fen, p.credit_fen
     FROM (SELECT id, entry_id, account_id, date, debit_fen, credit_fen ${FUND_LINES} ORDER BY date, entry_id, id LIMIT @limit OFFSET @offset) p
     CROSS JOIN journal_entries e ON e.id = p.entry_id CROSS JOIN accounts a ON a.id = p.account_id ORDER BY p.date, p.entry_id, p.id`,
  // A late page: the lines from it to the month's end, and the page, from the back (newest first).
  fromPage: `SELECT coalesce(sum(debit_fen - credit_fen), 0) AS s FROM (SELECT debit_fen, credit_fen ${FUND_LINES} ORDER BY date DESC, entry_id DESC, id DESC LIMIT @fromEnd)`,
  pageFromEnd: `SELECT p.date, e.number, e.memo, a.name AS account_name, p.debit_fen, p.credit_fen
     FROM (SELECT id, entry_id, account_id, date, debit_fen, credit_fen ${FUND_LINES} ORDER BY date DESC, entry_id DESC, id DESC LIMIT @limit OFFSET @afterPage) p
     CROSS JOIN journal_entries e ON e.id = p.entry_id CROSS JOIN accounts a ON a.id = p.account_id ORDER BY p.date DESC, p.entry_id DESC, p.id DESC`,
};

/**
 * A page of a fund's lines with running balances. The page's first balance is the opening plus the lines
 * before it; both the page and that sum are read from whichever end of the fund's month is nearer, so the
 * index entries walked are at most half the fund's month (the last page walks only itself).
 */
function fundLinePage(db: Db, month: string, fundId: number, openingFen: number, page: number, pageSize: number): StatementLinePage {
  const offset = (page - 1) * pageSize;
  const lineCount = (db.prepare(STATEMENT_PAGE_SQL.count).get({ month, fundId }) as { n: number }).n;
  let before = 0;
  let rows: Omit<DetailRow, 'fund_id'>[];
  if (offset >= lineCount) rows = [];
  else if (offset <= lineCount / 2) {
    if (offset > 0) before = (db.prepare(STATEMENT_PAGE_SQL.before).get({ month, fundId, offset }) as { s: number }).s;
    rows = db.prepare(STATEMENT_PAGE_SQL.page).all({ month, fundId, offset, limit: pageSize }) as Omit<DetailRow, 'fund_id'>[];
  } else {
    // Opening + the month's net (month_totals) less the lines from the page on = opening + the lines before it.
    const monthNet = (db.prepare(STATEMENT_PAGE_SQL.monthNet).get({ month, fundId }) as { s: number }).s;
    const fromEnd = lineCount - offset;
    before = monthNet - (db.prepare(STATEMENT_PAGE_SQL.fromPage).get({ month, fundId, fromEnd }) as { s: number }).s;
    const afterPage = Math.max(0, fromEnd - pageSize);
    rows = (db.prepare(STATEMENT_PAGE_SQL.pageFromEnd).all({ month, fundId, afterPage, limit: fromEnd - afterPage }) as Omit<DetailRow, 'fund_id'>[]).reverse();
  }
  let balance = openingFen + before;
  const lines = rows.map((d) => {
    balance += d.debit_fen - d.credit_fen;
    return { date: d.date, entryNumber: d.number, memo: d.memo, accountName: d.account_name, receiptFen: d.debit_fen, paymentFen: d.credit_fen, balanceFen: balance };
  });
  return { fundId, page, pageSize, lineCount, lines };
}

/** 日记账: one cash or bank account's lines in a month with the running balance. */
export function cashBook(db: Db, accountId: number, month: string): CashBook {
  const account = getAccount(db, accountId);
  const opening = balanceThrough(db, { accountId }, previousMonth(month));
  const rows = db
    .prepare(
      `SELECT l.date, l.entry_id, e.number, e.memo, f.name AS fund_name, l.debit_fen, l.credit_fen
       FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id JOIN funds f ON f.id = l.fund_id
       WHERE l.account_id = ? AND l.month = ? ORDER BY l.date, l.entry_id, l.id`,
    )
    .all(accountId, month) as { date: string; entry_id: number; number: string; memo: string; fund_name: string; debit_fen: number; credit_fen: number }[];
  let balance = opening;
  const lines = rows.map((r) => {
    balance += r.debit_fen - r.credit_fen;
    return { date: r.date, entryId: r.entry_id, entryNumber: r.number, memo: r.memo, fundName: r.fund_name, debitFen: r.debit_fen, creditFen: r.credit_fen, balanceFen: balance };
  });
  return { accountId, accountName: account.name, month, openingFen: opening, lines, closingFen: balance };
}

/** 试算平衡表 up to the end of a month: total debits equal total credits when the books are sound. */
export function trialBalance(db: Db, month: string): TrialBalanceRow[] {
  const byAccount = new Map<number, { debit: number; credit: number }>();
  for (const t of totalsThrough(db, month)) {
    const a = byAccount.get(t.accountId) ?? { debit: 0, credit: 0 };
    a.debit += t.debitFen;
    a.credit += t.creditFen;
    byAccount.set(t.accountId, a);
  }
  // A heading (an account with detail accounts) only adds them up: listed only for lines of its own from before.
  const headings = new Set((db.prepare('SELECT DISTINCT parent_id FROM accounts WHERE parent_id IS NOT NULL').all() as { parent_id: number }[]).map((r) => r.parent_id));
  return (db.prepare('SELECT id, code, name, kind FROM accounts ORDER BY code').all() as { id: number; code: string; name: string; kind: TrialBalanceRow['kind'] }[])
    .filter((r) => !headings.has(r.id) || byAccount.has(r.id))
    .map((r) => ({
      accountId: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      debitFen: byAccount.get(r.id)?.debit ?? 0,
      creditFen: byAccount.get(r.id)?.credit ?? 0,
    }));
}
