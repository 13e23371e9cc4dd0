import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { bookInvariants, donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

type Op =
  | { op: 'donate'; fund: number; amount: number; bank: boolean }
  | { op: 'pay'; fund: number; bank: boolean }
  | { op: 'reverse'; pick: number }
  | { op: 'close' }
  | { op: 'reopen' }
  | { op: 'nextMonth' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('donate' as const), fund: fc.integer({ min: 1, max: 4 }), amount: fc.integer({ min: 1, max: 300_000 }), bank: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pay' as const), fund: fc.integer({ min: 1, max: 4 }), bank: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'close' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'reopen' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'nextMonth' as const }) },
);

const MONTHS = ['2026-10', '2026-11', '2026-12', '2027-01'];

async function login(core: TestCore, username: string) {
  return (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
}

function checkStatements(core: TestCore, statements: Map<string, { openingFen: number; receiptsFen: number; paymentsFen: number; closingFen: number }>) {
  const db = core.app.db;
  for (const [month, t] of statements) {
    const sums = db
      .prepare(
        `SELECT coalesce(sum(l.debit_fen), 0) AS r, coalesce(sum(l.credit_fen), 0) AS p FROM journal_lines l JOIN accounts a ON a.id = l.account_id
         WHERE a.kind IN ('cash', 'bank') AND l.month = ?`,
      )
      .get(month) as { r: number; p: number };
    expect(t.receiptsFen).toBe(sums.r);
    expect(t.paymentsFen).toBe(sums.p);
    expect(t.closingFen).toBe(t.openingFen + t.receiptsFen - t.paymentsFen);
  }
  for (let i = 0; i + 1 < MONTHS.length; i++) {
    const a = statements.get(MONTHS[i]!);
    const b = statements.get(MONTHS[i + 1]!);
    if (a && b) expect(b.openingFen).toBe(a.closingFen);
  }
}

describe('the books under random sequences of work', () => {
  it('stay balanced, tie to the statement, respect closed months, number receipts without gaps and never go below zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        const core = await makeCore({ start: shanghai('2026-10-10') });
        try {
          await core.tokenFor(['chair']);
          const payable = await payableApplications(core, [50_000, 80_000, 90_000, 30_000, 60_000]);
          let finance = await core.tokenFor(['finance']);
          let chair = await login(core, 'u_chair');
          const donorId = await donor(core, finance);
          let monthIndex = 0;
          const closed = new Set<string>();
          for (const step of ops) {
            core.clock.advance(1_000); // strictly ordered timestamps, so the closed-month check can compare them
            const month = MONTHS[monthIndex]!;
            const date = `${month}-10`;
            if (step.op === 'donate') {
              const r = await core.call('ledger.donate', { donorId, date, amountFen: step.amount, method: step.bank ? 'bank' : 'cash', fundId: step.fund }, finance);
              expect(r.ok, JSON.stringify(r)).toBe(!closed.has(month));
            } else if (step.op === 'pay') {
              const next = (await core.ok('ledger.toPay', {}, finance))[0];
              if (!next) continue;
              const r = await core.call('ledger.payRelief', { applicationId: next.applicationId, fundId: step.fund, method: step.bank ? 'bank' : 'cash' }, finance);
              if (closed.has(month)) expect(r.ok).toBe(false);
              if (!r.ok) expect(['RULE', 'VALIDATION']).toContain(r.error.code);
            } else if (step.op === 'reverse') {
              const entries = (await core.ok('ledger.entries', { page: 1, pageSize: 200 }, finance)).rows.filter((e) => e.kind !== 'reversal' && !e.reversedByEntryId);
              if (entries.length === 0) continue;
              const r = await core.call('ledger.reverse', { entryId: entries[step.pick % entries.length]!.id, reason: '记账错误' }, finance);
              if (closed.has(month)) expect(r.ok).toBe(false);
            } else if (step.op === 'close') {
              const status = await core.ok('ledger.monthStatus', { month }, finance);
              const r = await core.call('ledger.closeMonth', { month, counts: status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen })) }, finance);
              expect(r.ok).toBe(!closed.has(month));
              closed.add(month);
            } else if (step.op === 'reopen') {
              const r = await core.call('ledger.reopenMonth', { month, reason: '补记漏账' }, chair);
              expect(r.ok).toBe(closed.has(month));
              closed.delete(month);
            } else if (step.op === 'nextMonth' && monthIndex + 1 < MONTHS.length) {
              monthIndex++;
              core.clock.set(shanghai(`${MONTHS[monthIndex]}-10`));
              finance = await login(core, 'u_finance');
              chair = await login(core, 'u_chair');
            }
            expect(bookInvariants(core)).toEqual([]);
          }
          const statements = new Map<string, { openingFen: number; receiptsFen: number; paymentsFen: number; closingFen: number }>();
          for (const m of MONTHS.slice(0, monthIndex + 1)) statements.set(m, (await core.ok('ledger.statement', { month: m }, finance)).totals);
          checkStatements(core, statements);
          expect(payable.length).toBe(5);
        } finally {
          core.close();
        }
      }),
      { numRuns: 12 },
    );
  });
});
