import { localDate, localDateTime } from '../../../shared/dates';
import { auditAnchor } from '../audit/chain';
import type { AppContext } from '../context';
import { takeBackup, type BackupOutcome } from './backup';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The database holds something (an audit row: every write leaves one) and is in a state worth copying. */
function worthCopying(app: AppContext): boolean {
  if (app.health.status !== 'ok' || app.restoring || !app.db.open) return false;
  return (auditAnchor(app.db)?.rowCount ?? 0) > 0;
}

/** No verified daily backup yet today (the centre's calendar). */
export function dailyBackupDue(app: AppContext): boolean {
  if (!worthCopying(app)) return false;
  const last = app.db.prepare("SELECT at FROM backups WHERE kind = 'daily' AND verified = 1 ORDER BY at DESC LIMIT 1").get() as { at: string } | undefined;
  return !last || localDate(new Date(last.at)) !== localDate(app.clock.now());
}

/** The daily backup, when due; failures are recorded (a row with verified = 0) and logged, never thrown. */
export async function takeDailyBackupIfDue(app: AppContext): Promise<BackupOutcome | null> {
  try {
    if (!dailyBackupDue(app)) return null;
    // Not logged here: openCore runs in workers whose stdout is read; the doors log the outcome.
    return await takeBackup(app, 'daily');
  } catch (e) {
    console.error('[backup] daily backup failed', e);
    return null;
  }
}

/** Checks hourly for a PC left on past midnight: the daily copy is taken at the first check of a new day. */
export function scheduleDailyBackups(app: AppContext, everyMs = 60 * 60_000): () => void {
  const timer = setInterval(() => {
    void takeDailyBackupIfDue(app).then((out) => {
      if (out) console.log(`[backup] daily: ${out.written.verified ? out.written.path : out.written.message}`);
    });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The exit backup, best effort and bounded: skipped when nothing changed since the newest verified
 * backup (same audit anchor), abandoned when the copy takes longer than `limitMs` (the temp file is
 * removed; earlier backups are untouched). Returns a line for the log; never throws.
 */
export async function backupOnExit(app: AppContext, limitMs = 60_000): Promise<string> {
  try {
    if (!worthCopying(app)) return '[backup] exit: skipped (nothing to copy, or the database is not healthy)';
    const anchor = auditAnchor(app.db)!;
    const last = app.db.prepare('SELECT audit_rows, audit_head, at FROM backups WHERE verified = 1 ORDER BY at DESC, id DESC LIMIT 1').get() as
      | { audit_rows: number | null; audit_head: string | null; at: string }
      | undefined;
    if (last && last.audit_rows === anchor.rowCount && last.audit_head === anchor.lastHash) {
      return `[backup] exit: skipped, unchanged since ${localDateTime(new Date(last.at))}`;
    }
    const deadline = Date.now() + limitMs;
    const out = await takeBackup(app, 'exit', {
      onStep: () => {
        if (Date.now() > deadline) throw new Error(`exit backup took longer than ${limitMs} ms`);
      },
    });
    return out.written.verified ? `[backup] exit: ${out.written.path}` : `[backup] exit failed: ${out.written.message}`;
  } catch (e) {
    return `[backup] exit failed: ${String(e)}`;
  }
}

/** Days since the newest verified backup whose file is still there, for the dashboard. */
export const BACKUP_STALE_MS = 2 * DAY_MS;
