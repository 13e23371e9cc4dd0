import type { ScheduleRow } from '../../../shared/contract/monitoring';
import { addDays, localDate } from '../../../shared/dates';
import { incomeTier, warningLevel, type RiskFlag } from '../../../shared/household';
import { revisitDue, riskState, type MonitorIntervals } from '../../../shared/monitoring';
import type { FileStatus } from '../../../shared/workerFile';
import type { Db } from '../../db/open';

// Due dates depend on the warning, which depends on the line in force today, so they are computed
// on read in TS from a few columns per file (one query, no per-file statements).
interface ScheduleDbRow {
  id: number;
  name: string;
  work_unit: string;
  phone: string;
  status: FileStatus;
  risk_flag: RiskFlag;
  per_capita_income_fen: number;
  created_at: string;
  monitor_anchor_date: string | null;
  monitor_next_date: string | null;
  responsible_user_id: number | null;
  responsible_name: string;
  responsible_display: string | null;
  last_visit: string | null;
}

export interface ScheduleSettings extends MonitorIntervals {
  minLivingLineFen: number;
  monitorDueSoonDays: number;
}

const SELECT = `SELECT f.id, f.name, f.work_unit, f.phone, f.status, f.risk_flag, f.per_capita_income_fen, f.created_at,
  f.monitor_anchor_date, f.monitor_next_date, f.responsible_user_id, f.responsible_name, u.display_name AS responsible_display,
  (SELECT MAX(visit_date) FROM file_revisits v WHERE v.file_id = f.id) AS last_visit
  FROM worker_files f LEFT JOIN users u ON u.id = f.responsible_user_id`;

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function toScheduleRow(r: ScheduleDbRow, s: ScheduleSettings, today: string): ScheduleRow {
  const warning = r.status === 'active' ? warningLevel(r.risk_flag, r.per_capita_income_fen, s.minLivingLineFen) : null;
  const state = riskState(r.status, warning, r.per_capita_income_fen, s.minLivingLineFen);
  const anchor = r.monitor_anchor_date ?? localDate(new Date(r.created_at));
  const dueDate = revisitDue(anchor, r.monitor_next_date, state, s);
  return {
    fileId: r.id,
    name: r.name,
    workUnit: r.work_unit,
    phone: r.phone,
    status: r.status,
    warning,
    riskState: state,
    perCapitaIncomeFen: r.per_capita_income_fen,
    tier: incomeTier(r.per_capita_income_fen, s.minLivingLineFen),
    responsibleUserId: r.responsible_user_id,
    responsible: r.responsible_display ?? r.responsible_name,
    lastVisitDate: r.last_visit,
    dueDate,
    overdueDays: today > dueDate ? daysBetween(dueDate, today) : 0,
  };
}

/** Every file under monitoring (active and exited), earliest due first; 'mine' = the caller is 帮扶责任人. */
export function scheduleRows(db: Db, s: ScheduleSettings, today: string, mineUserId: number | null): ScheduleRow[] {
  const rows = (
    mineUserId === null ? db.prepare(SELECT).all() : db.prepare(`${SELECT} WHERE f.responsible_user_id = ?`).all(mineUserId)
  ) as ScheduleDbRow[];
  return rows.map((r) => toScheduleRow(r, s, today)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.fileId - b.fileId);
}

export function scheduleRowFor(db: Db, s: ScheduleSettings, today: string, fileId: number): ScheduleRow | undefined {
  const r = db.prepare(`${SELECT} WHERE f.id = ?`).get(fileId) as ScheduleDbRow | undefined;
  return r ? toScheduleRow(r, s, today) : undefined;
}

export type ScheduleShow = 'due' | 'overdue' | 'all';

/** 'overdue': past the due date; 'due': due today or within the reminder window, not yet overdue. */
export function filterSchedule(rows: ScheduleRow[], show: ScheduleShow, today: string, dueSoonDays: number): ScheduleRow[] {
  if (show === 'all') return rows;
  if (show === 'overdue') return rows.filter((r) => r.overdueDays > 0);
  const horizon = addDays(today, dueSoonDays);
  return rows.filter((r) => r.overdueDays === 0 && r.dueDate <= horizon);
}
