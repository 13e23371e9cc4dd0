import type { dashboardChannels } from '../../../shared/contract/dashboard';
import { localDate } from '../../../shared/dates';
import type { HandlerMap } from '../handler';
import { overdueSql } from '../petitions/deadlines';
import { approvalInboxes, reliefInboxes } from './inboxes';
import { nextMonthToClose } from '../ledger/periods';
import { previousMonth } from '../../../shared/months';
import type { Db } from '../../db/open';
import { backupWarning } from '../backup/handlers';

/** Months close in order; each must be closed by the 5th of the month after it (日清月结). */
function monthCloseReminder(db: Db, today: string) {
  const thisMonth = today.slice(0, 7);
  const next = nextMonthToClose(db);
  const open = next !== null && next < thisMonth;
  return { monthToClose: open ? next : null, monthCloseOverdue: open && (next < previousMonth(thisMonth) || Number(today.slice(8, 10)) > 5) };
}

export const dashboardHandlers: HandlerMap<keyof typeof dashboardChannels> = {
  'dashboard.summary': ({ db, now, user }) => {
    const today = localDate(now);
    const n = (sql: string, params: Record<string, string | number> = {}) => (db.prepare(sql).get(params) as { n: number }).n;
    // created_at is UTC; the centre's month starts at 00:00 Shanghai time (UTC+8).
    const monthStart = new Date(`${today.slice(0, 7)}-01T00:00:00+08:00`).toISOString();
    return {
      // Kept by triggers (migration 0018): a million files are not counted on every visit to the home page.
      activeFiles: n("SELECT n FROM worker_file_counts WHERE status = 'active'"),
      filesThisMonth: n('SELECT count(*) AS n FROM worker_files WHERE created_at >= @monthStart', { monthStart }),
      openPetitions: n("SELECT count(*) AS n FROM petitions WHERE status <> 'closed'"),
      myOpenPetitions: n("SELECT count(*) AS n FROM petitions WHERE status <> 'closed' AND handler_id = @me", { me: user!.id }),
      overduePetitions: n(`SELECT count(*) AS n FROM petitions WHERE ${overdueSql()}`, { today }),
      petitionsToday: n('SELECT count(*) AS n FROM petitions WHERE received_date = @today', { today }),
      ...reliefInboxes(db, user!, today),
      ...approvalInboxes(db, user!),
      ...monthCloseReminder(db, today),
      backupWarning: user!.roles.includes('admin') ? backupWarning(db, now) : null,
    };
  },
};
