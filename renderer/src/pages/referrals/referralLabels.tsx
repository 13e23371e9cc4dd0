// Small shared bits of the job-referral and legal-aid pages: tags, dates and the query string.
import { Tag } from 'antd';
import { localDateTime } from '../../../../shared/dates';
import {
  LEGAL_OUTCOME_LABELS,
  LEGAL_STATUS_LABELS,
  REFERRAL_OUTCOME_LABELS,
  SEEKER_PRIORITY_LABELS,
  type LegalOutcome,
  type LegalStatus,
  type ReferralOutcome,
  type SeekerPriority,
} from '../../../../shared/referral';

export const COUNTER_ROLES = ['staff', 'director'] as const;
export const READER_ROLES = ['staff', 'director', 'chair', 'finance'] as const;

/** A timestamp (ISO instant) as centre-local 'YYYY-MM-DD HH:mm'. */
export const dateTime = (iso: string) => localDateTime(new Date(iso));

const OUTCOME_COLORS: Record<ReferralOutcome, string> = { pending: 'processing', hired: 'green', not_hired: 'default' };
export function OutcomeTag({ outcome }: { outcome: ReferralOutcome }) {
  return (
    <Tag color={OUTCOME_COLORS[outcome]} data-testid="referral-outcome">
      {REFERRAL_OUTCOME_LABELS[outcome]}
    </Tag>
  );
}

const LEGAL_COLORS: Record<LegalStatus, string> = { intake: 'gold', referred: 'blue', closed: 'green' };
export function LegalStatusTag({ status, outcome }: { status: LegalStatus; outcome?: LegalOutcome | null }) {
  return (
    <Tag color={LEGAL_COLORS[status]} data-testid="legal-status">
      {LEGAL_STATUS_LABELS[status]}
      {outcome ? `（${LEGAL_OUTCOME_LABELS[outcome]}）` : ''}
    </Tag>
  );
}

const PRIORITY_COLORS: Record<SeekerPriority, string> = { laid_off_model_worker: 'red', laid_off: 'orange', other: 'default' };
export function PriorityTag({ priority }: { priority: SeekerPriority }) {
  return <Tag color={PRIORITY_COLORS[priority]}>{SEEKER_PRIORITY_LABELS[priority]}</Tag>;
}

/** `?petition=12&file=34` of the hash route ('#/referrals/jobs?petition=12&file=34'): positive ids only. */
export function queryIds(path: string): { petitionId: number | null; fileId: number | null } {
  const q = new URLSearchParams(path.split('?')[1] ?? '');
  const id = (k: string) => {
    const n = Number(q.get(k));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  return { petitionId: id('petition'), fileId: id('file') };
}
