import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';
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

describe('vacancies (用人单位岗位)', () => {
  it('registers a vacancy as open, with no referrals yet, and audits it', async () => {
    const v = await core.ok('referrals.createVacancy', vacancy(core, { unit: '红星机械厂', jobType: '车工', headcount: 3 }), staff);
    expect(v).toMatchObject({ unit: '红星机械厂', jobType: '车工', headcount: 3, status: 'open', expired: false, referralCount: 0, hiredCount: 0, pendingCount: 0 });
    expect(v.createdBy).toBe('测试staff');
    const audit = auditRows(core, 'vacancy', v.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('红星机械厂 车工，招用 3 人');
  });

  it('refuses a valid-until date in the past and writes nothing', async () => {
    const before = businessFingerprint(core.app);
    const r = await core.call('referrals.createVacancy', vacancy(core, { validUntil: addDays(todayOf(core), -1) }), staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('已经过去');
    expect(businessFingerprint(core.app)).toBe(before);
  });

  it('checks the fields with Chinese messages', async () => {
    const r = await core.call('referrals.createVacancy', vacancy(core, { headcount: 0, unit: '  ' }), staff);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('招用人数至少 1 人');
      expect(r.error.message).toContain('请填写用人单位');
    }
    const bad = await core.call('referrals.createVacancy', vacancy(core, { validUntil: '2026-02-30' }), staff);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('lists valid vacancies first, then expired ones, then closed ones; validOnly keeps only the open ones in date', async () => {
    const fresh = await makeCore();
    try {
      let s = await fresh.tokenFor(['staff']);
      const today = todayOf(fresh);
      const expiring = await fresh.ok('referrals.createVacancy', vacancy(fresh, { unit: '甲厂', validUntil: addDays(today, 1) }), s);
      const closed = await fresh.ok('referrals.createVacancy', vacancy(fresh, { unit: '乙厂' }), s);
      const lasting = await fresh.ok('referrals.createVacancy', vacancy(fresh, { unit: '丙厂', validUntil: addDays(today, 60) }), s);
      await fresh.ok('referrals.closeVacancy', { id: closed.id }, s);

      const all = await fresh.ok('referrals.listVacancies', {}, s);
      expect(all.rows.map((v) => v.unit)).toEqual(['丙厂', '甲厂', '乙厂']);
      expect((await fresh.ok('referrals.listVacancies', { validOnly: true }, s)).rows.map((v) => v.id)).toEqual([lasting.id, expiring.id]);

      // The last valid day still counts; the day after, the vacancy is expired.
      s = await advanceDays(fresh, 1);
      expect((await fresh.ok('referrals.listVacancies', { validOnly: true }, s)).total).toBe(2);
      s = await advanceDays(fresh, 1);
      const valid = await fresh.ok('referrals.listVacancies', { validOnly: true }, s);
      expect(valid.rows.map((v) => v.unit)).toEqual(['丙厂']);
      const later = await fresh.ok('referrals.listVacancies', {}, s);
      expect(later.rows.map((v) => [v.unit, v.expired])).toEqual([
        ['丙厂', false],
        ['甲厂', true],
        ['乙厂', false],
      ]);
      expect((await fresh.ok('referrals.listVacancies', { q: '丙' }, s)).rows.map((v) => v.id)).toEqual([lasting.id]);
      expect((await fresh.ok('referrals.listVacancies', { q: '%' }, s)).total).toBe(0);
    } finally {
      fresh.close();
    }
  });

  it('edits an open vacancy and describes the change', async () => {
    const v = await core.ok('referrals.createVacancy', vacancy(core, { unit: '东方纺织厂', jobType: '挡车工', headcount: 2 }), staff);
    const after = await core.ok('referrals.updateVacancy', { id: v.id, vacancy: vacancy(core, { unit: '东方纺织厂', jobType: '挡车工', headcount: 5 }) }, director);
    expect(after.headcount).toBe(5);
    expect(auditRows(core, 'vacancy', v.id).at(-1)!.summary).toContain('招用人数 2 → 5');
  });

  it('refuses to lower the headcount below the hired count', async () => {
    const v = await core.ok('referrals.createVacancy', vacancy(core, { headcount: 2 }), staff);
    for (let i = 0; i < 2; i++) {
      const f = await makeFile(core, staff);
      const r = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id }, staff);
      await core.ok('referrals.setOutcome', { id: r.id, outcome: 'hired' }, staff);
    }
    const r = await core.call('referrals.updateVacancy', { id: v.id, vacancy: vacancy(core, { headcount: 1 }) }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('已录用 2 人');
    expect((await core.ok('referrals.updateVacancy', { id: v.id, vacancy: vacancy(core, { headcount: 2 }) }, staff)).hiredCount).toBe(2);
  });

  it('closes a vacancy once, records who closed it, and then refuses edits', async () => {
    const v = await core.ok('referrals.createVacancy', vacancy(core), staff);
    const closed = await core.ok('referrals.closeVacancy', { id: v.id, note: '单位已招满' }, director);
    expect(closed).toMatchObject({ status: 'closed', closedBy: '测试director', closeNote: '单位已招满' });
    expect(closed.closedAt).not.toBeNull();
    expect(await core.call('referrals.closeVacancy', { id: v.id }, director)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.call('referrals.updateVacancy', { id: v.id, vacancy: vacancy(core) }, staff)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.call('referrals.closeVacancy', { id: 999_999 }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
