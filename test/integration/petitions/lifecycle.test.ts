import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDef } from '../../../shared/contract/define';
import { contract } from '../../../shared/api';
import { PETITION_STATUSES, PETITION_TRANSITIONS, type PetitionStatus } from '../../../shared/petition';
import { ROLES, type Role } from '../../../shared/roles';
import { makeCore, type TestCore } from '../../fixtures/core';
import { walkIn } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
let director: string;
let directorId: number;
beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  directorId = (core.app.db.prepare("SELECT id FROM users WHERE username = 'u_director'").get() as { id: number }).id;
});
afterAll(() => core.close());

const PATH: Record<PetitionStatus, ('accept' | 'start' | 'answer' | 'close')[]> = {
  registered: [],
  accepted: ['accept'],
  in_progress: ['accept', 'start'],
  answered: ['accept', 'start', 'answer'],
  closed: ['accept', 'start', 'answer', 'close'],
};

/** A petition brought to `status` through the legal steps. */
async function petitionIn(status: PetitionStatus): Promise<number> {
  const { id } = await core.ok('petitions.register', walkIn(), staff);
  for (const action of PATH[status]) await mustStep(action, id, staff);
  return id;
}

type Step = keyof typeof PETITION_TRANSITIONS | 'reassign';

function payloadFor(action: Step, id: number) {
  const payloads = {
    accept: { id, note: '' },
    start: { id, note: '' },
    answer: { id, answer: '已告知救助政策和所需材料。' },
    close: { id, note: '来访人表示满意。' },
    reopen: { id, reason: '来访人再次反映问题未解决。' },
    reassign: { id, handlerId: directorId, reason: '原经办人休假' },
  } as const;
  return payloads[action] as never;
}

const doStep = (action: Step, id: number, token: string) => core.call(`petitions.${action}`, payloadFor(action, id), token);
const mustStep = (action: Step, id: number, token: string) => core.ok(`petitions.${action}`, payloadFor(action, id), token);

describe('petition lifecycle', () => {
  const cases = (Object.keys(PETITION_TRANSITIONS) as (keyof typeof PETITION_TRANSITIONS)[]).flatMap((action) =>
    PETITION_STATUSES.map((from) => [action, from] as const),
  );
  it.each(cases)('%s from %s: allowed only where the lifecycle says', async (action, from) => {
    const id = await petitionIn(from);
    const r = await doStep(action, id, director);
    const legal = PETITION_TRANSITIONS[action].from.includes(from);
    expect(r.ok, JSON.stringify(r)).toBe(legal);
    if (legal && r.ok) expect(r.data.status).toBe(PETITION_TRANSITIONS[action].to);
    if (!legal && !r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toMatch(/不能/);
    }
  });

  it('records who did each step and when, and requires the answer and closing texts', async () => {
    const id = await petitionIn('in_progress');
    expect(await core.call('petitions.answer', { id, answer: '' }, staff)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await mustStep('answer', id, staff);
    expect(await core.call('petitions.close', { id, note: ' ' }, staff)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const closed = await mustStep('close', id, staff);
    expect(closed.events.map((e) => e.action)).toEqual(['register', 'accept', 'start', 'answer', 'close']);
    expect(new Set(closed.events.map((e) => e.by))).toEqual(new Set(['测试staff']));
    expect(closed).toMatchObject({ status: 'closed', answer: '已告知救助政策和所需材料。', closingNote: '来访人表示满意。' });
  });

  const roleCases = (['accept', 'start', 'answer', 'close', 'reopen', 'reassign'] as const).flatMap((a) => ROLES.map((r) => [a, r] as const));
  it.each(roleCases)('%s by %s: only the roles the contract names', async (action, role) => {
    const from: PetitionStatus = action === 'reopen' ? 'closed' : action === 'reassign' ? 'registered' : (PETITION_TRANSITIONS[action].from[0] as PetitionStatus);
    const id = await petitionIn(from);
    const r = await doStep(action, id, await core.tokenFor([role]));
    const access = (contract[`petitions.${action}`] as ChannelDef).access as readonly Role[];
    expect(r.ok, `${action} as ${role}: ${JSON.stringify(r)}`).toBe(access.includes(role));
  });

  it('reassigns and reopens with a reason, audited', async () => {
    const id = await petitionIn('closed');
    const reopened = await core.ok('petitions.reopen', { id, reason: '来访人再次反映问题未解决。' }, director);
    expect(reopened).toMatchObject({ status: 'in_progress', answer: null, closedAt: null });
    const handlers = await core.ok('petitions.handlers', {}, staff);
    const dir = handlers.find((h) => h.displayName === '测试director')!;
    const moved = await core.ok('petitions.reassign', { id, handlerId: dir.id, reason: '转主任亲自处理' }, director);
    expect(moved.handlerName).toBe('测试director');
    const audit = core.app.db.prepare("SELECT channel, summary FROM audit_log WHERE entity_type = 'petition' AND entity_id = ? ORDER BY id").all(id) as { channel: string; summary: string }[];
    expect(audit.map((a) => a.channel).slice(-2)).toEqual(['petitions.reopen', 'petitions.reassign']);
    expect(audit.at(-1)!.summary).toContain('转主任亲自处理');
    expect(await core.call('petitions.reassign', { id, handlerId: 1, reason: '管理员不能经办' }, director)).toMatchObject({ error: { code: 'VALIDATION' } });
  });

  it('takes the visitor from a worker file and shows up in that file\'s petitions', async () => {
    const { fakeFileInput } = await import('../../fixtures/files');
    const { createRng } = await import('../../fixtures/people');
    const file = await core.ok('files.create', fakeFileInput(createRng(5)), staff);
    const p = await core.ok('petitions.register', { channel: 'phone', fileId: file.id, category: 'legal_aid', request: '单位拖欠工资三个月。' }, staff);
    expect(p).toMatchObject({ visitorName: file.name, visitorIdNumber: file.idNumber, fileId: file.id });
    const list = await core.ok('petitions.list', { page: 1, pageSize: 20, fileId: file.id }, staff);
    expect(list.rows.map((r) => r.id)).toEqual([p.id]);
    expect(await core.call('petitions.register', { channel: 'visit', category: 'other', request: '咨询' }, staff)).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});
