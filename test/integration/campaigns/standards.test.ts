// Default per-person standards are effective-dated settings: a new campaign's groups take those in
// force on its start date, and an amount the author typed stays as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignInput } from '../../fixtures/campaigns';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-20') });
  staff = await core.tokenFor(['staff']);
  // From 2027 the hard-up workers' standard rises to 600 yuan and college pupils' to 3,000.
  await core.ok('settings.update', { changes: { campaignStandardHardshipFen: 60_000, campaignStandardSchoolCollegeFen: 300_000 }, effectiveFrom: '2027-01-01' }, core.adminToken);
});
afterAll(() => core.close());

const groupsBy = (c: { groups: { group: string; standardFen: number }[] }) => Object.fromEntries(c.groups.map((g) => [g.group, g.standardFen]));

describe('default standards by start date', () => {
  it('tells the form the standards in force on a date', async () => {
    const before = await core.ok('campaigns.standards', { date: '2026-12-31' }, staff);
    const after = await core.ok('campaigns.standards', { date: '2027-01-01' }, staff);
    expect(before).toMatchObject({ hardship: 50_000, migrant: 50_000, model_city: 100_000, school_college: 200_000 });
    expect(after).toMatchObject({ hardship: 60_000, migrant: 50_000, model_city: 100_000, school_college: 300_000 });
  });

  it('fills a group without an amount from the settings on the start date, and keeps a typed amount', async () => {
    const groups = [
      { group: 'hardship' as const, standardFen: null, budgetFen: null },
      { group: 'model_city' as const, standardFen: 120_000, budgetFen: null },
    ];
    const december = await core.ok('campaigns.create', campaignInput({ name: '2026年元旦送温暖', kind: 'warmth', startDate: '2026-12-20', endDate: '2026-12-31', groups }), staff);
    const january = await core.ok('campaigns.create', campaignInput({ name: '2027年春节送温暖', startDate: '2027-01-10', endDate: '2027-02-05', groups }), staff);
    expect(groupsBy(december)).toEqual({ hardship: 50_000, model_city: 120_000 });
    expect(groupsBy(january)).toEqual({ hardship: 60_000, model_city: 120_000 });
  });

  it('re-reads the default when an edit moves the start date', async () => {
    const c = await core.ok('campaigns.create', campaignInput({ name: '春节慰问', startDate: '2026-12-25', endDate: '2027-01-20', groups: [{ group: 'hardship', standardFen: null, budgetFen: null }] }), staff);
    expect(groupsBy(c)).toEqual({ hardship: 50_000 });
    const moved = await core.ok('campaigns.update', { id: c.id, campaign: campaignInput({ name: '春节慰问', startDate: '2027-01-05', endDate: '2027-01-20', groups: [{ group: 'hardship', standardFen: null, budgetFen: null }] }) }, staff);
    expect(groupsBy(moved)).toEqual({ hardship: 60_000 });
  });

  it('refuses a zero standard in the settings', async () => {
    const r = await core.call('settings.update', { changes: { campaignStandardMigrantFen: 0 } }, core.adminToken);
    expect(r).toMatchObject({ ok: false });
  });
});
