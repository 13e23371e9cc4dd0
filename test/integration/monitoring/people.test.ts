import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCOME, makeWorld, PEOPLE, singleFile, type MonitoringWorld } from './setup';

let w: MonitoringWorld;
beforeAll(async () => {
  w = await makeWorld('2026-03-10');
});
afterAll(() => w.core.close());

describe('帮扶责任人', () => {
  it('the picker offers active users only, and a disabled user cannot be made responsible', async () => {
    const people = await w.ok('staff', 'monitoring.people', {});
    expect(people.map((p) => p.displayName)).toEqual(expect.arrayContaining([PEOPLE.staff.displayName, PEOPLE.director.displayName]));

    await w.core.ok('users.update', { id: w.ids.staff2, displayName: PEOPLE.staff2.displayName, roles: [...PEOPLE.staff2.roles], active: false }, w.core.adminToken);
    const after = await w.ok('staff', 'monitoring.people', {});
    expect(after.map((p) => p.id)).not.toContain(w.ids.staff2);
    expect(after).toHaveLength(people.length - 1);

    const f = await singleFile(w, INCOME.none);
    const refused = await w.core.call('monitoring.setResponsible', { fileId: f.id, userId: w.ids.staff2, name: '' }, w.tokens.staff);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该用户，或该用户已停用' } });
    const named = await w.ok('staff', 'monitoring.setResponsible', { fileId: f.id, userId: null, name: '社区网格员老陈' });
    expect(named.schedule.responsible).toBe('社区网格员老陈');
  });
});
