import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { makeFile, vacancy } from './setup';

let core: TestCore;
let staff: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  const director = await core.tokenFor(['director']);
  const files = [
    ['赵国强', 'laid_off', 'national'],
    ['周丽', 'laid_off', 'none'],
    ['艾建华', 'in_post', 'provincial'],
    ['钱卫东', 'laid_off', 'city'],
    ['陈秀英', 'retired', 'none'],
    ['安小红', 'laid_off', 'none'],
    ['白玉兰', 'laid_off', 'national'],
  ] as const;
  for (const [name, employmentStatus, modelWorkerLevel] of files) {
    ids[name] = (await makeFile(core, staff, { name, employmentStatus, modelWorkerLevel })).id;
  }
  // An exited file is no longer a job seeker, even a laid-off model worker.
  await core.ok('files.exit', { id: ids['白玉兰']!, reason: '已稳定就业' }, director);
});
afterAll(() => core.close());

describe('job seekers (求职职工)', () => {
  it('lists laid-off model workers first, then other laid-off workers, then the rest, each by name', async () => {
    const r = await core.ok('referrals.seekers', {}, staff);
    expect(r.total).toBe(6);
    expect(r.rows.map((s) => s.name)).toEqual(['钱卫东', '赵国强', '安小红', '周丽', '艾建华', '陈秀英']);
    expect(r.rows.map((s) => s.priority)).toEqual(['laid_off_model_worker', 'laid_off_model_worker', 'laid_off', 'laid_off', 'other', 'other']);
    expect(r.rows[0]).toMatchObject({ fileId: ids['钱卫东'], employmentStatus: 'laid_off', modelWorkerLevel: 'city', referralCount: 0, hired: false });
  });

  it('pages in the same order', async () => {
    const p2 = await core.ok('referrals.seekers', { page: 2, pageSize: 2 }, staff);
    expect(p2).toMatchObject({ total: 6 });
    expect(p2.rows.map((s) => s.name)).toEqual(['安小红', '周丽']);
  });

  it('narrows to laid-off workers and finds by name, pinyin or initials', async () => {
    expect((await core.ok('referrals.seekers', { laidOffOnly: true }, staff)).rows.map((s) => s.name)).toEqual(['钱卫东', '赵国强', '安小红', '周丽']);
    expect((await core.ok('referrals.seekers', { q: '赵' }, staff)).rows.map((s) => s.name)).toEqual(['赵国强']);
    expect((await core.ok('referrals.seekers', { q: 'ZhaoGuo' }, staff)).rows.map((s) => s.name)).toEqual(['赵国强']);
    expect((await core.ok('referrals.seekers', { q: 'axh' }, staff)).rows.map((s) => s.name)).toEqual(['安小红']);
    expect((await core.ok('referrals.seekers', { q: '白玉兰' }, staff)).total).toBe(0);
  });

  it('shows how many times a seeker was referred and whether hired', async () => {
    const v = await core.ok('referrals.createVacancy', vacancy(core, { headcount: 1 }), staff);
    const w = await core.ok('referrals.createVacancy', vacancy(core, { unit: '第二棉纺厂', jobType: '保全工' }), staff);
    const a = await core.ok('referrals.refer', { fileId: ids['周丽']!, vacancyId: v.id }, staff);
    await core.ok('referrals.refer', { fileId: ids['周丽']!, vacancyId: w.id }, staff);
    await core.ok('referrals.setOutcome', { id: a.id, outcome: 'hired' }, staff);
    const zhou = (await core.ok('referrals.seekers', { q: '周丽' }, staff)).rows[0];
    expect(zhou).toMatchObject({ referralCount: 2, pendingCount: 1, hired: true });
  });
});
