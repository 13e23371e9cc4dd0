import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import { makeCore, type TestCore } from '../../fixtures/core';
import { poorFile, readyDraft } from '../../fixtures/relief';

let core: TestCore;
let staff: string;
let director: string;
let chair: string;
let directorChair: string;
let file: number;

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  chair = await core.tokenFor(['chair']);
  directorChair = await core.tokenFor(['director', 'chair']);
  file = await poorFile(core, staff);
});
afterAll(() => core.close());

/** Submitted for a fresh household unless one is given (one grant a year per family). */
async function submitted(amountFen: number, proposer = staff, fileId?: number): Promise<number> {
  const id = await readyDraft(core, proposer, fileId ?? (await poorFile(core, staff)), amountFen);
  await core.ok('relief.submit', { id }, proposer);
  return id;
}

describe('relief workflow', () => {
  it('refuses submission while a required document is missing, naming it', async () => {
    const a = await core.ok('relief.create', { fileId: file, category: 'illness', amountFen: 40_000, reasons: '住院' }, staff);
    const r = await core.call('relief.submit', { id: a.id }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('县级以上医院诊断证明');
    expect((await core.ok('relief.get', { id: a.id }, staff)).status).toBe('draft');
  });

  it('counts the documents already on the worker\'s file as received', async () => {
    const { fakeFileInput } = await import('../../fixtures/files');
    const { createRng } = await import('../../fixtures/people');
    const f = await core.ok('files.create', fakeFileInput(createRng(77), { documents: ['file_form', 'household_ids'] }), staff);
    const a = await core.ok('relief.create', { fileId: f.id, category: 'festival', amountFen: 50_000, reasons: '春节慰问' }, staff);
    expect(a.documents.filter((d) => d.receivedBy !== null).map((d) => d.doc).sort()).toEqual(['file_form', 'household_ids']);
  });

  it('800 yuan: the director alone approves it, then it waits for the public notice', async () => {
    const id = await submitted(80_000);
    const a = await core.ok('relief.decide', { id, decision: 'approve', comment: '同意' }, director);
    expect(a).toMatchObject({ status: 'awaiting_notice', needsChair: false });
    expect(a.decisions.map((d) => [d.stage, d.decision])).toEqual([['staff', 'submit'], ['director', 'approve']]);
  });

  it('1,000 yuan: director then chair', async () => {
    const id = await submitted(100_000);
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director)).status).toBe('pending_chair');
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, chair)).status).toBe('awaiting_notice');
  });

  it('nobody approves their own proposal', async () => {
    const f = await poorFile(core, director);
    const id = await submitted(50_000, director, f);
    const r = await core.call('relief.decide', { id, decision: 'approve', comment: '' }, director);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('自己提出');
  });

  it('one person cannot give both approvals', async () => {
    const f = await poorFile(core, staff);
    const id = await submitted(100_000, staff, f);
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, directorChair)).status).toBe('pending_chair');
    const r = await core.call('relief.decide', { id, decision: 'approve', comment: '' }, directorChair);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect((await core.ok('relief.list', { page: 1, pageSize: 50, inbox: true }, directorChair)).rows.map((x) => x.id)).not.toContain(id);
    expect((await core.ok('relief.list', { page: 1, pageSize: 50, inbox: true }, chair)).rows.map((x) => x.id)).toContain(id);
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, chair)).status).toBe('awaiting_notice');
  });

  it('changing the amount after an approval sends it back to the director', async () => {
    const f = await poorFile(core, staff);
    const id = await submitted(100_000, staff, f);
    await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
    const a = await core.ok('relief.update', { id, application: { category: 'living', amountFen: 120_000, reasons: '改为1200', overrideReason: '特殊困难' } }, staff);
    expect(a.status).toBe('pending_director');
    expect(a.decisions.at(-1)).toMatchObject({ decision: 'amount_changed', amountFen: 120_000 });
  });

  it('returns for changes and rejects with a written comment', async () => {
    const f = await poorFile(core, staff);
    const id = await submitted(60_000, staff, f);
    expect(await core.call('relief.decide', { id, decision: 'return', comment: '' }, director)).toMatchObject({ error: { code: 'VALIDATION' } });
    expect((await core.ok('relief.decide', { id, decision: 'return', comment: '请补充收入证明' }, director)).status).toBe('draft');
    await core.ok('relief.submit', { id }, staff);
    expect((await core.ok('relief.decide', { id, decision: 'reject', comment: '经核实收入较高' }, director)).status).toBe('rejected');
    expect(await core.call('relief.submit', { id }, staff)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  const STAGES = ['submit', 'withdraw', 'decideDirector', 'decideChair'] as const;
  const ALLOWED: Record<(typeof STAGES)[number], Role[]> = {
    submit: ['staff', 'director'],
    withdraw: ['staff', 'director'],
    decideDirector: ['director'],
    decideChair: ['chair'],
  };
  it.each(STAGES.flatMap((s) => ROLES.map((r) => [s, r] as const)))('%s by %s', async (stage, role) => {
    const token = await core.tokenFor([role]);
    const f = await poorFile(core, staff);
    const id = await readyDraft(core, staff, f, 100_000);
    if (stage !== 'submit') await core.ok('relief.submit', { id }, staff);
    if (stage === 'decideChair') await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
    const r =
      stage === 'submit'
        ? await core.call('relief.submit', { id }, token)
        : stage === 'withdraw'
          ? await core.call('relief.withdraw', { id, reason: '申请人放弃' }, token)
          : await core.call('relief.decide', { id, decision: 'approve', comment: '' }, token);
    expect(r.ok, JSON.stringify(r)).toBe(ALLOWED[stage].includes(role));
  });
});

describe('overrides and policy versions', () => {
  it('an exclusion flag needs a written reason and the chair, whatever the amount', async () => {
    const f = await poorFile(core, staff);
    await core.ok('files.setExclusion', { fileId: f, kind: 'gambling', reason: '社区反映' }, staff);
    const id = await readyDraft(core, staff, f, 40_000);
    const r = await core.call('relief.submit', { id }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('例外理由');
    await core.ok('relief.update', { id, application: { category: 'living', amountFen: 40_000, reasons: '生活困难', overrideReason: '已戒赌两年，社区出具证明' } }, staff);
    await core.ok('relief.submit', { id }, staff);
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director)).status).toBe('pending_chair');
    expect((await core.ok('relief.decide', { id, decision: 'approve', comment: '同意例外' }, chair)).status).toBe('awaiting_notice');
  });

  it('a second grant within a year carries the warning and needs the chair', async () => {
    const f = await poorFile(core, staff);
    const first = await submitted(50_000, staff, f);
    await core.ok('relief.decide', { id: first, decision: 'approve', comment: '' }, director);
    const advice = await core.ok('relief.advise', { fileId: f, category: 'illness', amountFen: 50_000, facts: {} }, staff);
    expect(advice.verdict).toBe('override');
    expect(advice.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['yearly', 'otherCause']));
    expect(advice.approvers).toContain('chair');
  });

  it('a decision keeps the policy it was made under after the policy changes', async () => {
    const f = await poorFile(core, staff);
    const id = await submitted(80_000, staff, f);
    await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
    await core.ok('settings.update', { changes: { reliefChairThresholdFen: 50_000, reliefMinimumFen: 40_000 } }, core.adminToken);
    const a = await core.ok('relief.get', { id }, staff);
    expect(a.advice.approvers).toEqual(['director']);
    expect(a.advice.rules.find((r) => r.id === 'minimum')!.text).toContain('¥300.00');
    const stored = core.app.db.prepare('SELECT policy_json FROM relief_decisions WHERE application_id = ? AND stage = ?').get(id, 'director') as { policy_json: string };
    expect(JSON.parse(stored.policy_json)).toMatchObject({ reliefChairThresholdFen: 100_000, reliefMinimumFen: 30_000 });
    const fresh = await core.ok('relief.advise', { fileId: await poorFile(core, staff), category: 'living', amountFen: 80_000, facts: {} }, staff);
    expect(fresh.approvers).toEqual(['director', 'chair']);
    await core.ok('settings.update', { changes: { reliefChairThresholdFen: 100_000, reliefMinimumFen: 30_000 } }, core.adminToken);
  });
});
