import { z } from 'zod';
import { channel } from './define';

/** A public notice whose period has ended and that the director has not concluded yet. */
export interface DueNotice {
  id: number;
  number: string;
  endDate: string;
  people: number;
  /** The amount the notice releases (lines not rejected). */
  totalFen: number;
  /** Lines held by an objection not yet resolved. */
  openObjections: number;
}

/** Counts for the 工作台; each later feature adds its own. */
export interface DashboardSummary {
  activeFiles: number;
  filesThisMonth: number;
  openPetitions: number;
  myOpenPetitions: number;
  overduePetitions: number;
  petitionsToday: number;
  // The relief inboxes: count and money total, each 0 for the roles that do not act on it.
  /** Relief applications waiting for the caller's decision (待我审批). */
  reliefInbox: number;
  reliefInboxFen: number;
  /** Approved relief waiting to be posted in a public notice (directors). */
  reliefAwaitingNotice: number;
  reliefAwaitingNoticeFen: number;
  /** Notices whose period has ended, waiting for the director's conclusion (待公示期满确认). */
  noticesDue: number;
  noticesDueFen: number;
  dueNotices: DueNotice[];
  /** Approved relief finance has not paid yet, less goods already issued against it (finance). */
  reliefToPay: number;
  reliefToPayFen: number;
  // The other approval inboxes, each 0 for the roles that do not act on it.
  /** Campaign lists waiting for the caller's check as director, not ones they built (待审核慰问名单). */
  campaignsToCheck: number;
  /** Campaign lists waiting for the caller's approval as chair, not ones they built or checked (待审批慰问名单). */
  campaignsToApprove: number;
  /** Exit proposals (解困脱困) waiting for a director's decision, not the caller's own (directors). */
  exitProposalsToDecide: number;
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
