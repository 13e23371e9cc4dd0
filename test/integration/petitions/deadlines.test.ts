import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai, walkIn } from '../../fixtures/petitions';

let core: TestCore;
afterEach(() => core.close());

/** Moves the clock and logs in again (sessions expire after 30 idle minutes). */
async function at(date: string, time = '09:00') {
  core.clock.set(shanghai(date, time));
  return (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
}

describe('petition deadlines', () => {
  it('sets and judges deadlines across a year end', async () => {
    core = await makeCore({ start: shanghai('2026-12-20') });
    let staff = await core.tokenFor(['staff']);
    const p = await core.ok('petitions.register', walkIn(), staff);
    expect(p).toMatchObject({ acceptDue: '2027-01-04', answerDue: '2027-02-03', closeDue: '2027-02-18', overdue: null });

    staff = await at('2027-01-04', '23:59');
    expect((await core.ok('petitions.get', { id: p.id }, staff)).overdue).toBeNull();
    staff = await at('2027-01-05', '00:00');
    expect((await core.ok('petitions.get', { id: p.id }, staff)).overdue).toBe('accept');
    const overdue = await core.ok('petitions.list', { page: 1, pageSize: 10, overdueOnly: true }, staff);
    expect(overdue.rows.map((r) => r.id)).toEqual([p.id]);
    expect((await core.ok('dashboard.summary', {}, staff)).overduePetitions).toBe(1);

    const accepted = await core.ok('petitions.accept', { id: p.id, note: '' }, staff);
    expect(accepted).toMatchObject({ answerDue: '2027-02-04', overdue: null });
    staff = await at('2027-02-05');
    expect((await core.ok('petitions.get', { id: p.id }, staff)).overdue).toBe('answer');
    await core.ok('petitions.answer', { id: p.id, answer: '已答复' }, staff);
    staff = await at('2027-02-18');
    expect((await core.ok('petitions.get', { id: p.id }, staff)).overdue).toBeNull();
    staff = await at('2027-02-19');
    expect((await core.ok('petitions.get', { id: p.id }, staff)).overdue).toBe('close');
    await core.ok('petitions.close', { id: p.id, note: '已办结' }, staff);
    expect((await core.ok('petitions.list', { page: 1, pageSize: 10, overdueOnly: true }, staff)).total).toBe(0);
  });

  it('counts a month end correctly and follows the deadline settings', async () => {
    core = await makeCore({ start: shanghai('2026-01-31', '08:00') });
    const staff = await core.tokenFor(['staff']);
    expect((await core.ok('petitions.register', walkIn(), staff)).acceptDue).toBe('2026-02-15');
    await core.ok('settings.update', { changes: { petitionAcceptDays: 3, petitionCloseDays: 10 } }, core.adminToken);
    expect(await core.ok('petitions.register', walkIn(), staff)).toMatchObject({ acceptDue: '2026-02-03', closeDue: '2026-02-10' });
  });

  it('counts received, accepted, answered, closed, overdue and on-time per month and category', async () => {
    core = await makeCore({ start: shanghai('2026-03-02') });
    let staff = await core.tokenFor(['staff']);
    const a = await core.ok('petitions.register', walkIn({ category: 'relief' }), staff);
    const b = await core.ok('petitions.register', walkIn({ category: 'complaint' }), staff);
    await core.ok('petitions.register', walkIn({ category: 'relief' }), staff);
    for (const step of ['accept', 'answer', 'close'] as const) {
      const payload = step === 'answer' ? { id: a.id, answer: '已答复' } : { id: a.id, note: '办结' };
      await core.ok(`petitions.${step}`, payload as never, staff);
    }
    staff = await at('2026-05-05'); // b and the third one are now past their accept and close deadlines
    for (const step of ['accept', 'answer', 'close'] as const) {
      const payload = step === 'answer' ? { id: b.id, answer: '已答复' } : { id: b.id, note: '办结' };
      await core.ok(`petitions.${step}`, payload as never, staff);
    }
    const stats = await core.ok('petitions.stats', { year: 2026 }, staff);
    const march = stats.rows.filter((r) => r.month === '2026-03');
    expect(march.find((r) => r.category === 'relief')).toMatchObject({ received: 2, accepted: 1, closed: 1, closedOnTime: 1, overdue: 1 });
    expect(march.find((r) => r.category === 'complaint')).toMatchObject({ received: 1, accepted: 0, overdue: 1 });
    expect(stats.rows.find((r) => r.month === '2026-05' && r.category === 'complaint')).toMatchObject({ accepted: 1, closed: 1, closedOnTime: 0 });
    expect(stats.totals).toMatchObject({ received: 3, closed: 2, closedOnTime: 1, onTimeRate: 0.5 });
  });
});
