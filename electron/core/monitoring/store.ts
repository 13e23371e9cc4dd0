import type { WorkerFile } from '../../../shared/contract/files';
import type { ExitCheck, ExitProposalView, FileMonitoring, RiskEventView, VisitView } from '../../../shared/contract/monitoring';
import { fail } from '../../../shared/errors';
import { warningLevel, type WarningLevel } from '../../../shared/household';
import { formatYuan } from '../../../shared/money';
import type { ExitStatus, RiskEventKind, VisitKind, VisitMethod } from '../../../shared/monitoring';
import type { Settings } from '../../../shared/settings';
import type { Db } from '../../db/open';
import { scheduleRowFor } from './schedule';

interface VisitRow {
  id: number;
  file_id: number;
  name: string;
  kind: VisitKind;
  occasion: string;
  visit_date: string;
  visitor: string;
  method: VisitMethod;
  findings: string;
  problems: string;
  help_arranged: string;
  per_capita_before_fen: number;
  per_capita_after_fen: number;
  household_changed: 0 | 1;
  household_size_before: number | null;
  household_size_after: number | null;
  next_date: string;
  recorded_by_name: string;
  recorded_at: string;
}

interface EventRow {
  id: number;
  file_id: number;
  name: string;
  event_date: string;
  kind: RiskEventKind;
  warning_before: WarningLevel | null;
  warning_after: WarningLevel | null;
  per_capita_fen: number;
  reason: string;
  by_name: string;
  at: string;
}

export interface ProposalRow {
  id: number;
  file_id: number;
  name: string;
  work_unit: string;
  per_capita_income_fen: number;
  reason: string;
  proposed_by: number;
  proposed_by_name: string;
  proposed_at: string;
  status: ExitStatus;
  decided_by_name: string | null;
  decided_at: string | null;
  comment: string;
}

export const VISIT_SELECT = `SELECT v.*, f.name, u.display_name AS recorded_by_name FROM file_revisits v
  JOIN worker_files f ON f.id = v.file_id JOIN users u ON u.id = v.recorded_by`;
export const EVENT_SELECT = `SELECT e.*, f.name, u.display_name AS by_name FROM file_risk_events e
  JOIN worker_files f ON f.id = e.file_id JOIN users u ON u.id = e.by_user`;
export const PROPOSAL_SELECT = `SELECT p.*, f.name, f.work_unit, f.per_capita_income_fen, a.display_name AS proposed_by_name, d.display_name AS decided_by_name
  FROM file_exit_proposals p JOIN worker_files f ON f.id = p.file_id JOIN users a ON a.id = p.proposed_by LEFT JOIN users d ON d.id = p.decided_by`;

export const toVisit = (r: VisitRow): VisitView => ({
  id: r.id,
  fileId: r.file_id,
  name: r.name,
  kind: r.kind,
  occasion: r.occasion,
  visitDate: r.visit_date,
  visitor: r.visitor,
  method: r.method,
  findings: r.findings,
  problems: r.problems,
  helpArranged: r.help_arranged,
  perCapitaBeforeFen: r.per_capita_before_fen,
  perCapitaAfterFen: r.per_capita_after_fen,
  householdChanged: r.household_changed === 1,
  householdSizeBefore: r.household_size_before,
  householdSizeAfter: r.household_size_after,
  nextDate: r.next_date,
  recordedBy: r.recorded_by_name,
  recordedAt: r.recorded_at,
});

export const toEvent = (r: EventRow): RiskEventView => ({
  id: r.id,
  fileId: r.file_id,
  name: r.name,
  eventDate: r.event_date,
  kind: r.kind,
  warningBefore: r.warning_before,
  warningAfter: r.warning_after,
  perCapitaFen: r.per_capita_fen,
  reason: r.reason,
  by: r.by_name,
  at: r.at,
});

export function toProposal(r: ProposalRow, caller: { id: number; roles: readonly string[] } | null): ExitProposalView {
  return {
    id: r.id,
    fileId: r.file_id,
    name: r.name,
    workUnit: r.work_unit,
    perCapitaIncomeFen: r.per_capita_income_fen,
    reason: r.reason,
    proposedBy: r.proposed_by_name,
    proposedAt: r.proposed_at,
    status: r.status,
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at,
    comment: r.comment,
    mayDecide: r.status === 'pending' && !!caller && caller.roles.includes('director') && caller.id !== r.proposed_by,
  };
}

