// Dynamic monitoring at scale (issue 13): the due and overdue lists (a page) and the overview's counts at
// 1M files, read from the stored schedule (migration 0019), each beside its raw read and its 50 ms limit.
import type { Db } from '../../electron/db/open';
import { makeCore } from '../fixtures/core';
import { bulkFiles } from './bulk';
import { measure, type Measure } from './measure';

const NOW = new Date('2026-12-15T02:00:00Z');
const TODAY = '2026-12-15';
const LIMIT_MS = 50;

interface Trigger {
  name: string;
  sql: string;
}

/**
 * What the schedule triggers would have written for files bulkFiles inserted with the triggers dropped:
 * every file's due date from the rule view, the per-day counts by one GROUP BY (not a million upserts).
 */
function fillSchedule(db: Db, responsibleUserId: number): void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('worker_files', 'file_schedule')").all() as Trigger[];
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    // One file in ten has a 帮扶责任人 who is a user (the 'mine' lists).
    db.prepare('UPDATE worker_files SET responsible_user_id = ? WHERE id % 10 = 0').run(responsibleUserId);
    db.exec('DELETE FROM file_schedule; DELETE FROM file_schedule_days');
    db.exec('INSERT INTO file_schedule (file_id, due_on, responsible_user_id) SELECT file_id, due_on, responsible_user_id FROM file_schedule_rule');
    db.exec('INSERT INTO file_schedule_days (user_key, due_on, n) SELECT 0, due_on, count(*) FROM file_schedule GROUP BY due_on');
    db.exec(`INSERT INTO file_schedule_days (user_key, due_on, n)
      SELECT responsible_user_id, due_on, count(*) FROM file_schedule WHERE responsible_user_id IS NOT NULL GROUP BY 1, 2`);
    for (const t of triggers) db.exec(t.sql);
  })();
}

function verdict(m: Measure, results: Measure[]): void {
  results.push(m);
  console.log(`bench ${m.name} limit ${LIMIT_MS} ms ${m.medianMs <= LIMIT_MS ? 'within' : 'OVER THE LIMIT'}`);
}

/** BENCH_MONITORING_FILES (default 1,000,000) files created over ten years, none visited yet. */
export async function benchMonitoring(): Promise<void> {
  const count = Number(process.env.BENCH_MONITORING_FILES ?? 1_000_000);
  const core = await makeCore({ start: NOW });
  const results: Measure[] = [];
  try {
    const db = core.app.db;
    const staff = await core.tokenFor(['staff']);
    const staffId = (await core.ok('auth.me', {}, staff)).id;
    let start = Date.now();
    bulkFiles(db, count, NOW, 1);
    console.log(`生成 ${count.toLocaleString('en-US')} files: ${((Date.now() - start) / 1000).toFixed(1)} s`);
    start = Date.now();
    fillSchedule(db, staffId);
    console.log(`fill schedule: ${((Date.now() - start) / 1000).toFixed(1)} s`);
    db.pragma('optimize');

    const overview = await core.ok('monitoring.overview', { scope: 'all' }, staff);
    console.log(`bench monitoring: ${count} files, ${overview.overdue} overdue, ${overview.due} due within ${7} days`);
    // Floors: the same page and count read raw from the index.
    const page = db.prepare('SELECT file_id FROM file_schedule WHERE due_on BETWEEN ? AND ? ORDER BY due_on, file_id LIMIT 20 OFFSET ?');
    const sum = db.prepare('SELECT SUM(n) FROM file_schedule_days WHERE user_key = ? AND due_on BETWEEN ? AND ?');
    const overdueFloor = () => (page.all('0000-01-01', '2026-12-14', 0), sum.get(0, '0000-01-01', '2026-12-14'));
    const dueFloor = () => (page.all(TODAY, '2026-12-22', 0), sum.get(0, TODAY, '2026-12-22'));
    const countsFloor = () => (sum.get(0, TODAY, '2026-12-22'), sum.get(0, '0000-01-01', '2026-12-14'));

    for (const scope of ['all', 'mine'] as const) {
      verdict(await measure(`monitoring.overview.${scope}`, () => core.ok('monitoring.overview', { scope }, staff), countsFloor, 60, 5), results);
      verdict(await measure(`monitoring.schedule.overdue.${scope}`, () => core.ok('monitoring.schedule', { scope, show: 'overdue', page: 1, pageSize: 20 }, staff), overdueFloor, 60, 5), results);
      verdict(await measure(`monitoring.schedule.due.${scope}`, () => core.ok('monitoring.schedule', { scope, show: 'due', page: 1, pageSize: 20 }, staff), dueFloor, 60, 5), results);
    }
    verdict(await measure('monitoring.schedule.overdue.page500', () => core.ok('monitoring.schedule', { scope: 'all', show: 'overdue', page: 500, pageSize: 20 }, staff), overdueFloor, 30, 3), results);
    // A revisit recorded on one file: the triggers move its date and the day counts in the same write.
    const fileId = 777;
    const visit = { fileId, visitDate: TODAY, visitor: '接待员', method: 'phone' as const, findings: '电话回访，情况稳定' };
    const s = Date.now();
    await core.ok('monitoring.recordVisit', visit, staff);
    console.log(`bench monitoring.recordVisit one run ${(Date.now() - s).toFixed(0)} ms`);
    // A change of the intervals in force: every file recomputed once, in the settings write itself.
    const r = Date.now();
    await core.ok('settings.update', { changes: { monitorClearedMonths: 5 } }, core.adminToken);
    console.log(`bench monitoring.recompute-all (settings.update) one run ${((Date.now() - r) / 1000).toFixed(1)} s (${count.toLocaleString('en-US')} files)`);
    const o = Date.now();
    await core.ok('monitoring.overview', { scope: 'all' }, staff);
    console.log(`bench monitoring.overview after the change one run ${Date.now() - o} ms`);
  } finally {
    core.close();
  }
  console.log(`\nMonitoring at ${count.toLocaleString('en-US')} files (median ms, limit ${LIMIT_MS}):`);
  for (const m of results) console.log(m.name.padEnd(44), m.medianMs.toFixed(2).padStart(10), m.floorMs.toFixed(2).padStart(10), m.medianMs <= LIMIT_MS ? ' ok' : ' OVER');
}
