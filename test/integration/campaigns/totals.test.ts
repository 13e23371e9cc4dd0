// The campaign as loaded after every change: per-group counts and money, a line of a group the campaign
// no longer has, who built the list and its units (store.ts loadCampaign, one pass over the lines).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_GROUP_LABELS } from '../../../shared/campaign';
import { campaignInput, file } from '../../fixtures/campaigns';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
let other: string;
beforeAll(async () => {
  core = await makeCore({ start: shanghai('2027-01-12') });
  staff = await core.tokenFor(['staff']);
  other = await core.tokenFor(['staff', 'director']);
});
afterAll(() => core.close());

describe('a loaded campaign', () => {
  it('counts each group, names a line whose group was dropped, and lists who added lines and their units', async () => {
    const a = await file(core, staff, { workUnit: '第二棉纺厂' });
    const b = await file(core, staff, { workUnit: '红星机械厂' });
    const d = await file(core, staff, { workUnit: '红星机械厂' });
    const c = await core.ok('campaigns.create', campaignInput(), staff);
    await core.ok('campaigns.addLine', { id: c.id, fileId: a.id, group: 'hardship', reason: '走访确认' }, staff);
    await core.ok('campaigns.addLine', { id: c.id, fileId: b.id, group: 'hardship', reason: '走访确认' }, other);
    const full = await core.ok('campaigns.addLine', { id: c.id, fileId: d.id, group: 'model_city', reason: '市级劳模' }, staff);
    expect(full.groups.map((g) => [g.group, g.count, g.listedFen])).toEqual([['hardship', 2, 100_000], ['model_city', 1, 100_000], ['migrant', 0, 0]]);
    expect(full).toMatchObject({ count: 3, listedFen: 200_000, unpaidCount: 3, units: ['第二棉纺厂', '红星机械厂'], submitBlocker: null });
    expect(full.builders).toEqual(['测试staff', '测试多角色']);

    // The model group dropped: its line stays, counted in the total and named as the reason not to submit.
    const dropped = await core.ok('campaigns.update', { id: c.id, campaign: campaignInput({ groups: [{ group: 'hardship', standardFen: 50_000, budgetFen: 60_000 }] }) }, staff);
    expect(dropped.groups.map((g) => [g.group, g.count, g.listedFen, g.overFen])).toEqual([['hardship', 2, 100_000, 40_000]]);
    expect(dropped.submitBlocker).toContain(`名单上有不属于本活动帮扶对象的人员（${CAMPAIGN_GROUP_LABELS.model_city}）`);
    expect(dropped.submitBlocker).toContain('超出分项预算');
  });
});
