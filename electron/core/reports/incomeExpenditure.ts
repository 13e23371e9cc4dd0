import type { IncomeExpenditure, IncomeExpenditureRow } from '../../../shared/contract/reports';
import type { Db } from '../../db/open';
import { isMonthClosed } from '../ledger/periods';

interface AccountLine {
  id: number;
  code: string;
  name: string;
  kind: 'income' | 'expense';
  parent_id: number | null;
}

/**
 * 收入支出表 for a month: each income and expense account's 本月数 and 本年累计数, read from month_totals
 * (one row per month, account and fund), so the cost is at most twelve months of accounts × funds, whatever
 * the history. A heading adds up its detail accounts (and any lines booked to it before they existed).
 */
export function incomeExpenditure(db: Db, month: string): IncomeExpenditure {
  const accounts = db.prepare("SELECT id, code, name, kind, parent_id FROM accounts WHERE kind IN ('income', 'expense') ORDER BY code").all() as AccountLine[];
  const sums = db
    .prepare(
      `SELECT account_id, sum(CASE WHEN month = @month THEN debit_fen - credit_fen ELSE 0 END) AS month_net, sum(debit_fen - credit_fen) AS year_net
       FROM month_totals WHERE month >= @from AND month <= @month GROUP BY account_id`,
    )
    .all({ month, from: `${month.slice(0, 4)}-01` }) as { account_id: number; month_net: number; year_net: number }[];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const rows = new Map<number, IncomeExpenditureRow>();
  const depth = (a: AccountLine): number => (a.parent_id !== null && byId.has(a.parent_id) ? depth(byId.get(a.parent_id)!) + 1 : 1);
  const headings = new Set(accounts.map((a) => a.parent_id).filter((p): p is number => p !== null));
  for (const a of accounts) {
    rows.set(a.id, { accountId: a.id, code: a.code, name: a.name, kind: a.kind, level: depth(a), heading: headings.has(a.id), monthFen: 0, yearFen: 0 });
  }
  for (const s of sums) {
    const own = byId.get(s.account_id);
    if (!own) continue; // a cash or bank account
    // Income is a credit balance, expenditure a debit one.
    const sign = own.kind === 'income' ? -1 : 1;
    for (let a: AccountLine | undefined = own; a; a = a.parent_id === null ? undefined : byId.get(a.parent_id)) {
      const r = rows.get(a.id)!;
      r.monthFen += sign * s.month_net;
      r.yearFen += sign * s.year_net;
    }
  }
  const all = [...rows.values()];
  const income = all.filter((r) => r.kind === 'income');
  const expense = all.filter((r) => r.kind === 'expense');
  const top = (list: IncomeExpenditureRow[], k: 'monthFen' | 'yearFen') => list.filter((r) => r.level === 1).reduce((s, r) => s + r[k], 0);
  const totals = {
    incomeMonthFen: top(income, 'monthFen'),
    incomeYearFen: top(income, 'yearFen'),
    expenseMonthFen: top(expense, 'monthFen'),
    expenseYearFen: top(expense, 'yearFen'),
    surplusMonthFen: 0,
    surplusYearFen: 0,
  };
  totals.surplusMonthFen = totals.incomeMonthFen - totals.expenseMonthFen;
  totals.surplusYearFen = totals.incomeYearFen - totals.expenseYearFen;
  return { month, closed: isMonthClosed(db, month), income, expense, totals };
}
