// Small shared bits of the monitoring pages: tags and the roles that may record.
import { Tag } from 'antd';
import { EXIT_STATUS_LABELS, RISK_STATE_LABELS, type ExitStatus, type RiskState } from '../../../../shared/monitoring';

export const MONITOR_WRITERS = ['staff', 'director'] as const;
export const MONITOR_READERS = ['staff', 'director', 'chair', 'finance'] as const;

const RISK_STATE_COLORS: Record<RiskState, string> = { uncleared: 'red', cleared: 'blue', stable: 'green' };
export function RiskStateTag({ state }: { state: RiskState }) {
  return <Tag color={RISK_STATE_COLORS[state]}>{RISK_STATE_LABELS[state]}</Tag>;
}

const EXIT_COLORS: Record<ExitStatus, string> = { pending: 'gold', approved: 'green', rejected: 'default' };
export function ExitStatusTag({ status }: { status: ExitStatus }) {
  return <Tag color={EXIT_COLORS[status]}>{EXIT_STATUS_LABELS[status]}</Tag>;
}

/** '2026-11-03（逾期 5 天）' */
export const dueText = (dueDate: string, overdueDays: number) => (overdueDays > 0 ? `${dueDate}（逾期 ${overdueDays} 天）` : dueDate);
