// The stored revisit schedule (migration 0019): written by triggers on every write to a file, read a page
// at a time, counted per day, recomputed when the settings in force change, and filled in for old files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { household, INCOME, makeWorld, singleFile, visit, type MonitoringWorld } from './setup';

let w: MonitoringWorld;
beforeAll(async () => {
  w = await makeWorld('2026-03-10');
});
afterAll(() => w.core.close());

const stored = () => w.core.app.db.prepare('SELECT file_id, due_on, responsible_user_id FROM file_schedule ORDER BY file_id').all();
const days = () => w.core.app.db.prepare('SELECT user_key, due_on, n FROM file_schedule_days ORDER BY user_key, due_on').all();
const dueOf = (fileId: number) => (w.core.app.db.prepare('SELECT due_on FROM file_schedule WHERE file_id = ?').get(fileId) as { due_on: string }).due_on;

describe('stored revisit schedule', () => {
  it('keeps the stored date on writes that bypass the monitoring handlers, and the per-day counts with it', async () => {
    const f = await singleFile(w, INCOME.comfortable);
    expect(dueOf(f.id)).toBe('2026-09-10');
    // Any write to the income re-tiers the schedule, whoever makes it.
    w.core.app.db.prepare('UPDATE worker_files SET per_capita_income_fen = 0 WHERE id = ?').run(f.id);
    expect(dueOf(f.id)).toBe('2026-04-10');
    w.core.app.db.prepare('UPDATE worker_files SET per_capita_income_fen = ? WHERE id = ?').run(INCOME.comfortable, f.id);
    expect(dueOf(f.id)).toBe('2026-09-10');
    // The per-day totals always sum to the files, for everyone and per 帮扶责任人.
    const total = w.core.app.db.prepare('SELECT SUM(n) AS n FROM file_schedule_days WHERE user_key = 0').get() as { n: number };
    expect(total.n).toBe((w.core.app.db.prepare('SELECT COUNT(*) AS n FROM worker_files').get() as { n: number }).n);
  });

  it('a month-end anchor is clamped like addMonths: 31 January + 1 month is 28 February', async () => {
    const f = await singleFile(w, INCOME.none);
    w.core.app.db.prepare("UPDATE worker_files SET monitor_anchor_date = '2027-01-31', monitor_next_date = NULL WHERE id = ?").run(f.id);
    expect(dueOf(f.id)).toBe('2027-02-28');
    w.core.app.db.prepare("UPDATE worker_files SET monitor_anchor_date = '2028-01-31' WHERE id = ?").run(f.id);
    expect(dueOf(f.id)).toBe('2028-02-29');
  });

  it('pages the lists in due order with the total from the per-day counts', async () => {
    await w.at('2026-03-20');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await singleFile(w, INCOME.none));
    await w.at('2026-05-01');
    const overview = await w.ok('staff', 'monitoring.overview', { scope: 'all' });
    const first = await w.ok('staff', 'monitoring.schedule', { scope: 'all', show: 'overdue', page: 1, pageSize: 3 });
    const second = await w.ok('staff', 'monitoring.schedule', { scope: 'all', show: 'overdue', page: 2, pageSize: 3 });
    expect(first.total).toBe(overview.overdue);
    expect(first.rows).toHaveLength(3);
    const together = [...first.rows, ...second.rows];
    expect(together.map((r) => r.dueDate)).toEqual([...together.map((r) => r.dueDate)].sort());
    expect(new Set(together.map((r) => r.fileId)).size).toBe(together.length);
    const every = (await w.ok('staff', 'monitoring.schedule', { scope: 'all', show: 'overdue', page: 1, pageSize: 200 })).rows.map((r) => r.fileId);
    expect(every.slice(0, 6)).toEqual(together.map((r) => r.fileId));
    expect(every).toEqual(expect.arrayContaining(made.map((f) => f.id)));
  });

  it('recomputes every file when the line in force changes, including a change scheduled earlier that takes effect later', async () => {
    await w.at('2026-06-01');
    // 1,100 元 a head: above 150% of 780 (1,170)? no: orange, uncleared. Under a line of 700 (150% = 1,050) it is cleared.
    const f = await singleFile(w, 110_000);
    expect((await w.ok('staff', 'monitoring.forFile', { fileId: f.id })).schedule).toMatchObject({ riskState: 'uncleared', dueDate: '2026-07-01' });
    await w.core.ok('settings.update', { changes: { minLivingLineFen: 70_000 }, effectiveFrom: '2026-06-10' }, w.core.adminToken);
    expect((await w.ok('staff', 'monitoring.forFile', { fileId: f.id })).schedule.dueDate).toBe('2026-07-01');
    await w.at('2026-06-10');
    const after = await w.ok('staff', 'monitoring.overview', { scope: 'all' });
    expect(dueOf(f.id)).toBe('2026-12-01');
    expect((await w.ok('staff', 'monitoring.forFile', { fileId: f.id })).schedule).toMatchObject({ riskState: 'cleared', dueDate: '2026-12-01' });
    expect(after.overdue).toBe((await w.ok('staff', 'monitoring.schedule', { scope: 'all', show: 'overdue', page: 1, pageSize: 200 })).rows.length);
    await w.core.ok('settings.update', { changes: { minLivingLineFen: 78_000 } }, w.core.adminToken);
    expect((await w.ok('staff', 'monitoring.forFile', { fileId: f.id })).schedule.dueDate).toBe('2026-07-01');
  });

  it('the migration fills the schedule in for files that existed before it', async () => {
    const f = await singleFile(w, INCOME.orange);
    await w.ok('staff', 'monitoring.recordVisit', visit(f.id, '2026-06-10', { household: household(INCOME.none), nextDate: '2026-06-30' }));
    await w.ok('staff', 'monitoring.setResponsible', { fileId: f.id, userId: w.ids.staff2, name: '' });
    const before = { schedule: stored(), days: days() };
    const db = w.core.app.db;
    // Back to the shape before 0019, then migrate again.
    for (const t of ['file_schedule_file_insert', 'file_schedule_file_update', 'file_schedule_file_delete', 'file_schedule_days_insert', 'file_schedule_days_delete', 'file_schedule_days_update']) {
      db.exec(`DROP TRIGGER ${t}`);
    }
    for (const t of ['file_review_counts_insert', 'file_review_counts_delete', 'file_review_counts_status']) db.exec(`DROP TRIGGER ${t}`);
    const reviewCounts = db.prepare('SELECT * FROM file_review_counts ORDER BY year').all();
    db.exec('DROP VIEW file_schedule_rule; DROP TABLE file_schedule; DROP TABLE file_schedule_days; DROP TABLE monitor_schedule_basis; DROP TABLE file_review_counts');
    db.exec('ALTER TABLE file_revisits DROP COLUMN household_size_before; ALTER TABLE file_revisits DROP COLUMN household_size_after');
    db.exec(MIGRATIONS.find((m) => m.id === '0019_file_schedule')!.sql);
    expect(stored()).toEqual(before.schedule);
    expect(days()).toEqual(before.days);
    expect(dueOf(f.id)).toBe('2026-06-30');
    expect(db.prepare('SELECT * FROM file_review_counts ORDER BY year').all()).toEqual(reviewCounts);
  });

  it('keeps the 年审 progress of the overview with reviews, exits and reactivations', async () => {
    const progress = async () => {
      const o = await w.ok('staff', 'monitoring.overview', { scope: 'all' });
      const list = await w.ok('staff', 'monitoring.reviews', { year: 2026, show: 'pending', page: 1, pageSize: 1 });
      expect({ done: o.reviewDone, of: o.reviewTotal }).toEqual({ done: list.done, of: list.of });
      return o.reviewDone;
    };
    const a = await singleFile(w, INCOME.none);
    const start = await progress();
    await w.ok('staff', 'monitoring.review', { fileId: a.id, year: 2026, outcome: 'confirmed' });
    expect(await progress()).toBe(start + 1);
    await w.ok('director', 'files.exit', { id: a.id, reason: '已稳定就业' });
    expect(await progress()).toBe(start);
    await w.ok('director', 'files.reactivate', { id: a.id, reason: '再次失业' });
    expect(await progress()).toBe(start + 1);
  });
});
