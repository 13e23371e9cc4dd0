// The demo's 慰问活动: this year's 送温暖 with three groups, its list built from two work units, checked by
// the director and approved by the chair, one unit paid and one recipient not collected; and a 春节慰问
// list still waiting for the director.
import { addDays } from '../shared/dates';
import type { Desk } from './demoDesk';

export async function fillCampaigns(desk: Desk, fundId: number, bankAccountId: number): Promise<void> {
  const today = desk.today();
  const allUnits = await desk.as('staff', 'files.units', {});
  const units = allUnits.slice(0, 2);
  const warmth = await desk.as('staff', 'campaigns.create', {
    name: `${today.slice(0, 4)}年送温暖慰问`,
    kind: 'warmth',
    startDate: today,
    endDate: addDays(today, 30),
    groups: [
      { group: 'hardship', standardFen: 50_000, budgetFen: null },
      { group: 'model_city', standardFen: 100_000, budgetFen: null },
      { group: 'migrant', standardFen: 50_000, budgetFen: null },
    ],
    budgetFen: 20_000_000,
    fundId,
    note: '区总工会统一安排，困难职工每人 500 元，市级劳模每人 1000 元',
  });
  // Two work units' lists, as the base-level unions send theirs in.
  for (const workUnit of units.slice(0, 2)) await desk.as('staff', 'campaigns.build', { id: warmth.id, workUnit });
  await desk.as('staff', 'campaigns.submit', { id: warmth.id });
  await desk.as('director', 'campaigns.decide', { id: warmth.id, decision: 'approve', comment: '名单已逐户核对，同意' });
  await desk.as('chair', 'campaigns.decide', { id: warmth.id, decision: 'approve', comment: '同意发放' });
  // The first unit's recipients are paid by bank transfer; one never collects and the money goes back.
  const batch = await desk.as('finance', 'campaigns.pay', { id: warmth.id, method: 'bank', accountId: bankAccountId, workUnit: units[0] ?? '' });
  const paidLine = (await desk.as('finance', 'campaigns.lines', { id: warmth.id, page: 1, pageSize: 50, workUnit: batch.workUnit || undefined })).rows.find((l) => l.paid !== null);
  if (paidLine) await desk.as('finance', 'campaigns.markNotCollected', { lineId: paidLine.id, reason: '本人在外地务工，逾期未领取，慰问金退回' });

  const festival = await desk.as('staff', 'campaigns.create', {
    name: `${Number(today.slice(0, 4)) + 1}年春节慰问`,
    kind: 'spring_festival',
    startDate: today,
    endDate: addDays(today, 45),
    groups: [{ group: 'hardship', standardFen: 60_000, budgetFen: null }],
    budgetFen: 5_000_000,
    fundId,
    note: '春节前走访慰问困难职工家庭',
  });
  // The first other unit whose list is not empty.
  for (const workUnit of allUnits.slice(2)) {
    await desk.as('staff', 'campaigns.build', { id: festival.id, workUnit });
    if ((await desk.as('staff', 'campaigns.get', { id: festival.id })).count > 0) break;
  }
  await desk.as('staff', 'campaigns.submit', { id: festival.id });
}
