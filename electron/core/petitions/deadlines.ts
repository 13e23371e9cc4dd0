import type { OverdueStage, PetitionStatus } from '../../../shared/petition';

export interface Deadlines {
  status: PetitionStatus;
  acceptDue: string;
  answerDue: string;
  closeDue: string;
}

/** The first deadline a petition has missed on `today` (a due date itself is still on time). */
export function overdueStage(p: Deadlines, today: string): OverdueStage | null {
  if (p.status === 'closed') return null;
  if (p.status === 'registered' && today > p.acceptDue) return 'accept';
  if ((p.status === 'accepted' || p.status === 'in_progress') && today > p.answerDue) return 'answer';
  if (today > p.closeDue) return 'close';
  return null;
}

/** The same test in SQL, for lists and counts, on the petitions table or its alias; binds @today. */
export function overdueSql(alias = ''): string {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  return `(${c('status')} <> 'closed' AND (
  (${c('status')} = 'registered' AND @today > ${c('accept_due')}) OR
  (${c('status')} IN ('accepted', 'in_progress') AND @today > ${c('answer_due')}) OR
  @today > ${c('close_due')}))`;
}
