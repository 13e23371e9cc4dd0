import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate } from '../../../shared/contract/campaigns';
import { campaignInput, file, fundUnionMoney } from '../../fixtures/campaigns';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
let director: string;
let chair: string;
let finance: string;
type Person = { id: number; name: string; idNumber: string };
const people = {} as Record<'lastYear' | 'lastYearRed' | 'poor' | 'migrant' | 'model' | 'exited' | 'flagged' | 'resident' | 'husband' | 'wife' | 'notHardUp', Person>;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-01-12') });
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  chair = await core.tokenFor(['chair']);
  finance = await core.tokenFor(['finance']);
  await fundUnionMoney(core, finance, '2026-01-12', 10_000_000);
  await core.ok('users.create', { username: 'zhu_ren', displayName: '主任兼接待', password: TEST_PASSWORD, roles: ['staff', 'director'] }, core.adminToken);
  await core.ok('users.create', { username: 'zhu_xi', displayName: '主任兼主席', password: TEST_PASSWORD, roles: ['director', 'chair'] }, core.adminToken);

  // Last year's festival drive paid two people: one left out this year, one back because her file is red.
  people.lastYear = await file(core, staff);
  people.lastYearRed = await file(core, staff, { riskFlag: 'red', riskNote: '丈夫突发脑溢血住院，收入中断' });
  const old = await core.ok('campaigns.create', campaignInput({ name: '2026年春节送温暖', startDate: '2026-01-10', endDate: '2026-02-05' }), staff);
  for (const p of [people.lastYear, people.lastYearRed]) await core.ok('campaigns.addLine', { id: old.id, fileId: p.id, group: 'hardship', reason: '走访确认困难' }, staff);
  await core.ok('campaigns.submit', { id: old.id }, staff);
  await core.ok('campaigns.decide', { id: old.id, decision: 'approve', comment: '' }, director);
  await core.ok('campaigns.decide', { id: old.id, decision: 'approve', comment: '' }, chair);
  await core.ok('campaigns.pay', { id: old.id, method: 'cash', accountId: null, workUnit: '' }, finance);

  // A year on: sessions have long expired, everyone logs in again.
  core.clock.set(shanghai('2027-01-12'));
  staff = await login(core, 'u_staff');
  director = await login(core, 'u_director');
  chair = await login(core, 'u_chair');
  finance = await login(core, 'u_finance');
  people.poor = await file(core, staff);
  people.migrant = await file(core, staff, { employmentStatus: 'migrant', workUnit: '城东建筑工地' });
  people.model = await file(core, staff, { modelWorkerLevel: 'city', ownMonthlyIncomeFen: 900_000 });
  people.exited = await file(core, staff);
  await core.ok('files.exit', { id: people.exited.id, reason: '已稳定就业，家庭收入超过低保线两倍' }, director);
  people.flagged = await file(core, staff);
  await core.ok('files.setExclusion', { fileId: people.flagged.id, kind: 'gambling', reason: '因赌博欠债致困，经社区核实' }, staff);
  people.resident = await file(core, staff, { workUnit: '城镇居民' });
  // A married worker whose wife has her own file: one household, listed once.
  const husband = poorInput2();
  people.husband = await file(core, staff, husband);
  people.wife = await file(core, staff, { idNumber: husband.members![0]!.idNumber!, name: husband.members![0]!.name });
  people.notHardUp = await file(core, staff, { ownMonthlyIncomeFen: 900_000 });
});
afterAll(() => core.close());

