import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

type Op =
  | { op: 'receive'; item: number; loc: number; qty: number; value: number }
  | { op: 'issue'; item: number; loc: number; qty: number }
  | { op: 'transfer'; item: number; from: number; to: number; qty: number }
  | { op: 'writeOff'; item: number; loc: number; qty: number; approve: boolean }
  | { op: 'stocktake'; item: number; loc: number; counted: number; approve: boolean }
  | { op: 'nextMonth' };

const loc = fc.integer({ min: 0, max: 1 });
const item = fc.integer({ min: 0, max: 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('receive' as const), item, loc, qty: fc.integer({ min: 1, max: 50 }), value: fc.integer({ min: 0, max: 9_999 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('issue' as const), item, loc, qty: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('transfer' as const), item, from: loc, to: loc, qty: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('writeOff' as const), item, loc, qty: fc.integer({ min: 1, max: 20 }), approve: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('stocktake' as const), item, loc, counted: fc.integer({ min: 0, max: 60 }), approve: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'nextMonth' as const }) },
);

const MONTHS = ['2026-10', '2026-11', '2026-12'];

function invariants(core: TestCore): string[] {
  const db = core.app.db;
  const problems: string[] = [];
  const negative = db.prepare('SELECT item_id, location_id, expiry_date, sum(quantity) AS q, sum(value_fen) AS v FROM stock_movements GROUP BY 1, 2, 3 HAVING q < 0 OR v < 0 OR (q = 0 AND v <> 0)').all();
  if (negative.length) problems.push(`negative or orphaned stock ${JSON.stringify(negative)}`);
  return problems;
}

describe('stock under random sequences of work', () => {
  it('never goes negative; the month ledger ties to the movements and closes into the next month', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        const core = await makeCore({ start: shanghai('2026-10-05') });
        try {
          await core.tokenFor(['chair']);
          const [application] = await payableApplications(core, [50_000]);
          let finance = await core.tokenFor(['finance']);
          let director = await core.tokenFor(['director']);
          const donorId = await donor(core, finance);
          const items = [
            (await core.ok('materials.addItem', { name: '大米', unit: '袋', category: 'food' }, finance)).id,
            (await core.ok('materials.addItem', { name: '食用油', spec: '5L', unit: '桶', category: 'food', shelfLifeDays: 365 }, finance)).id,
          ];
          const locs = [1, (await core.ok('materials.addLocation', { name: '红星厂代管点', kind: 'donor', donorId, address: '红星路1号' }, finance)).id];
          let m = 0;
          for (const step of ops) {
            const date = `${MONTHS[m]}-05`;
            if (step.op === 'receive') {
              await core.ok('materials.receiveDonation', { donorId, locationId: locs[step.loc]!, date, lines: [{ itemId: items[step.item]!, quantity: step.qty, unitValueFen: step.value }] }, finance);
            } else if (step.op === 'issue') {
              const r = await core.call('materials.issue', { applicationId: application!, locationId: locs[step.loc]!, lines: [{ itemId: items[step.item]!, quantity: step.qty }] }, finance);
              if (!r.ok) expect(r.error.code).toBe('RULE');
            } else if (step.op === 'transfer') {
              const r = await core.call('materials.transfer', { fromLocationId: locs[step.from]!, toLocationId: locs[step.to]!, lines: [{ itemId: items[step.item]!, quantity: step.qty }] }, finance);
              if (!r.ok) expect(['RULE', 'VALIDATION']).toContain(r.error.code);
            } else if (step.op === 'writeOff') {
              const r = await core.call('materials.requestWriteOff', { locationId: locs[step.loc]!, itemId: items[step.item]!, quantity: step.qty, reason: '包装破损' }, finance);
              if (r.ok) {
                const d = await core.call('materials.decide', { documentId: r.data.id, approve: step.approve, comment: '' }, director);
                if (!d.ok) expect(d.error.code).toBe('RULE');
              }
            } else if (step.op === 'stocktake') {
              const r = await core.ok('materials.startStocktake', { locationId: locs[step.loc]!, counts: [{ itemId: items[step.item]!, counted: step.counted }] }, finance);
              const d = await core.call('materials.decide', { documentId: r.id, approve: step.approve, comment: '' }, director);
              if (!d.ok) expect(d.error.code).toBe('RULE');
            } else if (step.op === 'nextMonth' && m + 1 < MONTHS.length) {
              m++;
              core.clock.set(shanghai(`${MONTHS[m]}-05`));
              finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
              director = (await core.ok('auth.login', { username: 'u_director', password: TEST_PASSWORD })).token;
            }
            expect(invariants(core)).toEqual([]);
          }
          // The month ledgers tie to the movements, and each closing is the next opening.
          let previous = new Map<string, { q: number; v: number }>();
          for (const month of MONTHS) {
            const ledger = await core.ok('materials.ledger', { month }, finance);
            for (const r of ledger.rows) {
              const key = `${r.itemId}/${r.locationId}`;
              expect(r.closingQty).toBe(r.openingQty + r.inQty - r.outQty);
              expect(r.closingFen).toBe(r.openingFen + r.inFen - r.outFen);
              expect(r.closingQty).toBeGreaterThanOrEqual(0);
              expect({ q: r.openingQty, v: r.openingFen }).toEqual(previous.get(key) ?? { q: 0, v: 0 });
              const sums = core.app.db
                .prepare('SELECT coalesce(sum(quantity), 0) AS q, coalesce(sum(value_fen), 0) AS v FROM stock_movements WHERE item_id = ? AND location_id = ? AND month <= ?')
                .get(r.itemId, r.locationId, month) as { q: number; v: number };
              expect({ q: r.closingQty, v: r.closingFen }).toEqual(sums);
            }
            previous = new Map(ledger.rows.map((r) => [`${r.itemId}/${r.locationId}`, { q: r.closingQty, v: r.closingFen }]));
          }
        } finally {
          core.close();
        }
      }),
      { numRuns: 12 },
    );
  });
});
