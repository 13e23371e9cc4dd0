// The 来访登记 list at 200,000 petitions, 40% of them open (issue 14): every sort both ways, alone and with
// the status, category and 登记 date filters, on the first page and on page 500 (offset 9,980, as deep as
// the capped count lets the pager go). Each beside its floor (the handler's own statements replayed raw) and
// the issue's limit of 50 ms. BENCH_ONLY=petitions; BENCH_PETITIONS sets the size, BENCH_PETITION_CASES=<regex>
// picks cases.
import type { InputOf } from '../../shared/api';
import { PETITION_SORTS } from '../../shared/contract/petitions';
import { makeCore, type TestCore } from '../fixtures/core';
import { shanghai } from '../fixtures/petitions';
import { reading, recordStatements, type Replay } from './capture';
import { measure, type Measure } from './measure';

const LIMIT_MS = 50;
const RUNS = 25;
const only = process.env.BENCH_PETITION_CASES ? new RegExp(process.env.BENCH_PETITION_CASES) : null;

type ListInput = Partial<InputOf<'petitions.list'>>;

/**
 * `count` petitions straight into the table, 登记 spread evenly over the ten years to 2026-12-15 (newest last);
 * 40% open, spread over the four open states (scattered, not only the recent ones: the worst case for a
 * sort), deadlines 3, 15 and 60 days after 登记 with a jitter, seven categories in turn.
 */
export function loadPetitions(core: TestCore, count: number, handlerId: number): void {
  core.app.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}),
    d(i, day, open) AS (SELECT i, date('2016-12-15', '+' || (i * 3652 / ${count}) || ' days'), (i * 7919) % 100 < 40 FROM n)
    INSERT INTO petitions (number, channel, received_at, received_date, visitor_name, category, request, urgency, status, handler_id, registered_by,
      accept_due, answer_due, close_due)
    SELECT 'XF-' || printf('%07d', i), 'visit', day || 'T01:00:00.000Z', day, '来访人' || (i % 997), 
      CASE i % 7 WHEN 0 THEN 'relief' WHEN 1 THEN 'legal_aid' WHEN 2 THEN 'job_referral' WHEN 3 THEN 'allowance_help' WHEN 4 THEN 'policy' WHEN 5 THEN 'complaint' ELSE 'other' END,
      '咨询困难救助政策', 'normal',
      CASE WHEN NOT open THEN 'closed' ELSE CASE (i * 31) % 4 WHEN 0 THEN 'registered' WHEN 1 THEN 'accepted' WHEN 2 THEN 'in_progress' ELSE 'answered' END END,
      ${handlerId}, ${handlerId},
      date(day, '+' || (3 + i % 3) || ' days'), date(day, '+' || (15 + i % 5) || ' days'), date(day, '+' || (60 + i % 11) || ' days')
    FROM d`);
  core.app.db.pragma('optimize');
}

async function within(core: TestCore, name: string, call: () => Promise<unknown>): Promise<Measure | null> {
  if (only && !only.test(name)) return null;
  const ran = reading(await recordStatements(core.app.db, call), 'petitions');
  const stmts = ran.map((s) => ({ stmt: core.app.db.prepare(s.sql) as unknown as Replay, args: s.args }));
  const floor = () => stmts.forEach(({ stmt, args }) => stmt.all(...args));
  const start = process.hrtime.bigint();
  await call();
  const slow = Number(process.hrtime.bigint() - start) / 1e6 > 4 * LIMIT_MS;
  return measure(name, call, floor, slow ? 5 : RUNS, slow ? 0 : 3);
}

export async function benchPetitions(count = Number(process.env.BENCH_PETITIONS ?? 200_000)): Promise<void> {
  const core = await makeCore({ start: shanghai('2026-12-15') });
  try {
    const staff = await core.tokenFor(['staff']);
    const handler = (core.app.db.prepare("SELECT id FROM users WHERE username = 'u_staff'").get() as { id: number }).id;
    const started = Date.now();
    loadPetitions(core, count, handler);
    console.log(`petitions: ${count} loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const filters: [string, ListInput][] = [
      ['none', {}],
      ['accepted', { status: 'accepted' }],
      ['closed', { status: 'closed' }],
      ['category', { category: 'legal_aid' }],
      ['year', { from: '2026-01-01', to: '2026-12-15' }],
      ['3years', { from: '2023-01-01', to: '2025-12-31' }],
      ['month', { from: '2026-11-01', to: '2026-11-30' }],
      ['accepted+category+3years', { status: 'accepted', category: 'legal_aid', from: '2023-01-01', to: '2025-12-31' }],
    ];
    const over: Measure[] = [];
    for (const page of [1, 500]) {
      for (const [label, filter] of filters) {
        for (const sort of PETITION_SORTS) {
          for (const order of ['asc', 'desc'] as const) {
            const input = { page, pageSize: 20, ...filter, sort, order };
            const m = await within(core, `petitions.list.page${page}.${label}.${sort}.${order}`, () => core.ok('petitions.list', input, staff));
            if (m && m.medianMs > LIMIT_MS) over.push(m);
          }
        }
      }
    }
    console.log(over.length ? `petitions: over ${LIMIT_MS} ms: ${over.map((m) => `${m.name} ${m.medianMs.toFixed(1)}`).join('; ')}` : `petitions: every case within ${LIMIT_MS} ms`);
  } finally {
    core.close();
  }
}
