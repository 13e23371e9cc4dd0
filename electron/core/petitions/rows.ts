import type { Petition, PetitionEvent, PetitionSummary } from '../../../shared/contract/petitions';
import type { PetitionAction, PetitionCategory, PetitionChannel, PetitionStatus, Urgency } from '../../../shared/petition';
import { overdueStage } from './deadlines';

// Row types mirror migration 0003; the mapping to contract types is here and only here.
export interface PetitionRow {
  id: number;
  number: string;
  channel: PetitionChannel;
  received_at: string;
  received_date: string;
  file_id: number | null;
  visitor_name: string;
  visitor_id_number: string;
  visitor_phone: string;
  category: PetitionCategory;
  request: string;
  urgency: Urgency;
  status: PetitionStatus;
  handler_id: number;
  handler_name: string;
  registered_by: number;
  accept_due: string;
  answer_due: string;
  close_due: string;
  accepted_at: string | null;
  accepted_date: string | null;
  answered_at: string | null;
  answered_date: string | null;
  answer: string | null;
  closed_at: string | null;
  closed_date: string | null;
  closing_note: string | null;
}

export interface PetitionEventRow {
  id: number;
  action: PetitionAction | 'register';
  at: string;
  by_name: string;
  note: string;
}

/** Selects a petition row with its handler's name; append WHERE/ORDER clauses. */
export const PETITION_SELECT = 'SELECT p.*, u.display_name AS handler_name FROM petitions p JOIN users u ON u.id = p.handler_id';

export function toPetitionSummary(r: PetitionRow, today: string): PetitionSummary {
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    receivedAt: r.received_at,
    visitorName: r.visitor_name,
    fileId: r.file_id,
    category: r.category,
    urgency: r.urgency,
    status: r.status,
    handlerId: r.handler_id,
    handlerName: r.handler_name,
    acceptDue: r.accept_due,
    answerDue: r.answer_due,
    closeDue: r.close_due,
    overdue: overdueStage({ status: r.status, acceptDue: r.accept_due, answerDue: r.answer_due, closeDue: r.close_due }, today),
  };
}

export function toPetition(r: PetitionRow, events: PetitionEventRow[], outcomes: Petition['outcomes'], reliefApplicationId: number | null, today: string): Petition {
  return {
    ...toPetitionSummary(r, today),
    visitorIdNumber: r.visitor_id_number,
    visitorPhone: r.visitor_phone,
    request: r.request,
    answer: r.answer,
    closingNote: r.closing_note,
    acceptedAt: r.accepted_at,
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
    events: events.map((e): PetitionEvent => ({ id: e.id, action: e.action, at: e.at, by: e.by_name, note: e.note })),
    outcomes,
    reliefApplicationId,
  };
}
