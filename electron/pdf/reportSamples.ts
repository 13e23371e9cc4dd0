// Fixed, fictional data for the report samples (收入支出表, 救助发放统计), listed in samples.ts.
import type { PetitionStats, PetitionStatsRow } from '../../shared/contract/petitions';
import type { IncomeExpenditure, IncomeExpenditureRow, ReliefReport, YearSummary } from '../../shared/contract/reports';

const line = (code: string, name: string, kind: 'income' | 'expense', level: number, heading: boolean, monthFen: number, yearFen: number): IncomeExpenditureRow => ({
  accountId: Number(code),
  code,
  name,
  kind,
  level,
  heading,
  monthFen,
  yearFen,
});

export function sampleIncomeExpenditure(): IncomeExpenditure {
  const income = [
    line('4001', '会费收入', 'income', 1, false, 0, 0),
    line('4002', '拨缴经费收入', 'income', 1, false, 1_000_000, 12_000_000),
    line('4003', '上级补助收入', 'income', 1, true, 3_000_050, 18_500_050),
    line('400304', '上级补助收入—帮扶补助', 'income', 2, false, 3_000_050, 15_300_050),
    line('400305', '上级补助收入—送温暖补助', 'income', 2, false, 0, 3_200_000),
    line('4005', '行政补助收入', 'income', 1, false, 500_000, 6_000_000),
    line('4008', '其他收入', 'income', 1, true, 836_520, 9_146_520),
    line('400801', '其他收入—捐赠收入', 'income', 2, false, 800_000, 9_000_000),
    line('400802', '其他收入—利息收入', 'income', 2, false, 36_520, 146_520),
  ];
  const expense = [
    line('5002', '维权支出', 'expense', 1, true, 1_630_000, 21_845_000),
    line('500203', '维权支出—法律援助费', 'expense', 2, false, 0, 1_200_000),
    line('500204', '维权支出—困难职工帮扶费', 'expense', 2, true, 1_130_000, 14_645_000),
    line('50020401', '维权支出—困难职工帮扶费—生活困难救助', 'expense', 3, false, 630_000, 8_145_000),
    line('50020403', '维权支出—困难职工帮扶费—大病医疗救助', 'expense', 3, false, 500_000, 6_500_000),
    line('500205', '维权支出—送温暖费', 'expense', 2, false, 500_000, 6_000_000),
    line('5008', '其他支出', 'expense', 1, true, 13_595, 98_000),
    line('500801', '其他支出—银行手续费', 'expense', 2, false, 1_250, 15_000),
    line('500802', '其他支出—其他', 'expense', 2, false, 12_345, 83_000),
  ];
  const sum = (rows: IncomeExpenditureRow[], k: 'monthFen' | 'yearFen') => rows.filter((r) => r.level === 1).reduce((s, r) => s + r[k], 0);
  const t = { incomeMonthFen: sum(income, 'monthFen'), incomeYearFen: sum(income, 'yearFen'), expenseMonthFen: sum(expense, 'monthFen'), expenseYearFen: sum(expense, 'yearFen') };
  return { month: '2026-11', closed: true, income, expense, totals: { ...t, surplusMonthFen: t.incomeMonthFen - t.expenseMonthFen, surplusYearFen: t.incomeYearFen - t.expenseYearFen } };
}

export function sampleReliefReport(): ReliefReport {
  return {
    from: '2026-01-01',
    to: '2026-11-30',
    count: 42,
    amountFen: 2_310_000,
    byCategory: [
      { key: 'living', label: '生活困难救助', count: 25, amountFen: 1_250_000 },
      { key: 'illness', label: '大病医疗救助', count: 9, amountFen: 700_000 },
      { key: 'schooling', label: '助学救助', count: 8, amountFen: 360_000 },
    ],
    byMonth: [
      { key: '2026-01', label: '2026年1月', count: 18, amountFen: 990_000 },
      { key: '2026-09', label: '2026年9月', count: 8, amountFen: 360_000 },
      { key: '2026-11', label: '2026年11月', count: 16, amountFen: 960_000 },
    ],
    byUnit: [
      { key: '示例市第二棉纺厂', label: '示例市第二棉纺厂', count: 20, amountFen: 1_100_000 },
      { key: '示例市纺织机械厂', label: '示例市纺织机械厂', count: 22, amountFen: 1_210_000 },
    ],
    byApprover: [
      { key: '王建国', label: '王建国', count: 38, amountFen: 1_910_000 },
      { key: '赵红梅', label: '赵红梅', count: 4, amountFen: 400_000 },
    ],
  };
}

export function samplePetitionStats(): PetitionStats {
  const rows: PetitionStatsRow[] = [
    { month: '2026-01', category: 'relief', received: 14, accepted: 14, answered: 12, closed: 11, overdue: 1, closedOnTime: 10 },
    { month: '2026-01', category: 'legal_aid', received: 3, accepted: 3, answered: 3, closed: 3, overdue: 0, closedOnTime: 3 },
    { month: '2026-09', category: 'relief', received: 9, accepted: 9, answered: 9, closed: 8, overdue: 0, closedOnTime: 8 },
    { month: '2026-11', category: 'job_referral', received: 6, accepted: 5, answered: 4, closed: 2, overdue: 1, closedOnTime: 2 },
  ];
  const sum = (k: keyof Omit<PetitionStatsRow, 'month' | 'category'>) => rows.reduce((s, r) => s + r[k], 0);
  return {
    year: 2026,
    rows,
    totals: { received: sum('received'), accepted: sum('accepted'), answered: sum('answered'), closed: sum('closed'), overdue: sum('overdue'), closedOnTime: sum('closedOnTime'), onTimeRate: sum('closedOnTime') / sum('closed') },
  };
}

export function sampleYearSummary(): YearSummary {
  const ie = sampleIncomeExpenditure();
  const relief = sampleReliefReport();
  return {
    year: 2026,
    throughMonth: '2026-11',
    files: { created: 126, exited: 18 },
    petitions: samplePetitionStats().totals,
    relief: { count: relief.count, amountFen: relief.amountFen, byCategory: relief.byCategory },
    donations: { count: 37, amountFen: 9_000_000 },
    money: {
      income: ie.income.filter((r) => r.level === 1),
      expense: ie.expense.filter((r) => r.level === 1),
      incomeFen: ie.totals.incomeYearFen,
      expenseFen: ie.totals.expenseYearFen,
      surplusFen: ie.totals.surplusYearFen,
    },
  };
}
