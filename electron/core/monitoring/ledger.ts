import type { MonitoringLedger } from '../../../shared/contract/monitoring';
import { addDays, localDate, localDateTime } from '../../../shared/dates';
import { addMonths } from '../../../shared/monitoring';
import type { Settings } from '../../../shared/settings';
import type { Db } from '../../db/open';
import { scheduleRows } from './schedule';
import { eventRows, visitRows } from './store';

/** 动态监测月台账: what fell due, what was done, what is overdue, changes of risk and exits in one month. */
export function monitoringLedger(db: Db, s: Settings, month: string, now: Date): MonitoringLedger {
  const first = `${month}-01`;
  const next = addMonths(first, 1);
  const today = localDate(now);
  // Overdue as at the month's last day, or today while the month runs; a future month has none yet.
  const asOf = today < next ? today : addDays(next, -1);
  const rows = scheduleRows(db, s, asOf, null);
  return {
    month,
    centreName: s.centreName,
    due: rows.filter((r) => r.dueDate >= first && r.dueDate < next),
    done: visitRows(db, 'v.visit_date >= ? AND v.visit_date < ?', first, next),
    overdue: asOf >= first ? rows.filter((r) => r.overdueDays > 0) : [],
    riskChanges: eventRows(db, "e.event_date >= ? AND e.event_date < ? AND e.kind IN ('warning', 'revisit') AND e.warning_before IS NOT e.warning_after", first, next),
    exits: eventRows(db, "e.event_date >= ? AND e.event_date < ? AND e.kind IN ('exit', 'reactivate')", first, next),
    printedAt: localDateTime(now),
  };
}
