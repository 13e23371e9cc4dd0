// The relief, donation and payment lists' date ranges and sorts read an index (migration 0021), so their
// cost follows the page, not thirty years of rows. Plans checked on real statements the channels run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';
import { allLines, plansDuring, sorts, tableScans } from './plans';

let core: TestCore;
let finance: string;
let director: string;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  const apps = await payableApplications(core, [50_000, 30_000]);
  finance = await core.tokenFor(['finance']);
  director = await core.tokenFor(['director']);
  const donorId = await donor(core, finance, '红星机械厂');
  await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 100_000, method: 'cash', fundId: 4 }, finance);
  await core.ok('ledger.payRelief', { applicationId: apps[0]!, fundId: 4, method: 'cash' }, finance);
});
afterAll(() => core.close());

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('list plans (migration 0021)', () => {
  it.each(['date', 'amount'] as const)('donations in a date range sorted by %s read an index, no scan of donations', async (sort) => {
    const plans = await plansDuring(core.app.db, 'donations', () => core.ok('ledger.donations', { ...range, sort, order: 'desc', page: 1, pageSize: 20 }, finance));
    expect(plans.length).toBeGreaterThan(0);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
  });

  it('donations sorted by amount with no range walk the amount index instead of sorting', async () => {
    const plans = await plansDuring(core.app.db, 'donations', () => core.ok('ledger.donations', { sort: 'amount', order: 'desc', page: 1, pageSize: 20 }, finance));
    expect(sorts(plans), allLines(plans)).toEqual([]);
  });

  it.each(['createdAt', 'amount'] as const)('relief applications in a date range sorted by %s read an index', async (sort) => {
    const plans = await plansDuring(core.app.db, 'relief_applications', () => core.ok('relief.list', { ...range, sort, order: 'desc', page: 1, pageSize: 20 }, director));
    expect(plans.length).toBeGreaterThan(0);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
  });

  it('relief applications by 申请日期 with no range come from the index in order', async () => {
    const plans = await plansDuring(core.app.db, 'relief_applications', () => core.ok('relief.list', { sort: 'createdAt', order: 'desc', page: 1, pageSize: 20 }, director));
    expect(sorts(plans), allLines(plans)).toEqual([]);
  });

  it('payments in a date range find their vouchers by the date index', async () => {
    const plans = await plansDuring(core.app.db, 'journal_entries', () => core.ok('ledger.payments', { ...range, sort: 'date', order: 'desc', page: 1, pageSize: 20 }, finance));
    expect(plans.length).toBeGreaterThan(0);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
  });
});
