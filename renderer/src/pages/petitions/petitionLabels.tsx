// Small shared bits of the petition pages: tags and date formatting.
import { Tag } from 'antd';
import type { PetitionSummary } from '../../../../shared/contract/petitions';
import { ISO_DATE, localDate, localDateTime } from '../../../../shared/dates';
import {
  OVERDUE_LABELS,
  PETITION_STATUS_LABELS,
  URGENCY_LABELS,
  type OverdueStage,
  type PetitionStatus,
  type Urgency,
} from '../../../../shared/petition';

export const COUNTER_ROLES = ['staff', 'director'] as const;
export const READER_ROLES = ['staff', 'director', 'chair', 'finance'] as const;

export const STATUS_COLORS: Record<PetitionStatus, string> = {
  registered: 'default',
  accepted: 'blue',
  in_progress: 'processing',
  answered: 'cyan',
  closed: 'green',
};

export function PetitionStatusTag({ status, testId }: { status: PetitionStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId}>
      {PETITION_STATUS_LABELS[status]}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  if (urgency === 'normal') return <span>{URGENCY_LABELS.normal}</span>;
  return <Tag color={urgency === 'very_urgent' ? 'magenta' : 'orange'}>{URGENCY_LABELS[urgency]}</Tag>;
}

/** The core decides whether a petition is overdue; this only shows its verdict. */
export function OverdueTag({ stage }: { stage: OverdueStage | null }) {
  if (!stage) return null;
  return (
    <Tag color="red" data-testid="petition-overdue-tag">
      {OVERDUE_LABELS[stage]}
    </Tag>
  );
}

/** A timestamp (ISO instant) as centre-local 'YYYY-MM-DD HH:mm'. */
export const dateTime = (iso: string) => localDateTime(new Date(iso));

/** A deadline as 'YYYY-MM-DD', whether the core sends a plain date or an instant. */
export const dueDate = (v: string) => (ISO_DATE.test(v) ? v : localDate(new Date(v)));

/** The deadline the petition is working towards now, by its status; null once closed. */
export function nextDue(p: Pick<PetitionSummary, 'status' | 'acceptDue' | 'answerDue' | 'closeDue'>): { label: string; date: string } | null {
  switch (p.status) {
    case 'registered':
      return { label: '受理', date: dueDate(p.acceptDue) };
    case 'accepted':
    case 'in_progress':
      return { label: '答复', date: dueDate(p.answerDue) };
    case 'answered':
      return { label: '办结', date: dueDate(p.closeDue) };
    case 'closed':
      return null;
  }
}