export const visitRows = (db: Db, where: string, ...params: unknown[]): VisitView[] =>
  (db.prepare(`${VISIT_SELECT} WHERE ${where} ORDER BY v.visit_date, v.id`).all(...params) as VisitRow[]).map(toVisit);
export const eventRows = (db: Db, where: string, ...params: unknown[]): RiskEventView[] =>
  (db.prepare(`${EVENT_SELECT} WHERE ${where} ORDER BY e.event_date, e.id`).all(...params) as EventRow[]).map(toEvent);
export const proposalRows = (db: Db, where: string, ...params: unknown[]) =>
  db.prepare(`${PROPOSAL_SELECT} WHERE ${where} ORDER BY p.id DESC`).all(...params) as ProposalRow[];

export interface RiskEventInput {
  fileId: number;
  eventDate: string;
  kind: RiskEventKind;
  warningBefore: WarningLevel | null;
  warningAfter: WarningLevel | null;
  perCapitaFen: number;
  reason: string;
  userId: number;
  at: string;
}

export function recordRiskEvent(db: Db, e: RiskEventInput): void {
  db.prepare(
    `INSERT INTO file_risk_events (file_id, event_date, kind, warning_before, warning_after, per_capita_fen, reason, by_user, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.fileId, e.eventDate, e.kind, e.warningBefore, e.warningAfter, e.perCapitaFen, e.reason, e.userId, e.at);
}

/** The warning a file shows: none once it has exited. */
export const fileWarning = (f: Pick<WorkerFile, 'status' | 'riskFlag' | 'perCapitaIncomeFen'>, lineFen: number): WarningLevel | null =>
  f.status === 'active' ? warningLevel(f.riskFlag, f.perCapitaIncomeFen, lineFen) : null;

/** Exit may be proposed once the last N revisits all found per-capita income above the exit standard (001). */
export function exitCheck(db: Db, fileId: number, s: Settings): ExitCheck {
  const n = s.monitorExitRevisits;
  const standard = Math.ceil((s.minLivingLineFen * s.monitorExitIncomePercent) / 100);
  const recent = db
    .prepare('SELECT per_capita_after_fen FROM file_revisits WHERE file_id = ? ORDER BY visit_date DESC, id DESC LIMIT ?')
    .all(fileId, n) as { per_capita_after_fen: number }[];
  const rule = `最近 ${n} 次回访人均月收入均须高于 ${formatYuan(standard)}（低保线的 ${s.monitorExitIncomePercent}%）`;
  if (recent.length < n) return { eligible: false, explanation: `${rule}；目前只有 ${recent.length} 次回访记录` };
  const below = recent.filter((r) => r.per_capita_after_fen * 100 <= s.minLivingLineFen * s.monitorExitIncomePercent).length;
  if (below > 0) return { eligible: false, explanation: `${rule}；其中 ${below} 次未达到` };
  return { eligible: true, explanation: `${rule}；已达到` };
}

export function fileMonitoring(db: Db, fileId: number, s: Settings, today: string, caller: { id: number; roles: readonly string[] } | null): FileMonitoring {
  const schedule = scheduleRowFor(db, s, today, fileId) ?? fail('NOT_FOUND', `找不到编号为 ${fileId} 的档案`);
  const reviews = db
    .prepare(
      `SELECT r.year, r.outcome, r.note, u.display_name AS reviewedBy, r.reviewed_at AS reviewedAt FROM file_yearly_reviews r
       JOIN users u ON u.id = r.reviewed_by WHERE r.file_id = ? ORDER BY r.year DESC`,
    )
    .all(fileId) as FileMonitoring['reviews'];
  return {
    schedule,
    visits: visitRows(db, 'v.file_id = ?', fileId).reverse(),
    timeline: eventRows(db, 'e.file_id = ?', fileId),
    exitProposals: proposalRows(db, 'p.file_id = ?', fileId).map((r) => toProposal(r, caller)),
    reviews,
    exitCheck: exitCheck(db, fileId, s),
  };
}
