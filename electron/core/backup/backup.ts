import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../../shared/contract/backup';
import { localDate } from '../../../shared/dates';
import type { Migration } from '../../db/migrations';
import type { Db } from '../../db/open';
import type { AppContext } from '../context';
import { settingsOn } from '../settings/store';
import { backupDirOf } from './paths';
import { copyInto, freshName, fsyncDir, fsyncFile, listBackupFiles, removeStaleTemps, removeTemp, sameDisk, tempNameFor } from './files';
import { pruneFolder } from './prune';
import { markPruned, recordBackup, type WrittenBackup } from './store';
import { describeSqliteError, verifyCopy } from './verify';
import { verifyCopyOffThread, type VerifyTracking } from './verifyOffThread';

export interface WriteOptions {
  /** backups/ beside the database. */
  dir: string;
  /** The admin's extra folder, or null. */
  extraDir: string | null;
  kind: BackupKind;
  at: Date;
  known?: readonly Migration[];
  /** Pages copied per step between turns of the event loop (better-sqlite3's default is 100). */
  pagesPerStep?: number;
  /** Called before each step; throwing abandons the copy (the exit backup's time limit). */
  onStep?: () => void;
  /**
   * Verify the copy on the jobs worker, so the door keeps answering (daily, manual, pre-restore). Not at
   * start-up or exit, when nobody is waiting on the door and starting the worker would only add time.
   */
  offThread?: boolean;
  /** The page following the check (off the thread only). */
  track?: VerifyTracking;
}

/**
 * Copies the database with SQLite's online backup API into a temp name, makes the copy a single
 * self-contained file (rollback journal, not WAL), verifies it, and only then renames it to its final
 * name: a crash or kill at any point leaves a temp file that no listing counts, never a half copy under
 * a real name. A copy that fails verification is deleted and reported (verified = false).
 */
export async function writeBackup(db: Db, o: WriteOptions): Promise<WrittenBackup> {
  fs.mkdirSync(o.dir, { recursive: true });
  const name = freshName([o.dir, o.extraDir], o.at, o.kind);
  const final = path.join(o.dir, name);
  const temp = tempNameFor(final);
  const base: WrittenBackup = {
    at: o.at.toISOString(),
    kind: o.kind,
    path: final,
    sizeBytes: 0,
    verified: false,
    message: '',
    extraPath: null,
    copiedOffDisk: false,
    auditRows: null,
    auditHead: null,
    schemaVersion: null,
  };
  try {
    await db.backup(temp, {
      progress: () => {
        o.onStep?.();
        return o.pagesPerStep ?? 100;
      },
    });
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    await fsyncFile(temp);
  } catch (e) {
    removeTemp(temp);
    return { ...base, message: `备份没有完成：${describeSqliteError(e)}。已有的备份不受影响。` };
  }
  const check = o.offThread ? await verifyCopyOffThread(temp, o.known, o.track) : verifyCopy(temp, o.known);
  if (!check.ok) {
    removeTemp(temp);
    return { ...base, message: `备份校验未通过，已删除这份副本：${check.problems.join('；')}` };
  }
  fs.renameSync(temp, final);
  fsyncDir(o.dir);
  const done: WrittenBackup = {
    ...base,
    sizeBytes: fs.statSync(final).size,
    verified: true,
    auditRows: check.auditRows,
    auditHead: check.auditHead,
    schemaVersion: check.schemaVersion,
    message: `校验通过：完整性检查正常，审计日志 ${check.auditRows ?? 0} 条完整。`,
  };
  if (o.extraDir) {
    try {
      done.extraPath = await copyInto(final, o.extraDir);
      done.copiedOffDisk = true;
      done.message += sameDisk(o.extraDir, o.dir)
        ? `已另存到 ${o.extraDir}，但该文件夹与数据在同一块磁盘上，磁盘损坏时会一起丢失。`
        : `已另存到 ${o.extraDir}。`;
    } catch (e) {
      done.message += `未能另存到 ${o.extraDir}（${(e as NodeJS.ErrnoException).code === 'ENOSPC' ? '磁盘空间不足' : (e as Error).message}），请检查U盘或第二块磁盘是否已连接。`;
    }
  }
  return done;
}

// One backup or restore at a time per open database: a restore must never swap the file under a copy.
const queues = new WeakMap<AppContext, Promise<unknown>>();

export function exclusive<T>(app: AppContext, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(app) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    app,
    next.catch(() => undefined),
  );
  return next;
}

/** Waits for any backup or restore in progress (before closing the database). */
export function idle(app: AppContext): Promise<void> {
  return (queues.get(app) ?? Promise.resolve()).then(() => undefined);
}

export interface BackupOutcome {
  id: number;
  written: WrittenBackup;
  pruned: string[];
}

/** Takes, records and prunes one backup of the live database. */
export async function takeBackup(
  app: AppContext,
  kind: BackupKind,
  opts: { userId?: number | null; onStep?: () => void; jobId?: string } = {},
): Promise<BackupOutcome> {
  return exclusive(app, async () => {
    const at = app.clock.now();
    const settings = settingsOn(app.db, localDate(at));
    const dir = backupDirOf(app.dataDir);
    const extraDir = settings.backupExtraFolder || null;
    const written = await writeBackup(app.db, { dir, extraDir, kind, at, onStep: opts.onStep, offThread: kind !== 'exit', track: opts.userId ? { ownerId: opts.userId, jobId: opts.jobId } : undefined });
    const id = app.db.transaction(() => recordBackup(app.db, written, opts.userId ?? null)).immediate();
    const pruned = written.verified ? prune(app, settings.backupKeepDaily, settings.backupKeepMonthly, extraDir, new Set([written.path, written.extraPath ?? ''])) : [];
    return { id, written, pruned };
  });
}

/** Applies the generation rule to both folders and marks pruned rows; also clears temp files of killed copies. */
export function prune(app: AppContext, keepDaily: number, keepMonthly: number, extraDir: string | null, keep: ReadonlySet<string>): string[] {
  const dir = backupDirOf(app.dataDir);
  // File times are the machine's, not the app clock's (which tests and demos move).
  const nowMs = Date.now();
  removeStaleTemps(dir, nowMs);
  removeStaleTemps(extraDir, nowMs);
  const deleted = [
    ...pruneFolder(listBackupFiles(dir), keepDaily, keepMonthly, keep),
    ...pruneFolder(listBackupFiles(extraDir), keepDaily, keepMonthly, keep),
  ];
  if (deleted.length > 0) app.db.transaction(() => markPruned(app.db, deleted, app.clock.now().toISOString())).immediate();
  return deleted;
}
