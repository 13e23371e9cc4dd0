import { z } from 'zod';
import { channel } from './define';

/** Counts for the 工作台; each later feature adds its own. */
export interface DashboardSummary {
  activeFiles: number;
  filesThisMonth: number;
  openPetitions: number;
  myOpenPetitions: number;
  overduePetitions: number;
  petitionsToday: number;
  /** Relief applications waiting for the caller's decision (待我审批). */
  reliefInbox: number;
  /** Approved relief waiting to be posted in a public notice. */
  reliefAwaitingNotice: number;
  /** Approved relief finance has not paid yet. */
  reliefToPay: number;
  /** Last month while it is not closed ('YYYY-MM'); it must be closed by the 5th. */
  monthToClose: string | null;
  /** Today is past the 5th and that month is still open. */
  monthCloseOverdue: boolean;
  /**
   * Admins only (null for everyone else, and when all is well): the newest verified backup is older than
   * two days, or no backup was ever copied off the data disk. The message says what to do.
   */
  backupWarning: null | { lastVerifiedAt: string | null; copiedOffDisk: boolean; message: string };
}

export const dashboardChannels = {
  'dashboard.summary': channel<DashboardSummary>()({
    title: '工作台汇总',
    input: z.object({}).strict(),
    access: 'any',
    kind: 'read',
  }),
} as const;
