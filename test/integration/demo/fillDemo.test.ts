// `npm run demo` must leave something to look at in every area (issue 15): its story, run on a small
// number of files, is counted here area by area through the same channels the pages read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../shared/api';
import { localDate } from '../../../shared/dates';
import type { Role } from '../../../shared/roles';
import { DEMO_USERS, fillDemo, type DemoSummary } from '../../../scripts/demoData';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
let summary: DemoSummary;
const tokens = new Map<Role, string>();

const as = async <C extends Channel>(role: Role, channel: C, payload: InputOf<C>): Promise<OutputOf<C>> => {
  if (!tokens.has(role)) {
    const username = DEMO_USERS.find(([, , r]) => r === role)![0];
    tokens.set(role, (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token);
  }
  return core.ok(channel, payload, tokens.get(role)!);
};

const monthBefore = (n: number): string => {
  const [y, m] = localDate(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 7);
};

beforeAll(async () => {
  core = await makeCore();
  for (const [username, displayName, role] of DEMO_USERS) {
    await core.ok('users.create', { username, displayName, password: TEST_PASSWORD, roles: [role] }, core.adminToken);
  }
  summary = await fillDemo(core.app, core.clock, TEST_PASSWORD, 60);
}, 300_000);
afterAll(() => core?.close());

describe('the demo fills every area', () => {
  it('files, petitions and relief at every stage', async () => {
    expect(summary.files).toBeGreaterThan(60);
    expect((await as('staff', 'files.list', { page: 1, pageSize: 20 })).total).toBe(summary.files);
    const petitions = await as('staff', 'petitions.list', { page: 1, pageSize: 50 });
    expect(new Set(petitions.rows.map((p) => p.status)).size).toBeGreaterThanOrEqual(4);
    expect(Object.keys(summary.applications).length).toBeGreaterThanOrEqual(7);
    for (const n of Object.values(summary.applications)) expect(n).toBeGreaterThan(0);
  });

  it('books across months (two closed) and stock', async () => {
    for (const month of [monthBefore(3), monthBefore(2)]) expect((await as('finance', 'ledger.monthStatus', { month })).closed).toBe(true);
    for (const n of [3, 2, 1, 0]) expect((await as('finance', 'ledger.entries', { page: 1, pageSize: 1, month: monthBefore(n) })).total).toBeGreaterThan(0);
    expect((await as('finance', 'materials.stock', {})).length).toBeGreaterThan(0);
  });

  it('monitoring: revisits, warnings with reasons, a due and an overdue revisit, a yearly review under way, an exit proposal', async () => {
    const overview = await as('director', 'monitoring.overview', { scope: 'all' });
    expect(overview.due).toBeGreaterThan(0);
    expect(overview.overdue).toBeGreaterThan(0);
    expect(overview.reviewDone).toBeGreaterThan(0);
    expect(overview.reviewDone).toBeLessThan(overview.reviewTotal);
    expect(overview.exitPending).toBe(1);
    const proposals = await as('director', 'monitoring.exitProposals', { status: 'pending', page: 1, pageSize: 20 });
    expect(proposals.rows[0]?.mayDecide).toBe(true); // the director is not its proposer
    const months = await Promise.all([monthBefore(1), monthBefore(0)].map((month) => as('staff', 'monitoring.ledger', { month })));
    // The round falls in last month or this one depending on today's day of the month.
    expect(months.reduce((n, m) => n + m.done.length, 0)).toBeGreaterThan(20);
    expect(months[1]!.done.length).toBeGreaterThan(0); // this month's own 台账 has a visit
    const warnings = months.flatMap((m) => m.riskChanges).filter((e) => e.kind === 'warning');
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    for (const w of warnings) expect(w.reason.length).toBeGreaterThan(2);
    expect((await as('staff', 'monitoring.overview', { scope: 'mine' })).due + (await as('staff', 'monitoring.schedule', { scope: 'mine', show: 'all', page: 1, pageSize: 1 })).total).toBeGreaterThan(0);
  });

  it('job referrals and legal aid, some opened from petitions', async () => {
    const vacancies = (await as('staff', 'referrals.listVacancies', { page: 1, pageSize: 50 })).rows;
    expect(vacancies.some((v) => v.status === 'closed')).toBe(true);
    expect(vacancies.some((v) => v.expired)).toBe(true);
    const referrals = (await as('staff', 'referrals.list', { page: 1, pageSize: 50 })).rows;
    expect(new Set(referrals.map((r) => r.outcome))).toEqual(new Set(['pending', 'hired', 'not_hired']));
    expect(referrals.some((r) => r.petitionId !== null)).toBe(true);
    const cases = (await as('staff', 'legalAid.list', { page: 1, pageSize: 50 })).rows;
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['intake', 'referred', 'closed']));
    expect(cases.some((c) => c.petitionId !== null)).toBe(true);
  });

  it('a 送温暖 campaign with groups, approved, partly paid, one not collected; another waiting for the director', async () => {
    const list = (await as('director', 'campaigns.list', { page: 1, pageSize: 20 })).rows;
    const warmth = list.find((c) => c.kind === 'warmth')!;
    expect(warmth.status).toBe('approved');
    expect(warmth.paidFen).toBeGreaterThan(0);
    expect(warmth.paidFen).toBeLessThan(warmth.listedFen);
    const full = await as('finance', 'campaigns.get', { id: warmth.id });
    expect(full.groups.length).toBe(3);
    expect(full.returnedFen).toBeGreaterThan(0);
    expect(list.some((c) => c.status === 'pending_director')).toBe(true);
  });

  it('work waiting on the 工作台 for each role', async () => {
    const director = await as('director', 'dashboard.summary', {});
    expect(director.reliefInbox).toBeGreaterThan(0);
    expect(director.reliefAwaitingNotice).toBeGreaterThan(0);
    expect(director.noticesDue).toBeGreaterThan(0);
    expect((await as('chair', 'dashboard.summary', {})).reliefInbox).toBeGreaterThan(0);
    expect((await as('finance', 'dashboard.summary', {})).reliefToPay).toBeGreaterThan(0);
    expect((await as('staff', 'dashboard.summary', {})).openPetitions).toBeGreaterThan(0);
  });
});
