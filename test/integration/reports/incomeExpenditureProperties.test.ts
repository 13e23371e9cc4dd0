// Property: whatever finance books in a year, the 收入支出表's 本年累计数 is the sum of the months' 本月数,
// each total is what was booked, and a heading is the sum of its detail accounts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncomeExpenditure } from '../../../shared/contract/reports';
import { makeCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

const INCOME = ['400304', '400305', '4002', '4005', '400802'];
const EXPENSE = ['500801', '500802'];
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];

const posting = fc.record({
  month: fc.integer({ min: 0, max: MONTHS.length - 1 }),
  day: fc.integer({ min: 1, max: 28 }),
  income: fc.boolean(),
  pick: fc.nat(),
  amountFen: fc.integer({ min: 1, max: 5_000_000 }),
});

describe('收入支出表 properties', () => {
  it('本年累计数 = Σ 本月数, totals = what was booked, headings = Σ detail accounts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(posting, { minLength: 1, maxLength: 12 }), async (postings) => {
        const core = await makeCore({ start: shanghai('2026-05-10') });
        try {
          const finance = await core.tokenFor(['finance']);
          const id = (c: string) => (core.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;
          // Enough money first, so every expense can be paid.
          await core.ok('vouchers.income', { date: '2026-01-01', accountId: id('4002'), fundId: 1, method: 'bank', amountFen: 100_000_000, memo: '年初拨入' }, finance);
          const booked = MONTHS.map((_, i) => ({ income: i === 0 ? 100_000_000 : 0, expense: 0 }));
          for (const p of postings) {
            const codes = p.income ? INCOME : EXPENSE;
            const date = `${MONTHS[p.month]}-${String(p.day).padStart(2, '0')}`;
            const input = { date, accountId: id(codes[p.pick % codes.length]!), fundId: 1, method: 'bank' as const, amountFen: p.amountFen, memo: '随机记账' };
            await core.ok(p.income ? 'vouchers.income' : 'vouchers.expense', input, finance);
            booked[p.month]![p.income ? 'income' : 'expense'] += p.amountFen;
          }
          const reports: IncomeExpenditure[] = [];
          for (const month of MONTHS) reports.push(await core.ok('reports.incomeExpenditure', { month }, finance));
          reports.forEach((r, i) => {
            expect(r.totals.incomeMonthFen).toBe(booked[i]!.income);
            expect(r.totals.expenseMonthFen).toBe(booked[i]!.expense);
            expect(r.totals.incomeYearFen).toBe(booked.slice(0, i + 1).reduce((s, b) => s + b.income, 0));
            const rows = [...r.income, ...r.expense];
            for (const row of rows) {
              expect(row.yearFen).toBe(reports.slice(0, i + 1).reduce((s, x) => s + [...x.income, ...x.expense].find((y) => y.accountId === row.accountId)!.monthFen, 0));
              if (row.heading) {
                const children = rows.filter((c) => c.code.length === row.code.length + 2 && c.code.startsWith(row.code));
                expect(row.yearFen).toBe(children.reduce((s, c) => s + c.yearFen, 0));
              }
            }
          });
        } finally {
          core.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
