// Which files a list can take: model workers whatever their income, nobody above the hardship lines
// otherwise, and 金秋助学 paid by school level (levels named by the list's author, never guessed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignInput, file, workbook } from '../../fixtures/campaigns';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2027-08-20') });
  staff = await core.tokenFor(['staff']);
});
afterAll(() => core.close());

describe('building from the files', () => {
  it('takes a well-paid city model worker into the model group, and leaves a well-paid worker out', async () => {
    const model = await file(core, staff, { ownMonthlyIncomeFen: 900_000, modelWorkerLevel: 'city' });
    const wellPaid = await file(core, staff, { ownMonthlyIncomeFen: 900_000 });
    const poor = await file(core, staff);
    const c = await core.ok('campaigns.create', campaignInput(), staff);
    const r = await core.ok('campaigns.build', { id: c.id, workUnit: '' }, staff);
    const lines = await core.ok('campaigns.lines', { id: c.id, page: 1, pageSize: 50 }, staff);
    const byFile = new Map(lines.rows.map((l) => [l.fileId, l]));
    expect(r.added).toBe(2);
    expect(byFile.get(model.id)).toMatchObject({ group: 'model_city', amountFen: 100_000 });
    expect(byFile.get(poor.id)).toMatchObject({ group: 'hardship', amountFen: 50_000 });
    expect(byFile.has(wellPaid.id)).toBe(false);
  });
});

describe('金秋助学 by school level', () => {
  const schooling = () =>
    campaignInput({
      name: '2027年金秋助学',
      kind: 'schooling',
      startDate: '2027-08-15',
      endDate: '2027-09-30',
      groups: [
        { group: 'school_primary', standardFen: 100_000, budgetFen: null },
        { group: 'school_senior', standardFen: 200_000, budgetFen: null },
        { group: 'school_college', standardFen: 500_000, budgetFen: 1_000_000 },
      ],
      budgetFen: 5_000_000,
    });

  it('pays each level its own standard, named by import or by hand, and never guesses a level from the file', async () => {
    const college = await file(core, staff, { hardshipCauses: ['schooling'], workUnit: '第二棉纺厂' });
    const pupil = await file(core, staff, { hardshipCauses: ['schooling'], workUnit: '第二棉纺厂' });
    const c = await core.ok('campaigns.create', schooling(), staff);
    const preview = await core.ok('campaigns.candidates', { id: c.id, page: 1, pageSize: 20, show: 'qualifying', workUnit: '' }, staff);
    expect(preview.qualifyingCount).toBe(0);

    const added = await core.ok('campaigns.addLine', { id: c.id, fileId: college.id, group: 'school_college', reason: '女儿考入省师范大学，持录取通知书' }, staff);
    expect(added.groups.find((g) => g.group === 'school_college')).toMatchObject({ count: 1, listedFen: 500_000 });
    const base64 = await workbook([[pupil.name, pupil.idNumber, '第二棉纺厂', '助学·小学']]);
    const imported = await core.ok('campaigns.import', { id: c.id, fileName: '棉纺厂助学.xlsx', base64 }, staff);
    expect(imported).toMatchObject({ ok: true, added: 1 });

    const lines = (await core.ok('campaigns.lines', { id: c.id, page: 1, pageSize: 50 }, staff)).rows;
    expect(lines.find((l) => l.fileId === college.id)).toMatchObject({ amountFen: 500_000, exceptions: [] });
    expect(lines.find((l) => l.fileId === pupil.id)).toMatchObject({ group: 'school_primary', amountFen: 100_000 });
    const report = await core.ok('campaigns.summary', { id: c.id }, staff);
    expect(report.byGroup.map((g) => [g.label, g.count, g.listedFen])).toEqual([
      ['助学·小学', 1, 100_000],
      ['助学·高中（中职）', 0, 0],
      ['助学·大学（高职）', 1, 500_000],
    ]);
  });

  it('holds each level to its sub-budget', async () => {
    const c = await core.ok('campaigns.create', schooling(), staff);
    for (let i = 0; i < 3; i++) {
      const f = await file(core, staff, { hardshipCauses: ['schooling'] });
      await core.ok('campaigns.addLine', { id: c.id, fileId: f.id, group: 'school_college', reason: '大学新生，持录取通知书' }, staff);
    }
    const got = await core.ok('campaigns.get', { id: c.id }, staff);
    expect(got.submitBlocker).toContain('“助学·大学（高职）”合计 ¥15,000.00，超出分项预算 ¥10,000.00');
    expect(await core.call('campaigns.submit', { id: c.id }, staff)).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });
});
