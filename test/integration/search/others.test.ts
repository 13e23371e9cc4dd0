// Middle-of-name search beyond files: petitions, donors and job seekers, each through the full-text index
// (2+ characters) or a prefix range (1 character), and never by reading the whole table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';
import { walkIn } from '../../fixtures/petitions';
import { allLines, plansDuring, tableScans } from './plans';

let core: TestCore;
let staff: string;
let finance: string;
const rng = createRng(11);

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  finance = await core.tokenFor(['finance']);
  for (const visitorName of ['李秀兰', '王建国', '欧阳秀英']) await core.ok('petitions.register', walkIn({ visitorName }), staff);
  for (const name of ['郑州纺织机械厂', '李秀兰', '洛阳拖拉机厂']) {
    await core.ok('ledger.addDonor', { kind: 'unit', name, contact: '', phone: '', address: '' }, finance);
  }
  const seekers: [string, 'laid_off' | 'in_post'][] = [['李秀兰', 'laid_off'], ['王建国', 'in_post'], ['张秀英', 'laid_off']];
  for (const [name, employmentStatus] of seekers) {
    await core.ok('files.create', fakeFileInput(rng, { name, workUnit: '郑州纺织机械厂', employmentStatus, modelWorkerLevel: 'none' }), staff);
  }
});
afterAll(() => core.close());

describe('petition search', () => {
  const visitors = async (q: string) => (await core.ok('petitions.list', { q }, staff)).rows.map((p) => p.visitorName).sort();

  it.each([
    ['秀兰', ['李秀兰']],
    ['秀', []],
    ['欧', ['欧阳秀英']],
    ['阳秀英', ['欧阳秀英']],
    ['建国', ['王建国']],
  ])('%s finds %j', async (q, names) => {
    expect(await visitors(q)).toEqual(names);
  });

  it('finds by a fragment of the number', async () => {
    const first = (await core.ok('petitions.list', {}, staff)).rows.at(-1)!;
    const r = await core.ok('petitions.list', { q: first.number.slice(-4) }, staff);
    expect(r.rows.map((p) => p.number)).toContain(first.number);
  });

  it.each(['秀兰', '欧阳秀', '欧'])('%s does not scan the petitions table', async (q) => {
    const plans = await plansDuring(core.app.db, 'petitions', () => core.ok('petitions.list', { q }, staff));
    expect(plans.length).toBeGreaterThan(0);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
  });
});

describe('donor search', () => {
  const donors = async (q: string) => (await core.ok('ledger.donors', { q }, finance)).donors.map((d) => d.name);

  it.each([
    ['纺织', ['郑州纺织机械厂']],
    ['秀兰', ['李秀兰']],
    ['拖拉机', ['洛阳拖拉机厂']],
    ['李', ['李秀兰']],
    ['', ['李秀兰', '洛阳拖拉机厂', '郑州纺织机械厂']],
  ])('%s finds %j', async (q, names) => {
    expect((await donors(q)).sort()).toEqual([...names].sort());
  });

  it('says when the search stopped at its limit, and not when it did not', async () => {
    const add = core.app.db.prepare("INSERT INTO donors (kind, name) VALUES ('unit', ?)");
    for (let i = 0; i < 60; i++) add.run(`张家口配件厂${String(i).padStart(2, '0')}`);
    const many = await core.ok('ledger.donors', { q: '配件' }, finance);
    expect(many.donors).toHaveLength(50);
    expect(many.more).toBe(true);
    const few = await core.ok('ledger.donors', { q: '配件厂59' }, finance);
    expect(few).toMatchObject({ more: false });
    expect(few.donors.map((d) => d.name)).toEqual(['张家口配件厂59']);
  });

  it.each(['纺织', '纺织机', '李'])('%s does not scan the donors table', async (q) => {
    const plans = await plansDuring(core.app.db, 'donors', () => core.ok('ledger.donors', { q }, finance));
    expect(plans.length).toBeGreaterThan(0);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
  });
});

describe('job-seeker search', () => {
  const seekers = async (q: string, laidOffOnly = false) => (await core.ok('referrals.seekers', { q, laidOffOnly }, staff)).rows.map((s) => s.name).sort();

  it.each([
    ['秀兰', ['李秀兰']],
    ['秀', []],
    ['秀英', ['张秀英']],
    ['李', ['李秀兰']],
    ['lixiulan', ['李秀兰']],
    ['zxy', ['张秀英']],
  ])('%s finds %j', async (q, names) => {
    expect(await seekers(q)).toEqual(names);
  });

  it('keeps the laid-off filter with a middle-of-name search', async () => {
    expect(await seekers('建国')).toEqual(['王建国']);
    expect(await seekers('建国', true)).toEqual([]);
  });

  it.each(['秀兰', '李秀兰', '李', 'lxl'])('%s does not scan the files table', async (q) => {
    const plans = await plansDuring(core.app.db, 'worker_files', () => core.ok('referrals.seekers', { q }, staff));
    expect(plans.length).toBeGreaterThan(0);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
    // Nor every active file through the status index: the search's own indexes drive.
    expect(allLines(plans)).not.toContain('worker_files_status_updated');
  });

  it('lists without a search in the order of its index, not by sorting every active file', async () => {
    const plans = await plansDuring(core.app.db, 'worker_files', () => core.ok('referrals.seekers', {}, staff));
    expect(allLines(plans)).toContain('worker_files_seekers');
    expect(allLines(plans)).not.toContain('TEMP B-TREE FOR ORDER BY');
  });
});
