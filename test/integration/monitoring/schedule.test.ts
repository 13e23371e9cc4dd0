import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleRow } from '../../../shared/contract/monitoring';
import { household, INCOME, makeWorld, singleFile, visit, type MonitoringWorld } from './setup';

let w: MonitoringWorld;
beforeAll(async () => {
  w = await makeWorld('2026-03-10');
});
afterAll(() => w.core.close());

async function scheduleOf(fileId: number): Promise<ScheduleRow> {
  return (await w.ok('staff', 'monitoring.forFile', { fileId })).schedule;
}
async function list(who: 'staff' | 'staff2', scope: 'mine' | 'all', show: 'due' | 'overdue' | 'all') {
  return (await w.ok(who, 'monitoring.schedule', { scope, show, page: 1, pageSize: 200 })).rows;
}

describe('revisit schedule', () => {
  it('sets the due date from the risk state: uncleared monthly, cleared half-yearly, stable yearly', async () => {
    const poor = await singleFile(w, INCOME.none);
    const orange = await singleFile(w, INCOME.orange);
    const red = await singleFile(w, INCOME.comfortable, { riskFlag: 'red', riskNote: '突发重病住院' });
    const cleared = await singleFile(w, INCOME.comfortable);
    expect(await scheduleOf(poor.id)).toMatchObject({ riskState: 'uncleared', dueDate: '2026-04-10', overdueDays: 0 });
    expect(await scheduleOf(orange.id)).toMatchObject({ riskState: 'uncleared', warning: 'orange', dueDate: '2026-04-10' });
    expect(await scheduleOf(red.id)).toMatchObject({ riskState: 'uncleared', warning: 'red', dueDate: '2026-04-10' });
    expect(await scheduleOf(cleared.id)).toMatchObject({ riskState: 'cleared', warning: null, dueDate: '2026-09-10' });

    // Exited through the director's review: stable, yearly from the exit date.
    const exiting = await singleFile(w, INCOME.comfortable);
    await w.ok('director', 'files.exit', { id: exiting.id, reason: '已稳定就业，收入超过低保线两倍' });
    expect(await scheduleOf(exiting.id)).toMatchObject({ riskState: 'stable', dueDate: '2027-03-10' });
  });

  it('follows the interval settings when they change', async () => {
    const poor = await singleFile(w, INCOME.none);
    const cleared = await singleFile(w, INCOME.comfortable);
    await w.core.ok('settings.update', { changes: { monitorUnclearedMonths: 2, monitorClearedMonths: 3 } }, w.core.adminToken);
    expect((await scheduleOf(poor.id)).dueDate).toBe('2026-05-10');
    expect((await scheduleOf(cleared.id)).dueDate).toBe('2026-06-10');
    await w.core.ok('settings.update', { changes: { monitorUnclearedMonths: 1, monitorClearedMonths: 6 } }, w.core.adminToken);
    expect((await scheduleOf(poor.id)).dueDate).toBe('2026-04-10');
  });

  it('re-tiers the file when a revisit finds the income fell, and brings the next revisit forward', async () => {
    const f = await singleFile(w, INCOME.comfortable);
    await w.at('2026-05-20');
    const result = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-05-18', { household: household(50_000), findings: '单位停产，本人月收入降到 500 元' }));
    expect(result.schedule).toMatchObject({ riskState: 'uncleared', perCapitaIncomeFen: 50_000, tier: 'le150', dueDate: '2026-06-18', lastVisitDate: '2026-05-18' });
    expect(result.visits[0]).toMatchObject({ perCapitaBeforeFen: 200_000, perCapitaAfterFen: 50_000, householdChanged: true, nextDate: '2026-06-18' });
    expect(result.timeline.at(-1)).toMatchObject({ kind: 'revisit', perCapitaFen: 50_000, eventDate: '2026-05-18' });
    const stored = await w.ok('staff', 'files.get', { id: f.id });
    expect(stored.ownMonthlyIncomeFen).toBe(50_000);
    // A later revisit finding the income back: the half-yearly interval again.
    await w.at('2026-06-15');
    const back = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-06-15', { household: household(INCOME.comfortable) }));
    expect(back.schedule).toMatchObject({ riskState: 'cleared', dueDate: '2026-12-15' });
  });

  it('takes an earlier next date the visitor chose, and refuses one past the interval or before the visit', async () => {
    await w.at('2026-06-10');
    const f = await singleFile(w, INCOME.comfortable);
    await w.at('2026-06-15');
    const chosen = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-06-14', { nextDate: '2026-08-01' }));
    expect(chosen.schedule.dueDate).toBe('2026-08-01');
    const late = await w.core.call('monitoring.recordVisit', visit(f.id, '2026-06-15', { nextDate: '2027-01-01' }), w.tokens.staff);
    expect(late).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const early = await w.core.call('monitoring.recordVisit', visit(f.id, '2026-06-15', { nextDate: '2026-06-15' }), w.tokens.staff);
    expect(early).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const future = await w.core.call('monitoring.recordVisit', visit(f.id, '2026-06-16'), w.tokens.staff);
    expect(future).toMatchObject({ ok: false, error: { code: 'RULE', message: '回访日期不能晚于今天' } });
    const beforeLast = await w.core.call('monitoring.recordVisit', visit(f.id, '2026-06-12'), w.tokens.staff);
    expect(beforeLast).toMatchObject({ ok: false, error: { code: 'RULE', message: '回访日期不能早于上次回访（2026-06-14）' } });
  });

  it('a holiday visit needs its occasion', async () => {
    const f = await singleFile(w, INCOME.none);
    const bare = await w.core.call('monitoring.recordVisit', visit(f.id, '2026-06-15', { kind: 'holiday' }), w.tokens.staff);
    expect(bare).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ok = await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-06-15', { kind: 'holiday', occasion: '端午节' }));
    expect(ok.visits[0]).toMatchObject({ kind: 'holiday', occasion: '端午节' });
  });
});

