import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';
import { poorFile, readyDraft } from '../../fixtures/relief';

let core: TestCore;
afterEach(() => core.close());

const inboxes = async (token: string) => {
  const s = await core.ok('dashboard.summary', {}, token);
  return {
    approve: [s.reliefInbox, s.reliefInboxFen],
    awaitingNotice: [s.reliefAwaitingNotice, s.reliefAwaitingNoticeFen],
    noticesDue: [s.noticesDue, s.noticesDueFen],
    toPay: [s.reliefToPay, s.reliefToPayFen],
    dueNotices: s.dueNotices,
  };
};
const EMPTY = { approve: [0, 0], awaitingNotice: [0, 0], noticesDue: [0, 0], toPay: [0, 0], dueNotices: [] };

describe('the relief inboxes on the 工作台', () => {
  it('count and total each stage for the role that acts on it, and list notices whose period has ended', async () => {
    core = await makeCore({ start: shanghai('2026-11-22') });
    const staff = await core.tokenFor(['staff']);
    const director = await core.tokenFor(['director']);
    const finance = await core.tokenFor(['finance']);
    const approved = async (fen: number) => {
      const id = await readyDraft(core, staff, await poorFile(core, staff), fen);
      await core.ok('relief.submit', { id }, staff);
      await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
      return id;
    };
    const a = await approved(50_000);
    const b = await approved(60_000);
    const waiting = await readyDraft(core, staff, await poorFile(core, staff), 70_000);
    await core.ok('relief.submit', { id: waiting }, staff);

    expect(await inboxes(director)).toEqual({ ...EMPTY, approve: [1, 70_000], awaitingNotice: [2, 110_000] });
    expect(await inboxes(staff)).toEqual(EMPTY);
    expect(await inboxes(finance)).toEqual(EMPTY);

    const notice = await core.ok('relief.notices.create', { applicationIds: [a, b], startDate: '2026-11-22', endDate: '2026-11-27' }, director);
    await core.ok('relief.notices.object', { lineId: notice.lines[1]!.id, objection: '群众反映收入不实' }, staff);
    expect(await inboxes(director)).toEqual({ ...EMPTY, approve: [1, 70_000] });

    // The last day of the period is still in notice; the day after it, the notice waits for the director.
    core.clock.set(shanghai('2026-11-27'));
    const d27 = (await core.ok('auth.login', { username: 'u_director', password: TEST_PASSWORD })).token;
    expect((await inboxes(d27)).noticesDue).toEqual([0, 0]);
    core.clock.set(shanghai('2026-11-28'));
    const d28 = (await core.ok('auth.login', { username: 'u_director', password: TEST_PASSWORD })).token;
    const f28 = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
    const s28 = (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
    expect(await inboxes(d28)).toEqual({
      ...EMPTY,
      approve: [1, 70_000],
      noticesDue: [1, 110_000],
      dueNotices: [{ id: notice.id, number: notice.number, endDate: '2026-11-27', people: 2, totalFen: 110_000, openObjections: 1 }],
    });
    expect(await inboxes(s28)).toEqual(EMPTY);
    expect(await inboxes(f28)).toEqual(EMPTY);

    await core.ok('relief.notices.conclude', { id: notice.id }, d28);
    expect(await inboxes(d28)).toEqual({ ...EMPTY, approve: [1, 70_000] });
    expect(await inboxes(f28)).toEqual({ ...EMPTY, toPay: [1, 50_000] });
  });
});
