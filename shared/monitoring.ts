// Dynamic monitoring (常态化帮扶, seed 001): risk states, revisit intervals and their labels.
import type { WarningLevel } from './household';
import type { FileStatus } from './workerFile';

/** 未消除风险 (a warning or income at/below the line), 已消除风险 (active, no warning), 稳定 (exited). */
export const RISK_STATES = ['uncleared', 'cleared', 'stable'] as const;
export type RiskState = (typeof RISK_STATES)[number];
export const RISK_STATE_LABELS: Record<RiskState, string> = { uncleared: '未消除风险', cleared: '已消除风险', stable: '稳定（已脱困）' };

export const VISIT_KINDS = ['revisit', 'holiday'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { revisit: '回访', holiday: '节日走访' };

export const VISIT_METHODS = ['home', 'phone', 'unit'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = { home: '入户', phone: '电话', unit: '到单位' };

export const RISK_EVENT_KINDS = ['warning', 'revisit', 'review', 'exit', 'reactivate'] as const;
export type RiskEventKind = (typeof RISK_EVENT_KINDS)[number];
export const RISK_EVENT_LABELS: Record<RiskEventKind, string> = {
  warning: '预警变更',
  revisit: '回访',
  review: '年审',
  exit: '解困脱困',
  reactivate: '恢复在档',
};

export const EXIT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];
export const EXIT_STATUS_LABELS: Record<ExitStatus, string> = { pending: '待主任审核', approved: '已批准脱困', rejected: '未批准' };

export interface MonitorIntervals {
  monitorUnclearedMonths: number;
  monitorClearedMonths: number;
  monitorStableMonths: number;
}

export function riskState(status: FileStatus, warning: WarningLevel | null, perCapitaFen: number, lineFen: number): RiskState {
  if (status === 'exited') return 'stable';
  return warning !== null || perCapitaFen <= lineFen ? 'uncleared' : 'cleared';
}

export function intervalMonths(state: RiskState, s: MonitorIntervals): number {
  return state === 'uncleared' ? s.monitorUnclearedMonths : state === 'cleared' ? s.monitorClearedMonths : s.monitorStableMonths;
}

/** '2026-01-31' + 1 month → '2026-02-28': the same day of the month, or the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The latest date the next revisit may fall on: the interval is a maximum (至少每…回访一次). */
export function latestNextDate(anchorDate: string, state: RiskState, s: MonitorIntervals): string {
  return addMonths(anchorDate, intervalMonths(state, s));
}

/** Due = the earlier of the visitor's chosen date and anchor + the interval of the state now (a new warning brings it forward). */
export function revisitDue(anchorDate: string, chosenNext: string | null, state: RiskState, s: MonitorIntervals): string {
  const latest = latestNextDate(anchorDate, state, s);
  return chosenNext !== null && chosenNext < latest ? chosenNext : latest;
}

/** '回访', or the holiday's visit: '春节走访'. */
export const visitKindText = (kind: VisitKind, occasion: string): string => (kind === 'holiday' ? `${occasion || '节日'}走访` : VISIT_KIND_LABELS.revisit);
