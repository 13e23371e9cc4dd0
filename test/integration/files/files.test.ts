import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerFileInput } from '../../../shared/contract/files';
import { computeCheckDigit } from '../../../shared/idcard';
import { makeCore, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';

let core: TestCore;
let staff: string;
let director: string;
const rng = createRng(7);

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
});
afterAll(() => core.close());

const withId = (first17: string) => first17 + computeCheckDigit(first17);

function household(overrides: Partial<WorkerFileInput> = {}): WorkerFileInput {
  return fakeFileInput(rng, {
    maritalStatus: 'married',
    singleParent: false,
    ownMonthlyIncomeFen: 150_000,
    members: [
      { name: '李桂兰', relation: 'spouse', idNumber: withId('11010119700101002'), monthlyIncomeFen: 60_000 },
      { name: '张小明', relation: 'child', idNumber: withId('11010120100101003'), student: true },
    ],
    ...overrides,
  });
}

describe('worker files', () => {
  it('creates a file with derived sex, birth date, household size, per-capita income and tier', async () => {
    const f = await core.ok('files.create', household({ name: '张建国', idNumber: withId('11010119690315001') }), staff);
    expect(f).toMatchObject({ name: '张建国', sex: 'male', birthDate: '1969-03-15', householdSize: 3, householdIncomeFen: 210_000, perCapitaIncomeFen: 70_000 });
    expect(f.tier).toBe('le150');
    expect(f.members.map((m) => m.relation)).toEqual(['spouse', 'child']);
    const reread = await core.ok('files.get', { id: f.id }, staff);
    expect(reread.history.map((h) => h.channel)).toEqual(['files.create']);
    expect(reread.history[0]!.username).toBe('u_staff');
  });

  it('accepts a lowercase x and stores it as X', async () => {
    let first17 = '';
    for (let n = 10; ; n++) {
      first17 = `1101011975010100${n % 10}`;
      if (computeCheckDigit(first17) === 'X') break;
    }
    const f = await core.ok('files.create', household({ idNumber: `${first17}x` }), staff);
    expect(f.idNumber).toBe(`${first17}X`);
  });

  it('refuses a wrong ID number in Chinese and saves nothing', async () => {
    const good = withId('11010119800101001');
    const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const before = (await core.ok('files.list', { page: 1, pageSize: 1 }, staff)).total;
    const r = await core.call('files.create', household({ idNumber: bad }), staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toContain('校验位');
    expect((await core.ok('files.list', { page: 1, pageSize: 1 }, staff)).total).toBe(before);
  });

  it('keeps one file per ID number', async () => {
    const id = withId('11010119810101001');
    await core.ok('files.create', household({ idNumber: id, name: '王一' }), staff);
    const r = await core.call('files.create', household({ idNumber: id, name: '王二' }), staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!r.ok) expect(r.error.message).toContain('王一');
  });

  it('edits a file and records what changed in its history', async () => {
    const f = await core.ok('files.create', household({ name: '赵春梅' }), staff);
    const input = household({ name: '赵春梅', idNumber: f.idNumber, phone: '13900000001' });
    input.members = [...(input.members ?? []), { name: '赵小雨', relation: 'child', student: true }];
    const after = await core.ok('files.update', { id: f.id, file: input }, staff);
    expect(after.householdSize).toBe(4);
    expect(after.phone).toBe('13900000001');
    const last = (await core.ok('files.get', { id: f.id }, staff)).history.at(-1)!;
    expect(last.channel).toBe('files.update');
    expect(last.summary).toContain('家庭人口：3 人 → 4 人');
  });

  it('exits and reactivates (director only, never deleted)', async () => {
    const f = await core.ok('files.create', household(), staff);
    expect(await core.call('files.exit', { id: f.id, reason: '收入稳定' }, staff)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const exited = await core.ok('files.exit', { id: f.id, reason: '人均收入稳定高于1.5倍低保线' }, director);
    expect(exited).toMatchObject({ status: 'exited', exitReason: '人均收入稳定高于1.5倍低保线' });
    expect(await core.call('files.update', { id: f.id, file: household({ idNumber: f.idNumber }) }, staff)).toMatchObject({ error: { code: 'RULE' } });
    const list = await core.ok('files.list', { page: 1, pageSize: 200, status: 'exited' }, staff);
    expect(list.rows.map((r) => r.id)).toContain(f.id);
    expect((await core.ok('files.reactivate', { id: f.id, reason: '再次致困' }, director)).status).toBe('active');
  });

  it('flags and clears exclusions with who and why', async () => {
    const f = await core.ok('files.create', household(), staff);
    const flagged = await core.ok('files.setExclusion', { fileId: f.id, kind: 'gambling', reason: '社区反映长期赌博' }, staff);
    expect(flagged.excluded).toBe(true);
    expect(flagged.exclusions[0]).toMatchObject({ kind: 'gambling', reason: '社区反映长期赌博', setBy: '测试staff', clearedAt: null });
    const cleared = await core.ok('files.clearExclusion', { exclusionId: flagged.exclusions[0]!.id, reason: '核实有误' }, director);
    expect(cleared.excluded).toBe(false);
    expect(cleared.exclusions[0]!.clearReason).toBe('核实有误');
  });

  it('follows a change of the minimum-living line', async () => {
    const f = await core.ok('files.create', household({ ownMonthlyIncomeFen: 300_000, members: [] , maritalStatus: 'unmarried'}), staff);
    // one person, 3,000 yuan: above 300 % of 780 (2,340)
    expect(f.tier).toBe('above');
    await core.ok('settings.update', { changes: { minLivingLineFen: 120_000 } }, core.adminToken);
    // 3,000 / 1,200 = 250 % → le300
    expect((await core.ok('files.get', { id: f.id }, staff)).tier).toBe('le300');
    const byTier = await core.ok('files.list', { page: 1, pageSize: 200, tier: 'le300' }, staff);
    expect(byTier.rows.map((r) => r.id)).toContain(f.id);
    await core.ok('settings.update', { changes: { minLivingLineFen: 78_000 } }, core.adminToken);
    expect((await core.ok('files.get', { id: f.id }, staff)).tier).toBe('above');
  });
});

describe('warning colours', () => {
  it('stores a red warning with its reason, computes orange from income, and refuses a flag without a reason', async () => {
    const red = await core.ok('files.create', fakeFileInput(rng, { riskFlag: 'red', riskNote: '丈夫突发重病，收入中断' }), staff);
    expect(red).toMatchObject({ riskFlag: 'red', warning: 'red', riskNote: '丈夫突发重病，收入中断' });
    // one person, 1,000 yuan against a 780 line: between 1× and 1.5×
    const orange = await core.ok('files.create', fakeFileInput(rng, { maritalStatus: 'unmarried', singleParent: false, members: [], ownMonthlyIncomeFen: 100_000 }), staff);
    expect(orange.warning).toBe('orange');
    expect(await core.call('files.create', fakeFileInput(rng, { riskFlag: 'yellow', riskNote: '' }), staff)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