export async function login(core: TestCore, username: string): Promise<string> {
  return (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
}

/** A married household of two with no income, the wife's ID on it. */
function poorInput2() {
  return {
    maritalStatus: 'married' as const,
    members: [{ name: '刘桂芳', relation: 'spouse' as const, idNumber: '130203198203150021', monthlyIncomeFen: 0 }],
  };
}

async function allCandidates(id: number, show: 'qualifying' | 'excluded'): Promise<Candidate[]> {
  return (await core.ok('campaigns.candidates', { id, page: 1, pageSize: 200, show, workUnit: '' }, staff)).rows;
}

describe('building a campaign list', () => {
  let id: number;
  it('lists who fits, with reasons, and leaves out each exclusion with its reason', async () => {
    id = (await core.ok('campaigns.create', campaignInput({ name: '2027年春节送温暖' }), staff)).id;
    const fits = await allCandidates(id, 'qualifying');
    const excluded = await allCandidates(id, 'excluded');
    // Pages of two read the same rows in the same order; the counts come from the whole scan.
    const paged: Candidate[] = [];
    for (let page = 1; page <= Math.ceil(fits.length / 2); page++) {
      const r = await core.ok('campaigns.candidates', { id, page, pageSize: 2, show: 'qualifying', workUnit: '' }, staff);
      expect(r).toMatchObject({ total: fits.length, qualifyingCount: fits.length, excludedCount: excluded.length });
      paged.push(...r.rows);
    }
    expect(paged).toEqual(fits);
    const byFile = (list: Candidate[], p: { id: number }) => list.find((c) => c.fileId === p.id);

    expect(byFile(fits, people.poor)).toMatchObject({ group: 'hardship', amountFen: 50_000 });
    expect(byFile(fits, people.poor)!.reasons.join()).toContain('低保线 150%');
    expect(byFile(fits, people.migrant)).toMatchObject({ group: 'migrant' });
    expect(byFile(fits, people.model)).toMatchObject({ group: 'model_city', amountFen: 100_000 });
    expect(byFile(fits, people.lastYearRed)!.reasons.join()).toContain('红色预警');
    expect(byFile(fits, people.husband)).toBeDefined();

    const kinds = (p: { id: number }) => byFile(excluded, p)?.exclusions.map((e) => e.kind);
    expect(kinds(people.lastYear)).toEqual(['last_year']);
    expect(kinds(people.exited)).toEqual(['exited']);
    expect(kinds(people.flagged)).toEqual(['flagged']);
    expect(byFile(excluded, people.flagged)!.exclusions[0]!.text).toContain('因赌博致困');
    expect(kinds(people.resident)).toEqual(['not_union_target']);
    expect(kinds(people.wife)).toEqual(['household']);
    // Not hard-up and no group: not a candidate at all.
    expect(byFile(fits, people.notHardUp) ?? byFile(excluded, people.notHardUp)).toBeUndefined();

    const built = await core.ok('campaigns.build', { id, workUnit: '' }, staff);
    expect(built.added).toBe(fits.length);
    expect(built.excluded).toBe(excluded.length);
    const lines = await core.ok('campaigns.lines', { id, page: 1, pageSize: 200 }, staff);
    expect(lines.rows.map((l) => l.fileId).sort()).toEqual(fits.map((c) => c.fileId).sort());
    for (const c of fits) expect(lines.rows.find((l) => l.fileId === c.fileId)!.reasons).toEqual(c.reasons);
    // Building again adds nobody twice.
    expect((await core.ok('campaigns.build', { id, workUnit: '' }, staff)).added).toBe(0);
  });

  it('lets a clerk add an excluded person by hand with a reason the approver sees, but never an exited file', async () => {
    const before = (await core.ok('campaigns.get', { id }, staff)).count;
    const c = await core.ok('campaigns.addLine', { id, fileId: people.lastYear.id, group: 'hardship', reason: '今年再次遭灾，社区建议照顾' }, staff);
    const line = (await core.ok('campaigns.lines', { id, page: 1, pageSize: 200, q: people.lastYear.name }, staff)).rows.find((l) => l.fileId === people.lastYear.id)!;
    expect(line.source).toBe('manual');
    expect(line.exceptions.join()).toContain('上年度同类活动已慰问');
    expect(line.reasons[0]).toContain('今年再次遭灾');
    expect(c.count).toBe(before + 1);
    const r = await core.call('campaigns.addLine', { id, fileId: people.exited.id, group: 'hardship', reason: '试图添加' }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });

  it('checks the budget and each sub-budget live and refuses to submit a list over either', async () => {
    const c = await core.ok('campaigns.get', { id }, staff);
    // Shrink the budget below the list: the page sees how much over, and submitting is refused.
    const tight = campaignInput({
      name: '2027年春节送温暖',
      budgetFen: c.listedFen - 100,
      groups: [
        { group: 'hardship', standardFen: 50_000, budgetFen: 50_000 },
        { group: 'model_city', standardFen: 100_000, budgetFen: null },
        { group: 'migrant', standardFen: 50_000, budgetFen: null },
      ],
    });
    const over = await core.ok('campaigns.update', { id, campaign: tight }, staff);
    expect(over.overBudgetFen).toBe(100);
    expect(over.groups.find((g) => g.group === 'hardship')!.overFen).toBeGreaterThan(0);
    expect(over.permissions.submit).toBe(false);
    expect(over.submitBlocker).toContain('超出总预算');
    expect(over.submitBlocker).toContain('超出分项预算');
    const r = await core.call('campaigns.submit', { id }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('超出总预算');
    expect((await core.ok('campaigns.get', { id }, staff)).status).toBe('draft');

    const fine = await core.ok('campaigns.update', { id, campaign: campaignInput({ name: '2027年春节送温暖' }) }, staff);
    expect(fine.overBudgetFen).toBe(0);
    expect(fine.permissions.submit).toBe(true);
  });

  it('is approved as a whole: nobody approves a list they built; the director checks, then another person as chair', async () => {
    // A director who added someone to the list is one of its builders.
    const builderDirector = await login(core, 'zhu_ren');
    await core.ok('campaigns.addLine', { id, fileId: people.notHardUp.id, group: 'hardship', reason: '家中突发变故，主任走访后补列' }, builderDirector);
    await core.ok('campaigns.submit', { id }, staff);
    const own = await core.call('campaigns.decide', { id, decision: 'approve', comment: '' }, builderDirector);
    expect(own).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect((await core.ok('campaigns.get', { id }, builderDirector)).permissions.decideBlockedReason).toContain('自己编制');
    expect(await core.call('campaigns.decide', { id, decision: 'approve', comment: '' }, chair)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const checked = await core.ok('campaigns.decide', { id, decision: 'approve', comment: '名单已核' }, director);
    expect(checked.status).toBe('pending_chair');
    // The director who checked it cannot also approve it as chair.
    const both = await login(core, 'zhu_xi');
    const c2 = await core.ok('campaigns.create', campaignInput({ name: '金秋助学', kind: 'schooling', groups: [{ group: 'hardship', standardFen: 100_000, budgetFen: null }] }), staff);
    await core.ok('campaigns.addLine', { id: c2.id, fileId: people.poor.id, group: 'hardship', reason: '孩子考上大学' }, staff);
    await core.ok('campaigns.submit', { id: c2.id }, staff);
    await core.ok('campaigns.decide', { id: c2.id, decision: 'approve', comment: '' }, both);
    const twice = await core.call('campaigns.decide', { id: c2.id, decision: 'approve', comment: '' }, both);
    expect(twice).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!twice.ok) expect(twice.error.message).toContain('同一人不能既作主任审核又作主席审批');

    const approved = await core.ok('campaigns.decide', { id, decision: 'approve', comment: '同意' }, chair);
    expect(approved.status).toBe('approved');
    expect(approved.decisions.map((d) => `${d.stage}:${d.decision}`)).toEqual(['build:edit', 'build:edit', 'build:submit', 'director:approve', 'chair:approve']);
    expect(approved.permissions).toMatchObject({ edit: false, submit: false, decide: false });
    // The approved list is final, down to the table.
    expect(() => core.app.db.prepare('DELETE FROM campaign_lines WHERE campaign_id = ?').run(id)).toThrow(/change only while/);
    expect(() => core.app.db.prepare('UPDATE campaign_lines SET amount_fen = 1 WHERE campaign_id = ?').run(id)).toThrow(/change only while/);
    // The build sets the per-line guard aside while it writes; it is back for every other writer.
    expect(() =>
      core.app.db
        .prepare("INSERT INTO campaign_lines (campaign_id, file_id, grp, amount_fen, source, reasons, added_by, added_at) VALUES (?, ?, 'hardship', 50000, 'manual', '[]', 1, '2027-01-12T00:00:00Z')")
        .run(id, people.resident.id),
    ).toThrow(/change only while/);
    expect(await core.call('campaigns.addLine', { id, fileId: people.resident.id, group: 'hardship', reason: '补报' }, staff)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
