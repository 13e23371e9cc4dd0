import fs from 'node:fs';
import type { BackupKind } from '../../../shared/contract/backup';
import type { BackupFile } from './files';

const AUTOMATIC: ReadonlySet<BackupKind> = new Set(['daily', 'exit']);

/**
 * The generation rule, per folder (by file name, so it works on the extra folder and after a restore):
 * - daily: of the automatic copies (daily, exit), the newest of each day, for the newest `keepDaily` days
 *   that have one;
 * - monthly: the newest automatic copy of each month, for the newest `keepMonthly` months that have one;
 * - deliberate copies (manual, pre-migration, pre-restore) live as long as the automatic ones: all are kept
 *   until automatic months are being pruned, then those older than the oldest month kept go (with
 *   `keepMonthly` 0, the oldest day kept).
 * Generations are counted, not measured on the calendar: a PC clock set years ahead, or a centre closed
 * for weeks, does not wipe the older copies. `keep` (the copy just written) is never pruned.
 */
export function filesToPrune(files: readonly BackupFile[], keepDaily: number, keepMonthly: number, keep: ReadonlySet<string> = new Set()): BackupFile[] {
  const newestFirst = [...files].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const kept = new Set<string>();
  const days = new Map<string, BackupFile>();
  const months = new Map<string, BackupFile>();
  for (const f of newestFirst) {
    if (!AUTOMATIC.has(f.kind)) continue;
    if (!days.has(f.day)) days.set(f.day, f);
    if (!months.has(f.month)) months.set(f.month, f);
  }
  const keptDays = [...days.keys()].slice(0, keepDaily);
  const keptMonths = [...months.keys()].slice(0, keepMonthly);
  for (const d of keptDays) kept.add(days.get(d)!.path);
  for (const m of keptMonths) kept.add(months.get(m)!.path);
  const stillYoung =
    keepMonthly > 0
      ? (f: BackupFile) => months.size <= keepMonthly || f.month >= keptMonths[keptMonths.length - 1]!
      : (f: BackupFile) => days.size <= keepDaily || (keptDays.length > 0 && f.day >= keptDays[keptDays.length - 1]!);
  for (const f of newestFirst) if (!AUTOMATIC.has(f.kind) && stillYoung(f)) kept.add(f.path);
  return newestFirst.filter((f) => !kept.has(f.path) && !keep.has(f.path));
}

/** Deletes what the rule prunes; returns the paths deleted (a file that cannot be deleted stays, and is tried again next time). */
export function pruneFolder(files: readonly BackupFile[], keepDaily: number, keepMonthly: number, keep: ReadonlySet<string>): string[] {
  const deleted: string[] = [];
  for (const f of filesToPrune(files, keepDaily, keepMonthly, keep)) {
    try {
      fs.rmSync(f.path, { force: true });
      deleted.push(f.path);
    } catch (e) {
      console.error(`[backup] could not prune ${f.path}`, e);
    }
  }
  return deleted;
}
