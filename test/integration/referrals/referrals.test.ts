import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { TEST_PASSWORD, businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';
import { advanceDays, auditRows, makeFile, todayOf, vacancy } from './setup';

let core: TestCore;
let staff: string;
let director: string;

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
});
afterAll(() => core.close());

describe('job referrals (推荐就业)', () => {
  it('refers a worker to a vacancy as pending and lists it by file and by vacancy', async () => {
    const f = await makeFile(core, staff, { name: '孙志刚' });
    const v = await core.ok('referrals.createVacancy', vacancy(core, { unit: '红星机械厂', jobType: '车工' }), staff);
    const r = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id, note: '有十年车工经验' }, staff);
    expect(r).toMatchObject({ fileId: f.id, workerName: '孙志刚', vacancyId: v.id, unit: '红星机械厂', jobType: '车工', outcome: 'pending', note: '有十年车工经验', petitionId: null, outcomeAt: null });
    expect((await core.ok('referrals.list', { fileId: f.id }, staff)).rows.map((x) => x.id)).toEqual([r.id]);
    expect((await core.ok('referrals.list', { vacancyId: v.id }, staff)).rows.map((x) => x.id)).toEqual([r.id]);
    expect((await core.ok('referrals.list', { vacancyId: v.id, outcome: 'hired' }, staff)).total).toBe(0);
    const listed = (await core.ok('referrals.listVacancies', { q: '红星' }, staff)).rows.find((x) => x.id === v.id);
    expect(listed).toMatchObject({ referralCount: 1, pendingCount: 1, hiredCount: 0 });
    expect(auditRows(core, 'job_referral', r.id)[0]!.summary).toContain('孙志刚 → 红星机械厂 车工');
  });

  it('records outcomes: hired, not hired, back to pending; with who and when', async () => {
    const f = await makeFile(core, staff);
    const v = await core.ok('referrals.createVacancy', vacancy(core), staff);
    const r = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id }, staff);
    const hired = await core.ok('referrals.setOutcome', { id: r.id, outcome: 'hired', note: '已签合同' }, director);
    expect(hired).toMatchObject({ outcome: 'hired', outcomeNote: '已签合同', outcomeBy: '测试director' });
    expect(hired.outcomeAt).not.toBeNull();
    expect((await core.ok('referrals.setOutcome', { id: r.id, outcome: 'not_hired', note: '试用期未过' }, staff)).outcome).toBe('not_hired');
    expect((await core.ok('referrals.setOutcome', { id: r.id, outcome: 'pending' }, staff)).outcome).toBe('pending');
    const audit = auditRows(core, 'job_referral', r.id).map((a) => a.summary);
    expect(audit).toHaveLength(4);
    expect(audit[1]).toContain('待反馈 → 已录用');
    expect(audit[2]).toContain('已录用 → 未录用');
    expect(await core.call('referrals.setOutcome', { id: 999_999, outcome: 'hired' }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.call('referrals.setOutcome', { id: r.id, outcome: 'maybe' }, staff)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a second referral of the same worker to the same vacancy unless the first was not hired', async () => {
    const f = await makeFile(core, staff, { name: '吴海燕' });
    const v = await core.ok('referrals.createVacancy', vacancy(core), staff);
    const first = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id }, staff);
    const again = await core.call('referrals.refer', { fileId: f.id, vacancyId: v.id }, staff);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!again.ok) expect(again.error.message).toContain('吴海燕 已推荐');
    await core.ok('referrals.setOutcome', { id: first.id, outcome: 'not_hired' }, staff);
    expect((await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id }, staff)).outcome).toBe('pending');
  });

  it('never lets a vacancy have more hired outcomes than its headcount', async () => {
    const v = await core.ok('referrals.createVacancy', vacancy(core, { unit: '矿务局后勤公司', jobType: '保安', headcount: 2 }), staff);
    const refs = [];
    for (let i = 0; i < 3; i++) {
      const f = await makeFile(core, staff);
      refs.push(await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id }, staff));
    }
    const [a, b, c] = refs as [(typeof refs)[0], (typeof refs)[0], (typeof refs)[0]];
    await core.ok('referrals.setOutcome', { id: a.id, outcome: 'hired' }, staff);
    await core.ok('referrals.setOutcome', { id: b.id, outcome: 'hired' }, staff);
    // Setting hired again on one already hired does not count twice.
    await core.ok('referrals.setOutcome', { id: b.id, outcome: 'hired', note: '补充说明' }, staff);

    const before = businessFingerprint(core.app);
    const third = await core.call('referrals.setOutcome', { id: c.id, outcome: 'hired' }, staff);
    expect(third).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!third.ok) expect(third.error.message).toBe('岗位“矿务局后勤公司 保安”招用 2 人，已录用 2 人，不能再登记录用。如单位增加用人，请先修改岗位的招用人数。');
    expect(businessFingerprint(core.app)).toBe(before);
    const refused = core.app.db.prepare("SELECT outcome, code FROM audit_log WHERE channel = 'referrals.setOutcome' ORDER BY id DESC LIMIT 1").get();
    expect(refused).toEqual({ outcome: 'refused', code: 'RULE' });

    // A full vacancy takes no new referrals either.
    const extra = await makeFile(core, staff);
    const more = await core.call('referrals.refer', { fileId: extra.id, vacancyId: v.id }, staff);
    expect(more).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!more.ok) expect(more.error.message).toContain('已全部录用');

    // The database refuses it too, should anything bypass the core.
    expect(() => core.app.db.prepare("UPDATE job_referrals SET outcome = 'hired' WHERE id = ?").run(c.id)).toThrow(/headcount/);

    // When one hire falls through, the place is free again.
    await core.ok('referrals.setOutcome', { id: a.id, outcome: 'not_hired', note: '本人放弃' }, staff);
    expect((await core.ok('referrals.setOutcome', { id: c.id, outcome: 'hired' }, staff)).outcome).toBe('hired');
    const after = (await core.ok('referrals.listVacancies', { q: '矿务局后勤' }, staff)).rows[0];
    expect(after).toMatchObject({ headcount: 2, hiredCount: 2, referralCount: 3 });
  });

  it('refuses referrals to closed or expired vacancies, from exited files, and to unknown records', async () => {
    const f = await makeFile(core, staff);
    const closed = await core.ok('referrals.createVacancy', vacancy(core), staff);
    await core.ok('referrals.closeVacancy', { id: closed.id }, staff);
    const r1 = await core.call('referrals.refer', { fileId: f.id, vacancyId: closed.id }, staff);
    expect(r1).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r1.ok) expect(r1.error.message).toContain('已关闭');

    const fresh = await makeCore();
    try {
      let s = await fresh.tokenFor(['staff']);
      await fresh.tokenFor(['director']);
      const file = await makeFile(fresh, s);
      const v = await fresh.ok('referrals.createVacancy', vacancy(fresh, { validUntil: addDays(todayOf(fresh), 1) }), s);
      s = await advanceDays(fresh, 2);
      const r2 = await fresh.call('referrals.refer', { fileId: file.id, vacancyId: v.id }, s);
      expect(r2).toMatchObject({ ok: false, error: { code: 'RULE' } });
      if (!r2.ok) expect(r2.error.message).toContain('已过有效期');
      const w = await fresh.ok('referrals.createVacancy', vacancy(fresh), s);
      const d = (await fresh.ok('auth.login', { username: 'u_director', password: TEST_PASSWORD })).token;
      await fresh.ok('files.exit', { id: file.id, reason: '已稳定就业' }, d);
      const r3 = await fresh.call('referrals.refer', { fileId: file.id, vacancyId: w.id }, s);
      expect(r3).toMatchObject({ ok: false, error: { code: 'RULE' } });
      if (!r3.ok) expect(r3.error.message).toContain('脱困退出');
    } finally {
      fresh.close();
    }

    const open = await core.ok('referrals.createVacancy', vacancy(core), staff);
    expect(await core.call('referrals.refer', { fileId: 999_999, vacancyId: open.id }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.call('referrals.refer', { fileId: f.id, vacancyId: 999_999 }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const before = businessFingerprint(core.app);
    const noPetition = await core.call('referrals.refer', { fileId: f.id, vacancyId: open.id, petitionId: 999_999 }, staff);
    expect(noPetition).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!noPetition.ok) expect(noPetition.error.message).toContain('来访记录');
    expect(businessFingerprint(core.app)).toBe(before);
  });

  it('shows a file its job referrals and legal-aid cases, newest first', async () => {
    const f = await makeFile(core, staff, { name: '郑光明' });
    const other = await makeFile(core, staff);
    const v1 = await core.ok('referrals.createVacancy', vacancy(core, { unit: '甲单位', jobType: '电工' }), staff);
    const v2 = await core.ok('referrals.createVacancy', vacancy(core, { unit: '乙单位', jobType: '焊工' }), staff);
    const r1 = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v1.id }, staff);
    const r2 = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v2.id }, staff);
    await core.ok('referrals.refer', { fileId: other.id, vacancyId: v2.id }, staff);
    const c = await core.ok('legalAid.intake', { fileId: f.id, applicantType: 'worker', infringementType: 'wage_arrears', facts: '单位拖欠三个月工资' }, staff);
    const mine = await core.ok('referrals.forFile', { fileId: f.id }, staff);
    expect(mine.jobReferrals.map((r) => r.id)).toEqual([r2.id, r1.id]);
    expect(mine.legalAidCases.map((x) => x.id)).toEqual([c.id]);
    expect(await core.call('referrals.forFile', { fileId: 999_999 }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
