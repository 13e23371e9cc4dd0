import type { MonitoringLedger, ScheduleRow } from '../../../shared/contract/monitoring';
import { addDays, localDate, localDateTime } from '../../../shared/dates';
import { warningLevel } from '../../../shared/household';
import { addMonths, latestNextDate, riskState } from '../../../shared/monitoring';
import type { Settings } from '../../../shared/settings';
import type { Db } from '../../db/open';
import { daysBetween, scheduleRowFor, scheduleRowsDueBefore } from './schedule';
import { eventRows, visitRows } from './store';

interface PastDue {
  file_id: number;
  /** The visit that set the due date; null for the first due, counted from the file's creation. */
  visit_date: string | null;
  next_date: string;
  answered: string | null;
}

/**
 * Due dates set by earlier visits up to the month's end, with the visit that answered each: the
 * schedule today has moved on after a late revisit, yet the month it was missed must still show it
 * as due and overdue. One answered before the month began never mattered to this month.
 */
function pastDues(db: Db, s: Settings, first: string, next: string): PastDue[] {
  const set = db
    .prepare(
      `SELECT v.file_id, v.visit_date, v.next_date,
         (SELECT MIN(w.visit_date) FROM file_revisits w
           WHERE w.file_id = v.file_id AND (w.visit_date > v.visit_date OR (w.visit_date = v.visit_date AND w.id > v.id))) AS answered
       FROM file_revisits v WHERE v.next_date < ?`,
    )
    .all(next) as PastDue[];
  // The first due of a visited file ran from its creation; its state then is taken from the income the
  // first visit found (a red or yellow flag of that time is not kept, so it may read later than it was).
  const firsts = db
    .prepare(
      `SELECT f.id AS file_id, f.created_at, v.visit_date AS answered, v.per_capita_before_fen AS pc
       FROM worker_files f JOIN file_revisits v ON v.id = (SELECT id FROM file_revisits w WHERE w.file_id = f.id ORDER BY visit_date, id LIMIT 1)
       WHERE v.visit_date >= ?`,
    )
    .all(first) as { file_id: number; created_at: string; answered: string; pc: number }[];
  for (const f of firsts) {
    const state = riskState('active', warningLevel('none', f.pc, s.minLivingLineFen), f.pc, s.minLivingLineFen);
    const due = latestNextDate(localDate(new Date(f.created_at)), state, s);
    if (due < next) set.push({ file_id: f.file_id, visit_date: null, next_date: due, answered: f.answered });
  }
  return set.filter((r) => r.answered === null || r.answered >= first);
}

/** 动态监测月台账: what fell due, what was done, what is overdue, changes of risk and exits in one month. */
export function monitoringLedger(db: Db, s: Settings, month: string, now: Date): MonitoringLedger {
  const first = `${month}-01`;
  const next = addMonths(first, 1);
  const today = localDate(now);
  // Overdue as at the month's last day, or today while the month runs; a future month has none yet.
  const asOf = today < next ? today : addDays(next, -1);
  // Only files due before the month ends can be due in it or overdue at its end; the index reads just those.
  const rows = scheduleRowsDueBefore(db, s, asOf, next);
  const byFile = new Map(rows.map((r) => [r.fileId, r]));
  const currentOf = (fileId: number) => byFile.get(fileId) ?? scheduleRowFor(db, s, asOf, fileId);
  const due = new Map<string, ScheduleRow>();
  for (const r of rows) if (r.dueDate >= first && r.dueDate < next) due.set(`${r.fileId}:${r.dueDate}`, r);
  const overdue = asOf >= first ? rows.filter((r) => r.overdueDays > 0) : [];
  for (const p of pastDues(db, s, first, next)) {
    const current = currentOf(p.file_id);
    if (!current) continue;
    const past = { ...current, lastVisitDate: p.visit_date, dueDate: p.next_date };
    const key = `${p.file_id}:${p.next_date}`;
    if (p.next_date >= first && !due.has(key)) {
      const doneOn = p.answered ?? asOf;
      due.set(key, { ...past, overdueDays: doneOn > p.next_date ? daysBetween(p.next_date, doneOn) : 0 });
    }
    // Visited only after the month ended: overdue at its end (unanswered ones are in today's schedule).
    if (p.answered !== null && p.answered > asOf && p.next_date < asOf) overdue.push({ ...past, overdueDays: daysBetween(p.next_date, asOf) });
  }
  return {
    month,
    centreName: s.centreName,
    due: [...due.values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.fileId - b.fileId),
    done: visitRows(db, 'v.visit_date >= ? AND v.visit_date < ?', first, next),
    overdue: overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.fileId - b.fileId),
    riskChanges: eventRows(db, "e.event_date >= ? AND e.event_date < ? AND e.kind IN ('warning', 'revisit') AND e.warning_before IS NOT e.warning_after", first, next),
    exits: eventRows(db, "e.event_date >= ? AND e.event_date < ? AND e.kind IN ('exit', 'reactivate')", first, next),
    printedAt: localDateTime(now),
  };
}
