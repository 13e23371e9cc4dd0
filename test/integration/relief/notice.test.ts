import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';
import { poorFile, readyDraft } from '../../fixtures/relief';

let core: TestCore;
afterEach(() => core.close());

async function approved(staff: string, director: string, amount: number): Promise<number> {
  const id = await readyDraft(core, staff, await poorFile(core, staff), amount);
  await core.ok('relief.submit', { id }, staff);
  await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
  return id;
}

describe('public notice', () => {
  it('holds lines with an objection and releases the rest only after the period', async () => {
    core = await makeCore({ start: shanghai('2026-11-22') });
    const staff = await core.tokenFor(['staff']);
    const director = await core.tokenFor(['director']);
    const ids = [await approved(staff, director, 50_000), await approved(staff, director, 60_000), await approved(staff, director, 70_000)];
    expect(await core.call('relief.notices.create', { applicationIds: ids, startDate: '2026-11-22', endDate: '2026-11-26' }, director)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const notice = await core.ok('relief.notices.create', { applicationIds: ids, startDate: '2026-11-22', endDate: '2026-11-27' }, director);
    expect(notice.lines.map((l) => l.maskedIdNumber)).toEqual(notice.lines.map((l) => expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/)));
    expect(notice.totalFen).toBe(180_000);
    const [a, b] = notice.lines;
    await core.ok('relief.notices.object', { lineId: a!.id, objection: '群众反映其家中有营业门面' }, staff);
    await core.ok('relief.notices.object', { lineId: b!.id, objection: '反映收入不实' }, staff);
    await core.ok('relief.notices.resolve', { lineId: b!.id, upheld: true, comment: '核实属实' }, director);
    expect(await core.call('relief.notices.conclude', { id: notice.id }, director)).toMatchObject({ ok: false, error: { code: 'RULE' } });

    core.clock.set(shanghai('2026-11-28'));
    const d2 = (await core.ok('auth.login', { username: 'u_director', password: TEST_PASSWORD })).token;
    const concluded = await core.ok('relief.notices.conclude', { id: notice.id }, d2);
    expect(concluded.lines.map((l) => l.status)).toEqual(['in_notice', 'rejected', 'payable']);
    expect(concluded.totalFen).toBe(120_000);
    const released = await core.ok('relief.notices.resolve', { lineId: a!.id, upheld: false, comment: '门面已转让，核实无误' }, d2);
    expect(released.lines[0]!.status).toBe('payable');
  });
});
