import type { CashBook, MonthlyStatement, StatementFund, TrialBalanceRow } from '../../../shared/contract/ledger';
import type { Db } from '../../db/open';
import { stockLedger } from '../materials/ledger';
import { getAccount, isMonthClosed } from './books';

export const monthStart = (month: string) => `${month}-01`;
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

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

/**
 * 月度收支明细表: per fund, money (cash + bank) at the start of the month, received, paid out and
 * at the end, with the lines behind them. Every figure is a sum over journal lines, so it ties to the books.
 */
export function monthlyStatement(db: Db, month: string): MonthlyStatement {
  const start = monthStart(month);
  const figures = db
    .prepare(
      `SELECT f.id AS fund_id, f.name AS fund_name,
         coalesce(sum(CASE WHEN l.month < @month THEN l.debit_fen - l.credit_fen END), 0) AS opening,
         coalesce(sum(CASE WHEN l.month = @month THEN l.debit_fen END), 0) AS receipts,
         coalesce(sum(CASE WHEN l.month = @month THEN l.credit_fen END), 0) AS payments
       FROM funds f
       LEFT JOIN journal_lines l ON l.fund_id = f.id AND l.month <= @month
         AND l.account_id IN (SELECT id FROM accounts WHERE kind IN ('cash', 'bank'))
       GROUP BY f.id ORDER BY f.id`,
    )
    .all({ month }) as FundFigures[];
  const details = db
    .prepare(
      `SELECT l.fund_id, l.date, e.number, e.memo, a.name AS account_name, l.debit_fen, l.credit_fen
       FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id JOIN accounts a ON a.id = l.account_id
       WHERE l.month = @month AND a.kind IN ('cash', 'bank') ORDER BY l.fund_id, l.date, l.entry_id, l.id`,
    )
    .all({ month, start }) as DetailRow[];
  const byFund = new Map<number, StatementFund['lines']>();
  for (const d of details) {
    let lines = byFund.get(d.fund_id);
    if (!lines) byFund.set(d.fund_id, (lines = []));
    lines.push({ date: d.date, entryNumber: d.number, memo: d.memo, accountName: d.account_name, receiptFen: d.debit_fen, paymentFen: d.credit_fen });
  }
  const funds = figures
    .filter((f) => f.opening !== 0 || f.receipts !== 0 || f.payments !== 0)
    .map(
      (f): StatementFund => ({
        fundId: f.fund_id,
        fundName: f.fund_name,
        openingFen: f.opening,
        receiptsFen: f.receipts,
        paymentsFen: f.payments,
        closingFen: f.opening + f.receipts - f.payments,
        lines: byFund.get(f.fund_id) ?? [],
      }),
    );
  const sum = (k: 'openingFen' | 'receiptsFen' | 'paymentsFen' | 'closingFen') => funds.reduce((s, f) => s + f[k], 0);
  return {
    month,
    closed: isMonthClosed(db, month),
    funds,
    materials: stockLedger(db, month).rows,
    totals: { openingFen: sum('openingFen'), receiptsFen: sum('receiptsFen'), paymentsFen: sum('paymentsFen'), closingFen: sum('closingFen') },
  };
}

/** 日记账: one cash or bank account's lines in a month with the running balance. */
export function cashBook(db: Db, accountId: number, month: string): CashBook {
  const account = getAccount(db, accountId);
  const opening = (db.prepare('SELECT coalesce(sum(debit_fen - credit_fen), 0) AS b FROM journal_lines WHERE account_id = ? AND month < ?').get(accountId, month) as { b: number }).b;
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
  return (
    db
      .prepare(
        `SELECT a.id, a.code, a.name, a.kind, coalesce(sum(l.debit_fen), 0) AS debit, coalesce(sum(l.credit_fen), 0) AS credit
         FROM accounts a LEFT JOIN journal_lines l ON l.account_id = a.id AND l.month <= ? GROUP BY a.id ORDER BY a.code`,
      )
      .all(month) as { id: number; code: string; name: string; kind: TrialBalanceRow['kind']; debit: number; credit: number }[]
  ).map((r) => ({ accountId: r.id, code: r.code, name: r.name, kind: r.kind, debitFen: r.debit, creditFen: r.credit }));
}
