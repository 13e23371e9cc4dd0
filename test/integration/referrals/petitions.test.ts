import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralOutcomesForPetition } from '../../../electron/core/referrals/forPetition';
import { makeCore, type TestCore } from '../../fixtures/core';
import { insertPetition, makeFile, vacancy } from './setup';

let core: TestCore;
let staff: string;

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
});
afterAll(() => core.close());

describe('referrals and legal aid opened from a petition (信访)', () => {
  it('keeps the petition on the referral and the case, and reports both as the petition’s outcomes', async () => {
    const p = insertPetition(core, 'job_referral');
    const other = insertPetition(core, 'legal_aid');
    const f = await makeFile(core, staff, { name: '冯建设' });
    const v = await core.ok('referrals.createVacancy', vacancy(core, { unit: '红星机械厂', jobType: '车工' }), staff);
    const r = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id, petitionId: p.id }, staff);
    expect(r).toMatchObject({ petitionId: p.id, petitionNumber: p.number });
    const c = await core.ok('legalAid.intake', { fileId: f.id, applicantType: 'worker', infringementType: 'wage_arrears', facts: '拖欠工资', petitionId: p.id }, staff);
    expect(c).toMatchObject({ petitionId: p.id, petitionNumber: p.number });
    // Not from a petition: not among its outcomes.
    await core.ok('legalAid.intake', { applicantName: '路人甲', applicantType: 'worker', infringementType: 'other', facts: '其他事项' }, staff);

    expect(referralOutcomesForPetition(core.app.db, p.id)).toEqual([
      { kind: 'job_referral', id: r.id, title: '职业介绍：红星机械厂 车工', status: '待反馈' },
      { kind: 'legal_aid', id: c.id, title: '法律援助：拖欠工资', status: '已登记' },
    ]);
    expect(referralOutcomesForPetition(core.app.db, other.id)).toEqual([]);

    await core.ok('referrals.setOutcome', { id: r.id, outcome: 'hired' }, staff);
    await core.ok('legalAid.refer', { id: c.id, targetKind: 'legal_aid_office', targetName: '市法律援助中心' }, staff);
    expect(referralOutcomesForPetition(core.app.db, p.id).map((o) => [o.title, o.status])).toEqual([
      ['职业介绍：红星机械厂 车工', '已录用'],
      ['法律援助：拖欠工资，转介市法律援助中心', '已转介'],
    ]);
    await core.ok('legalAid.setOutcome', { id: c.id, outcome: 'mediated', note: '调解成功' }, staff);
    expect(referralOutcomesForPetition(core.app.db, p.id)[1]!.status).toBe('已结案（调解结案）');

    expect((await core.ok('referrals.list', { petitionId: p.id }, staff)).rows.map((x) => x.id)).toEqual([r.id]);
    expect((await core.ok('legalAid.list', { petitionId: p.id }, staff)).rows.map((x) => x.id)).toEqual([c.id]);
    expect((await core.ok('referrals.list', { petitionId: other.id }, staff)).total).toBe(0);
  });

  it('refuses a legal-aid case naming a petition that does not exist', async () => {
    const r = await core.call('legalAid.intake', { applicantName: '某某', applicantType: 'worker', infringementType: 'other', facts: '事实', petitionId: 987_654 }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
