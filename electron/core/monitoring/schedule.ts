import type { ScheduleRow } from '../../../shared/contract/monitoring';
import type { Paged } from '../../../shared/contract/fields';
import { addDays } from '../../../shared/dates';
import { incomeTier, warningLevel, type RiskFlag } from '../../../shared/household';
import { riskState, type MonitorIntervals } from '../../../shared/monitoring';
import type { FileStatus } from '../../../shared/workerFile';
import type { Db } from '../../db/open';

// Due dates are stored per file (file_schedule, migration 0019), kept by triggers on every write to a file,
// so the lists read an index range a page at a time and the counts sum file_schedule_days. The warning and
// risk state shown beside them are still worked out here for the page's rows only.
interface ScheduleDbRow {
  id: number;
  name: string;
  work_unit: string;
  phone: string;
  status: FileStatus;
  risk_flag: RiskFlag;
  per_capita_income_fen: number;
  responsible_user_id: number | null;
  responsible_name: string;
  responsible_display: string | null;
  due_on: string;
  last_visit: string | null;
}

export interface ScheduleSettings extends MonitorIntervals {
  minLivingLineFen: number;
  monitorDueSoonDays: number;
}

export type ScheduleShow = 'due' | 'overdue' | 'all';

const COLUMNS = `f.id, f.name, f.work_unit, f.phone, f.status, f.risk_flag, f.per_capita_income_fen,
  f.responsible_user_id, f.responsible_name, u.display_name AS responsible_display, s.due_on,
  (SELECT MAX(visit_date) FROM file_revisits v WHERE v.file_id = f.id) AS last_visit`;
const JOINS = 'JOIN worker_files f ON f.id = s.file_id LEFT JOIN users u ON u.id = f.responsible_user_id';

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

interface Basis {
  line_fen: number;
  uncleared_months: number;
  cleared_months: number;
  stable_months: number;
}

/**
 * Recomputes every stored due date when the line or the intervals in force differ from those they were
 * computed with: a settings change, or one scheduled earlier that took effect today. One UPDATE, only
 * the rows whose date moves are written. Returns whether it recomputed.
 */
export function ensureScheduleBasis(db: Db, s: ScheduleSettings): boolean {
  const b = db.prepare('SELECT line_fen, uncleared_months, cleared_months, stable_months FROM monitor_schedule_basis WHERE id = 1').get() as Basis;
  if (
    b.line_fen === s.minLivingLineFen &&
    b.uncleared_months === s.monitorUnclearedMonths &&
    b.cleared_months === s.monitorClearedMonths &&
    b.stable_months === s.monitorStableMonths
  ) {
    return false;
  }
  db.prepare('UPDATE monitor_schedule_basis SET line_fen = ?, uncleared_months = ?, cleared_months = ?, stable_months = ? WHERE id = 1').run(
    s.minLivingLineFen,
    s.monitorUnclearedMonths,
    s.monitorClearedMonths,
    s.monitorStableMonths,
  );
  // The day-count triggers stand aside while every file moves; the counts are rebuilt by one GROUP BY each.
  db.exec(`UPDATE monitor_schedule_basis SET recomputing = 1 WHERE id = 1;
    UPDATE file_schedule SET due_on = d.due_on FROM file_schedule_rule d
      WHERE d.file_id = file_schedule.file_id AND file_schedule.due_on <> d.due_on;
    DELETE FROM file_schedule_days;
    INSERT INTO file_schedule_days (user_key, due_on, n) SELECT 0, due_on, count(*) FROM file_schedule GROUP BY due_on;
    INSERT INTO file_schedule_days (user_key, due_on, n)
      SELECT responsible_user_id, due_on, count(*) FROM file_schedule WHERE responsible_user_id IS NOT NULL GROUP BY 1, 2;
    UPDATE monitor_schedule_basis SET recomputing = 0 WHERE id = 1;`);
  return true;
}

function toScheduleRow(r: ScheduleDbRow, s: ScheduleSettings, today: string): ScheduleRow {
  const warning = r.status === 'active' ? warningLevel(r.risk_flag, r.per_capita_income_fen, s.minLivingLineFen) : null;
  return {
    fileId: r.id,
    name: r.name,
    workUnit: r.work_unit,
    phone: r.phone,
    status: r.status,
    warning,
    riskState: riskState(r.status, warning, r.per_capita_income_fen, s.minLivingLineFen),
    perCapitaIncomeFen: r.per_capita_income_fen,
    tier: incomeTier(r.per_capita_income_fen, s.minLivingLineFen),
    responsibleUserId: r.responsible_user_id,
    responsible: r.responsible_display ?? r.responsible_name,
    lastVisitDate: r.last_visit,
    dueDate: r.due_on,
    overdueDays: today > r.due_on ? daysBetween(r.due_on, today) : 0,
  };
}

/** The due-date range of a list: overdue = before today; due = today up to the reminder horizon. */
function range(show: ScheduleShow, today: string, dueSoonDays: number): { from: string; to: string } {
  if (show === 'overdue') return { from: '0000-01-01', to: addDays(today, -1) };
  if (show === 'due') return { from: today, to: addDays(today, dueSoonDays) };
  return { from: '0000-01-01', to: '9999-12-31' };
}

/** How many files fall in a list, summed over the days (no file row read). mineUserId null = every file. */
export function scheduleCount(db: Db, show: ScheduleShow, today: string, dueSoonDays: number, mineUserId: number | null): number {
  const { from, to } = range(show, today, dueSoonDays);
  const r = db.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM file_schedule_days WHERE user_key = ? AND due_on BETWEEN ? AND ?').get(mineUserId ?? 0, from, to) as {
    n: number;
  };
  return r.n;
}

/** One page of a list, earliest due first; 'mine' = the caller is 帮扶责任人. */
export function schedulePage(
  db: Db,
  s: ScheduleSettings,
  today: string,
  q: { show: ScheduleShow; mineUserId: number | null; page: number; pageSize: number },
): Paged<ScheduleRow> {
  const { from, to } = range(q.show, today, s.monitorDueSoonDays);
  const mine = q.mineUserId === null ? '' : 's.responsible_user_id = @user AND ';
  // The page's ids from the index alone first, so a deep page skips index entries, not joined file rows.
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM (SELECT file_id, due_on FROM file_schedule s WHERE ${mine}s.due_on BETWEEN @from AND @to
         ORDER BY s.due_on, s.file_id LIMIT @limit OFFSET @offset) s ${JOINS} ORDER BY s.due_on, s.file_id`,
    )
    .all({ user: q.mineUserId, from, to, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as ScheduleDbRow[];
  return { rows: rows.map((r) => toScheduleRow(r, s, today)), total: scheduleCount(db, q.show, today, s.monitorDueSoonDays, q.mineUserId) };
}

/** Every file due before `before` (the month's ledger), earliest first. */
export function scheduleRowsDueBefore(db: Db, s: ScheduleSettings, today: string, before: string): ScheduleRow[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM file_schedule s ${JOINS} WHERE s.due_on < ? ORDER BY s.due_on, s.file_id`).all(before) as ScheduleDbRow[];
  return rows.map((r) => toScheduleRow(r, s, today));
}

export function scheduleRowFor(db: Db, s: ScheduleSettings, today: string, fileId: number): ScheduleRow | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM file_schedule s ${JOINS} WHERE s.file_id = ?`).get(fileId) as ScheduleDbRow | undefined;
  return r ? toScheduleRow(r, s, today) : undefined;
}
