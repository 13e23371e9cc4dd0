// A revisit that finds members joining or leaving (or a marriage) re-tiers the file from the new household
// size and income; the director assigns a 帮扶责任人 to many files at once. Both audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCOME, makeWorld, singleFile, visit, type MonitoringWorld } from './setup';

let w: MonitoringWorld;
beforeAll(async () => {
  w = await makeWorld('2026-03-10');
});
afterAll(() => w.core.close());

const lastAudit = (channel: string) =>
  (w.core.app.db.prepare('SELECT summary, entity_id FROM audit_log WHERE channel = ? AND outcome = ? ORDER BY id DESC LIMIT 1').get(channel, 'ok') as {
    summary: string;
    entity_id: number | null;
  });
const spouse = { name: '周丽', relation: 'spouse' as const, monthlyIncomeFen: 0 };
const baby = { name: '周小宝', relation: 'child' as const, monthlyIncomeFen: 0 };

describe('household changes found on a revisit', () => {
  it('a marriage and a baby make three: per-capita income a third, the file re-tiered and due monthly', async () => {
    const f = await singleFile(w, INCOME.comfortable);
    await w.at('2026-04-01');
    const r = await w.ok(
      'staff',
      'monitoring.recordVisit',
      visit(f.id, '2026-04-01', { household: { ownMonthlyIncomeFen: INCOME.comfortable, members: [spouse, baby], maritalStatus: 'married' }, findings: '已结婚，孩子出生，爱人在家照顾' }),
    );
    expect(r.schedule).toMatchObject({ riskState: 'uncleared', perCapitaIncomeFen: 66_666, tier: 'le150', dueDate: '2026-05-01' });
    expect(r.visits[0]).toMatchObject({ householdChanged: true, householdSizeBefore: 1, householdSizeAfter: 3, perCapitaBeforeFen: 200_000, perCapitaAfterFen: 66_666 });
    const file = await w.ok('staff', 'files.get', { id: f.id });
    expect(file).toMatchObject({ householdSize: 3, maritalStatus: 'married', perCapitaIncomeFen: 66_666 });
    expect(file.members.map((m) => m.name)).toEqual(['周丽', '周小宝']);
    expect(r.timeline.at(-1)!.reason).toContain('家庭人口 1 人 → 3 人');
    const audit = lastAudit('monitoring.recordVisit');
    expect(audit.entity_id).toBe(f.id);
    expect(audit.summary).toContain('家庭人口：1 人 → 3 人');
    expect(audit.summary).toContain('婚姻：未婚 → 已婚');
  });

  it('members leaving raise the per-capita income: orange, then cleared and half-yearly again', async () => {
    const f = await singleFile(w, INCOME.comfortable, { maritalStatus: 'married', members: [spouse, baby] });
    await w.at('2026-05-01');
    // The child grows up and marries: no longer counted; two people on 2,000 元.
    const left = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-05-01', { household: { ownMonthlyIncomeFen: INCOME.comfortable, members: [spouse] } }));
    expect(left.schedule).toMatchObject({ perCapitaIncomeFen: 100_000, warning: 'orange', riskState: 'uncleared', dueDate: '2026-06-01' });
    expect(left.visits[0]).toMatchObject({ householdSizeBefore: 3, householdSizeAfter: 2 });
    await w.at('2026-06-01');
    // Divorced, living alone: the household is the worker only.
    const alone = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-06-01', { household: { ownMonthlyIncomeFen: INCOME.comfortable, members: [], maritalStatus: 'divorced' } }));
    expect(alone.schedule).toMatchObject({ perCapitaIncomeFen: 200_000, warning: null, riskState: 'cleared', dueDate: '2026-12-01' });
    expect((await w.ok('staff', 'files.get', { id: f.id })).householdSize).toBe(1);
  });

  it('a single parent flag found on the visit counts the children only', async () => {
    const f = await singleFile(w, 150_000, { maritalStatus: 'married', members: [spouse, baby] });
    const r = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-06-01', { household: { ownMonthlyIncomeFen: 150_000, members: [baby], singleParent: true } }));
    expect(r.visits[0]).toMatchObject({ householdSizeBefore: 3, householdSizeAfter: 2 });
    expect(r.schedule.perCapitaIncomeFen).toBe(75_000);
  });

  it('a visit without household figures leaves the household as it was', async () => {
    const f = await singleFile(w, INCOME.none, { maritalStatus: 'married', members: [spouse] });
    const r = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-06-01'));
    expect(r.visits[0]).toMatchObject({ householdChanged: false, householdSizeBefore: 2, householdSizeAfter: 2 });
  });
});

describe('bulk assignment of the 帮扶责任人', () => {
  it('a director assigns a user to the selected files at once; the lists and mine counts follow; one audit row names them', async () => {
    const files = [await singleFile(w, INCOME.none), await singleFile(w, INCOME.none), await singleFile(w, INCOME.comfortable)];
    const ids = files.map((f) => f.id);
    const before = (await w.ok('staff2', 'monitoring.schedule', { scope: 'mine', show: 'all', page: 1, pageSize: 200 })).total;
    expect(await w.ok('director', 'monitoring.assignResponsible', { fileIds: ids, userId: w.ids.staff2, name: '' })).toEqual({ assigned: 3 });
    const mine = await w.ok('staff2', 'monitoring.schedule', { scope: 'mine', show: 'all', page: 1, pageSize: 200 });
    expect(mine.total).toBe(before + 3);
    expect(mine.rows.map((r) => r.fileId)).toEqual(expect.arrayContaining(ids));
    for (const id of ids) expect((await w.ok('staff', 'monitoring.forFile', { fileId: id })).schedule).toMatchObject({ responsibleUserId: w.ids.staff2, responsible: '接待员小周' });
    const audit = lastAudit('monitoring.assignResponsible');
    expect(audit.summary).toContain('接待员小周，共 3 户');
    for (const f of files) expect(audit.summary).toContain(f.name);

    // A name typed in instead of a user: they leave the user's 'mine' list.
    await w.ok('director', 'monitoring.assignResponsible', { fileIds: ids.slice(0, 2), userId: null, name: '社区网格员老陈' });
    expect((await w.ok('staff2', 'monitoring.schedule', { scope: 'mine', show: 'all', page: 1, pageSize: 200 })).total).toBe(before + 1);
    expect((await w.ok('staff', 'monitoring.forFile', { fileId: ids[0]! })).schedule).toMatchObject({ responsibleUserId: null, responsible: '社区网格员老陈' });
  });

  it('the administrator may too; staff may not; a missing file or an unknown user changes nothing', async () => {
    const f = await singleFile(w, INCOME.none);
    expect(await w.core.ok('monitoring.assignResponsible', { fileIds: [f.id], userId: w.ids.staff, name: '' }, w.core.adminToken)).toEqual({ assigned: 1 });
    expect(await w.core.call('monitoring.assignResponsible', { fileIds: [f.id], userId: w.ids.staff2, name: '' }, w.tokens.staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const missing = await w.core.call('monitoring.assignResponsible', { fileIds: [f.id, 999_999], userId: w.ids.staff2, name: '' }, w.tokens.director);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('999999') } });
    const disabled = await w.core.call('monitoring.assignResponsible', { fileIds: [f.id], userId: 999_998, name: '' }, w.tokens.director);
    expect(disabled).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await w.ok('staff', 'monitoring.forFile', { fileId: f.id })).schedule.responsibleUserId).toBe(w.ids.staff);
  });
});