describe('due and overdue lists', () => {
  it('counts overdue files in the overview and lists them; mine is the files the caller is responsible for', async () => {
    await w.at('2026-07-01');
    const mine = await singleFile(w, INCOME.none);
    const theirs = await singleFile(w, INCOME.none);
    const nobody = await singleFile(w, INCOME.comfortable);
    await w.ok('staff', 'monitoring.setResponsible', { fileId: mine.id, userId: w.ids.staff, name: '' });
    await w.ok('staff', 'monitoring.setResponsible', { fileId: theirs.id, userId: w.ids.staff2, name: '' });
    await w.ok('staff', 'monitoring.setResponsible', { fileId: nobody.id, userId: null, name: '社区网格员老陈' });

    // A week before: due soon (the reminder window is 7 days), not overdue.
    await w.at('2026-07-25');
    let due = await list('staff', 'mine', 'due');
    expect(due.map((r) => r.fileId)).toEqual([mine.id]);
    expect(due[0]).toMatchObject({ responsible: '接待员小李', dueDate: '2026-08-01' });
    expect((await list('staff', 'all', 'due')).map((r) => r.fileId)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await list('staff', 'all', 'due')).map((r) => r.fileId)).not.toContain(nobody.id);

    await w.at('2026-08-04');
    const overdueAll = await list('staff', 'all', 'overdue');
    const overdueMine = await list('staff', 'mine', 'overdue');
    expect(overdueMine.map((r) => r.fileId)).toEqual([mine.id]);
    expect(overdueMine[0]!.overdueDays).toBe(3);
    expect(overdueAll.map((r) => r.fileId)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(overdueAll.every((r) => r.overdueDays > 0)).toBe(true);
    const overview = await w.ok('staff', 'monitoring.overview', { scope: 'all' });
    expect(overview.overdue).toBe(overdueAll.length);
    expect((await w.ok('staff', 'monitoring.overview', { scope: 'mine' })).overdue).toBe(1);
    expect((await w.ok('staff2', 'monitoring.overview', { scope: 'mine' })).overdue).toBe(1);
    const nobodyRow = (await list('staff', 'all', 'all')).find((r) => r.fileId === nobody.id);
    expect(nobodyRow).toMatchObject({ responsible: '社区网格员老陈', responsibleUserId: null, overdueDays: 0 });

    // Visiting clears it from overdue and moves it on a month.
    await w.ok('staff', 'monitoring.recordVisit', visit(mine.id, '2026-08-04'));
    expect(await list('staff', 'mine', 'overdue')).toEqual([]);
    expect((await w.ok('staff', 'monitoring.overview', { scope: 'all' })).overdue).toBe(overdueAll.length - 1);
    expect((await list('staff', 'mine', 'all'))[0]).toMatchObject({ dueDate: '2026-09-04', overdueDays: 0 });
  });

  it('exports the list it shows', async () => {
    const x = await w.ok('staff', 'monitoring.scheduleXlsx', { scope: 'all', show: 'overdue' });
    expect(x.fileName).toMatch(/^回访计划-2026-08-04\.xlsx$/);
    expect(Buffer.from(x.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
