import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';
import { poorFile, readyDraft } from '../../fixtures/relief';

// Each reproduction from issue 10, tried through the API, must now be refused or recorded.
let core: TestCore;
let staff: string;
let director: string;
let director2: string;
let chair: string;
const rng = createRng(77);

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  chair = await core.tokenFor(['chair']);
  await core.ok('users.create', { username: 'zhuren2', displayName: '副主任', password: TEST_PASSWORD, roles: ['director'] }, core.adminToken);
  director2 = (await core.ok('auth.login', { username: 'zhuren2', password: TEST_PASSWORD })).token;
  await core.ok('settings.update', { changes: { reliefNoticeRequired: false } }, core.adminToken);
});
afterAll(() => core.close());

const submitted = async (amountFen: number) => {
  const id = await readyDraft(core, staff, await poorFile(core, staff), amountFen);
  await core.ok('relief.submit', { id }, staff);
  return id;
};

describe('four eyes on relief', () => {
  it('a director who edits a submitted proposal (¥400 → ¥900) cannot approve his own figure, and the trail shows the edit', async () => {
    const id = await submitted(40_000);
    const app = await core.ok('relief.get', { id }, director);
    expect(app.permissions.decide).toBe(true);
    await core.ok('relief.update', { id, application: { category: app.category, facts: app.facts, amountFen: 90_000, reasons: app.reasons, overrideReason: '' } }, director);
    const r = await core.call('relief.decide', { id, decision: 'approve', comment: '' }, director);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const after = await core.ok('relief.get', { id }, director);
    expect(after.permissions.decide).toBe(false);
    expect(after.permissions.decideBlockedReason).toContain('不能审批自己');
    const edit = after.decisions.at(-1)!;
    expect(edit).toMatchObject({ decision: 'amount_changed', amountFen: 90_000 });
    expect(edit.comment).toContain('¥400.00 → ¥900.00');
    // Another director may decide the new figure.
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director2)).status).toBe('payable');
  });

  it('an edit after the director approved sends the application back to the director with the editor on record', async () => {
    const id = await submitted(100_000);
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director)).status).toBe('pending_chair');
    const app = await core.ok('relief.get', { id }, staff);
    const edited = await core.ok('relief.update', { id, application: { category: app.category, facts: app.facts, amountFen: 50_000, reasons: app.reasons, overrideReason: '' } }, staff);
    expect(edited.status).toBe('pending_director');
    expect(edited.needsChair).toBe(false);
  });

  it('the chair may not approve an exception with an empty comment', async () => {
    const id = await readyDraft(core, staff, await poorFile(core, staff), 150_000, { overrideReason: '重病住院，家中无其他收入' });
    await core.ok('relief.submit', { id }, staff);
    await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
    const empty = await core.call('relief.decide', { id, decision: 'approve', comment: ' ' }, chair);
    expect(empty).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!empty.ok) expect(empty.error.message).toContain('例外');
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '同意例外：住院费用已核实' }, chair)).status).toBe('payable');
  });

  it('a relief amount of ¥10,000,000 is refused even with an exception reason', async () => {
    const fileId = await poorFile(core, staff);
    const r = await core.call('relief.create', { fileId, category: 'living', amountFen: 1_000_000_000, reasons: '生活困难', overrideReason: '特殊情况' }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('最高限额');
    // Nor can a small draft be raised past the ceiling afterwards.
    const id = await readyDraft(core, staff, fileId, 40_000);
    const app = await core.ok('relief.get', { id }, staff);
    const raised = await core.call('relief.update', { id, application: { category: 'living', facts: app.facts, amountFen: 1_000_000_000, reasons: app.reasons, overrideReason: '特殊情况' } }, staff);
    expect(raised).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect((await core.ok('relief.get', { id }, staff)).amountFen).toBe(40_000);
  });

  it('the ceiling is a setting: lowering it refuses a submission the engine used to accept', async () => {
    const id = await readyDraft(core, staff, await poorFile(core, staff), 90_000);
    // The cap and the chair's threshold may not stand above the ceiling, so they come down with it.
    await core.ok('settings.update', { changes: { reliefChairThresholdFen: 80_000, reliefCapFen: 80_000, reliefCeilingFen: 80_000 } }, core.adminToken);
    try {
      const r = await core.call('relief.submit', { id }, staff);
      expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
      if (!r.ok) expect(r.error.message).toContain('最高限额');
    } finally {
      await core.ok('settings.update', { changes: { reliefChairThresholdFen: 100_000, reliefCapFen: 100_000, reliefCeilingFen: 500_000 } }, core.adminToken);
    }
  });
});

describe('roles', () => {
  it('an admin cannot grant himself director and chair', async () => {
    const me = await core.ok('auth.me', {}, core.adminToken);
    const r = await core.call('users.update', { id: me.id, displayName: me.displayName, active: true, roles: ['admin', 'director', 'chair'] }, core.adminToken);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect((await core.ok('auth.me', {}, core.adminToken)).roles).toEqual(['admin']);
    // Another administrator may grant them.
    await core.ok('users.create', { username: 'admin2', displayName: '管理员二', password: TEST_PASSWORD, roles: ['admin'] }, core.adminToken);
    const admin2 = (await core.ok('auth.login', { username: 'admin2', password: TEST_PASSWORD })).token;
    const updated = await core.ok('users.update', { id: me.id, displayName: me.displayName, active: true, roles: ['admin', 'director'] }, admin2);
    expect(updated.roles).toContain('director');
  });
});

describe('once a year per family', () => {
  it('a spouse with her own file does not get a second grant with the director alone', async () => {
    const husband = fakeFileInput(rng, { maritalStatus: 'married', singleParent: false, members: [], ownMonthlyIncomeFen: 0, allowanceStatus: 'none', disabilityGrade: null, hardshipCauses: ['low_income'], documents: [] });
    const wifeInput = fakeFileInput(rng, { maritalStatus: 'married', singleParent: false, members: [], ownMonthlyIncomeFen: 0, allowanceStatus: 'none', disabilityGrade: null, hardshipCauses: ['low_income'], documents: [] });
    // Her file lists him as spouse; his file was made separately without her.
    const hisFile = (await core.ok('files.create', husband, staff)).id;
    const herFile = (await core.ok('files.create', { ...wifeInput, members: [{ name: husband.name, relation: 'spouse', idNumber: husband.idNumber, monthlyIncomeFen: 0 }] }, staff)).id;

    const first = await readyDraft(core, staff, hisFile, 40_000);
    await core.ok('relief.submit', { id: first }, staff);
    expect((await core.ok('relief.decide', { id: first, decision: 'approve', comment: '' }, director)).status).toBe('payable');

    const second = await readyDraft(core, staff, herFile, 40_000);
    const advice = (await core.ok('relief.get', { id: second }, staff)).advice;
    const yearly = advice.rules.find((r) => r.id === 'yearly')!;
    expect(yearly.outcome).toBe('override');
    expect(yearly.text).toContain(husband.name);
    expect(advice.approvers).toContain('chair');
    // Without a written reason it cannot even be submitted; with one it needs the chair.
    expect(await core.call('relief.submit', { id: second }, staff)).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });
});
