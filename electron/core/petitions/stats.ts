import type { PetitionStats, PetitionStatsRow } from '../../../shared/contract/petitions';
import type { PetitionCategory } from '../../../shared/petition';
import type { Db } from '../../db/open';
import { overdueSql } from './deadlines';

const MISSED_SQL = `(${overdueSql()}
  OR accepted_date > accept_due OR answered_date > answer_due OR closed_date > close_due)`;

/**
 * Per month and category of a year: received (by registration date), accepted, answered and closed
 * (by the date of that step), overdue (received that month and missed a deadline, now or before),
 * and closed on time (closed that month by the close deadline).
 */
export function petitionStats(db: Db, year: number, today: string): PetitionStats {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const count = (dateCol: string, extra = '1') =>
    `SELECT substr(${dateCol}, 1, 7) AS month, category, count(*) AS n FROM petitions
     WHERE ${dateCol} >= @from AND ${dateCol} < @to AND ${extra} GROUP BY month, category`;
  const cells = new Map<string, PetitionStatsRow>();
  const cell = (month: string, category: PetitionCategory) => {
    const key = `${month}|${category}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { month, category, received: 0, accepted: 0, answered: 0, closed: 0, overdue: 0, closedOnTime: 0 }));
    return c;
  };
  const measures: [keyof Omit<PetitionStatsRow, 'month' | 'category'>, string][] = [
    ['received', count('received_date')],
    ['accepted', count('accepted_date')],
    ['answered', count('answered_date')],
    ['closed', count('closed_date')],
    ['overdue', count('received_date', MISSED_SQL)],
    ['closedOnTime', count('closed_date', 'closed_date <= close_due')],
  ];
  for (const [measure, sql] of measures) {
    for (const r of db.prepare(sql).all({ from, to, today }) as { month: string; category: PetitionCategory; n: number }[]) {
      cell(r.month, r.category)[measure] = r.n;
    }
  }
  const rows = [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category));
  const sum = (k: keyof Omit<PetitionStatsRow, 'month' | 'category'>) => rows.reduce((s, r) => s + r[k], 0);
  const closed = sum('closed');
  const closedOnTime = sum('closedOnTime');
  return {
    year,
    rows,
    totals: {
      received: sum('received'),
      accepted: sum('accepted'),
      answered: sum('answered'),
      closed,
      overdue: sum('overdue'),
      closedOnTime,
      onTimeRate: closed === 0 ? null : closedOnTime / closed,
    },
  };
}
