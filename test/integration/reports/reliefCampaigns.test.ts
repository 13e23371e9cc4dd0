// 救助发放统计 counts campaign money too: each campaign kind a category of its own (春节慰问, 金秋助学, …)
// beside relief's, its recipients under their units, the batch's month and the chair who approved the
// list; a recipient marked not collected is not money paid, and a batch outside the range is not in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignInput, file, fundUnionMoney } from '../../fixtures/campaigns';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
let director: string;
let chair: string;
let finance: string;

/** A campaign with these files on its list, approved by the director and the chair, paid in one cash batch. */
async function paidCampaign(input: Parameters<typeof campaignInput>[0], files: { id: number }[]): Promise<number> {
  const c = await core.ok('campaigns.create', campaignInput(input), staff);
  for (const f of files) await core.ok('campaigns.addLine', { id: c.id, fileId: f.id, group: 'hardship', reason: '走访确认困难' }, staff);
  await core.ok('campaigns.submit', { id: c.id }, staff);
  await core.ok('campaigns.decide', { id: c.id, decision: 'approve', comment: '' }, director);
  await core.ok('campaigns.decide', { id: c.id, decision: 'approve', comment: '同意' }, chair);
  await core.ok('campaigns.pay', { id: c.id, method: 'cash', accountId: null, workUnit: '' }, finance);
  return c.id;
}

/** Weeks pass: sessions have expired and everyone logs in again. */
async function laterOn(date: string): Promise<void> {
  core.clock.set(shanghai(date));
  const login = async (username: string) => (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
  [staff, director, chair, finance] = [await login('u_staff'), await login('u_director'), await login('u_chair'), await login('u_finance')];
}

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2027-01-12') });
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  chair = await core.tokenFor(['chair']);
  finance = await core.tokenFor(['finance']);
  await fundUnionMoney(core, finance, '2027-01-12', 10_000_000);

  // Relief as before: one living-hardship grant of ¥800.
  const [app] = await payableApplications(core, [80_000]);
  await core.ok('ledger.payRelief', { applicationId: app!, fundId: 1, method: 'cash', accountId: null }, finance);

  // 春节慰问 in January: three on the list at ¥500, one of them never collects.
  const mill = [await file(core, staff, { workUnit: '城北电机厂' }), await file(core, staff, { workUnit: '城北电机厂' })];
  const absent = await file(core, staff, { workUnit: '东郊针织厂' });
  const festival = await paidCampaign({ name: '2027年春节慰问' }, [...mill, absent]);
  const lines = (await core.ok('campaigns.lines', { id: festival, page: 1, pageSize: 10 }, staff)).rows;
  await core.ok('campaigns.markNotCollected', { lineId: lines.find((l) => l.fileId === absent.id)!.id, reason: '本人外出务工，未领取' }, finance);

  // 金秋助学 paid in February at ¥1,000 a head, and a 送温暖 paid in March (outside the range asked below).
  await laterOn('2027-02-20');
  const pupil = await file(core, staff, { workUnit: '东郊针织厂', hardshipCauses: ['schooling'] });
  await paidCampaign({ name: '2027年金秋助学', kind: 'schooling', startDate: '2027-02-15', endDate: '2027-03-15', groups: [{ group: 'hardship', standardFen: 100_000, budgetFen: null }] }, [pupil]);
  await laterOn('2027-03-05');
  await paidCampaign({ name: '三月送温暖', kind: 'warmth', startDate: '2027-03-01', endDate: '2027-03-31' }, [await file(core, staff)]);
});
afterAll(() => core.close());

describe('救助发放统计 with campaign payments', () => {
  it('shows each campaign kind as its own category, by unit, month and the chair who approved the list', async () => {
    const r = await core.ok('reports.relief', { from: '2027-01-01', to: '2027-02-28' }, finance);
    expect(r.byCategory).toEqual([
      { key: 'campaign_schooling', label: '金秋助学', count: 1, amountFen: 100_000 },
      { key: 'campaign_spring_festival', label: '春节慰问', count: 2, amountFen: 100_000 },
      { key: 'living', label: '生活困难救助', count: 1, amountFen: 80_000 },
    ]);
    expect({ count: r.count, amountFen: r.amountFen }).toEqual({ count: 4, amountFen: 280_000 });
    for (const groups of [r.byCategory, r.byMonth, r.byUnit, r.byApprover]) {
      expect(groups.reduce((s, g) => s + g.amountFen, 0)).toBe(r.amountFen);
      expect(groups.reduce((s, g) => s + g.count, 0)).toBe(r.count);
    }
    // The recipient who never collected is not counted under her unit: 针织厂 has only the pupil's family.
    expect(r.byUnit.find((g) => g.key === '东郊针织厂')).toMatchObject({ count: 1, amountFen: 100_000 });
    expect(r.byUnit.find((g) => g.key === '城北电机厂')).toMatchObject({ count: 2, amountFen: 100_000 });
    expect(r.byMonth.map((g) => [g.label, g.count, g.amountFen])).toEqual([
      ['2027年1月', 3, 180_000],
      ['2027年2月', 1, 100_000],
    ]);
    // Relief under its approving director, campaigns under the chair who approved the list.
    expect(r.byApprover.map((g) => [g.label, g.count])).toEqual([
      ['测试chair', 3],
      ['测试director', 1],
    ]);
  });

  it('takes the 送温暖 of March in when the range reaches it, and nothing of a month before any payment', async () => {
    const march = await core.ok('reports.relief', { from: '2027-03-01', to: '2027-03-31' }, finance);
    expect(march.byCategory).toEqual([{ key: 'campaign_warmth', label: '送温暖', count: 1, amountFen: 50_000 }]);
    expect((await core.ok('reports.relief', { from: '2026-12-01', to: '2026-12-31' }, finance)).count).toBe(0);
  });
});
