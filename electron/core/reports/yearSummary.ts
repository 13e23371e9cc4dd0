import type { YearSummary } from '../../../shared/contract/reports';
import type { Db } from '../../db/open';
import { petitionStats } from '../petitions/stats';
import { incomeExpenditure } from './incomeExpenditure';
import { reliefReport } from './relief';

/** A local calendar day's start as the UTC instant stored in *_at columns (Asia/Shanghai, no DST). */
const localDayStartUtc = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/** 年度汇总 for a year, as of `today` (a local date): the work done and the money, each from its own books. */
export function yearSummary(db: Db, year: number, today: string): YearSummary {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const throughMonth = today.slice(0, 4) === String(year) ? today.slice(0, 7) : `${year}-12`;
  const range = { from: localDayStartUtc(from), to: localDayStartUtc(`${year + 1}-01-01`) };
  const files = db
    .prepare(
      `SELECT (SELECT count(*) FROM worker_files WHERE created_at >= @from AND created_at < @to) AS created,
              (SELECT count(*) FROM worker_files WHERE exited_at >= @from AND exited_at < @to) AS exited`,
    )
    .get(range) as { created: number; exited: number };
  const donations = db.prepare('SELECT count(*) AS count, coalesce(sum(amount_fen), 0) AS amount FROM donations WHERE date >= ? AND date <= ?').get(from, to) as { count: number; amount: number };
  const relief = reliefReport(db, from, to);
  const ie = incomeExpenditure(db, throughMonth);
  return {
    year,
    throughMonth,
    files,
    petitions: petitionStats(db, year, today).totals,
    relief: { count: relief.count, amountFen: relief.amountFen, byCategory: relief.byCategory },
    donations: { count: donations.count, amountFen: donations.amount },
    money: {
      income: ie.income.filter((r) => r.level === 1),
      expense: ie.expense.filter((r) => r.level === 1),
      incomeFen: ie.totals.incomeYearFen,
      expenseFen: ie.totals.expenseYearFen,
      surplusFen: ie.totals.surplusYearFen,
    },
  };
}
