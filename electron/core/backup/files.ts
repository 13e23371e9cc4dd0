import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_KINDS, type BackupKind } from '../../../shared/contract/backup';

// The centre's clock is Asia/Shanghai (shared/dates.ts); file names use it so the admin reads them as they are.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM-DDTHHmmss' in the centre's local time: sorts as it reads. */
function localStamp(at: Date): string {
  const iso = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** centre-2026-12-01T093015-daily.sqlite, or …T093015-2-daily.sqlite for a second copy in the same second. */
export function backupFileName(at: Date, kind: BackupKind, n = 1): string {
  return `centre-${localStamp(at)}${n > 1 ? `-${n}` : ''}-${kind}.sqlite`;
}

const NAME = new RegExp(`^centre-(\\d{4}-\\d{2}-\\d{2})T(\\d{6})(?:-(\\d+))?-(${BACKUP_KINDS.join('|')})\\.sqlite$`);

export interface BackupFile {
  name: string;
  path: string;
  /** Local date 'YYYY-MM-DD' and month 'YYYY-MM' of the copy. */
  day: string;
  month: string;
  kind: BackupKind;
  /** Orders copies oldest → newest. */
  sortKey: string;
  /** ISO instant decoded from the name. */
  at: string;
}

export function parseBackupName(name: string, dir: string): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, day, time, n, kind] = m as unknown as [string, string, string, string | undefined, BackupKind];
  const local = `${day}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}+08:00`;
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) return null;
  return { name, path: path.join(dir, name), day, month: day.slice(0, 7), kind, sortKey: `${day}T${time}-${(n ?? '1').padStart(4, '0')}`, at: at.toISOString() };
}

/**
 * Completed backups in a folder, oldest first. Only names this program gives a finished copy count:
 * temp files of a copy in progress (or killed) and anything else in the folder are ignored.
 */
export function listBackupFiles(dir: string | null): BackupFile[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => parseBackupName(n, dir))
    .filter((f): f is BackupFile => f !== null)
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

const TEMP_MARK = '.partial-';

/** A temp name beside the final one, unique to this process and call, never matching NAME. */
export function tempNameFor(finalPath: string): string {
  return `${finalPath}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Removes a temp copy and whatever SQLite left beside it. */
export function removeTemp(temp: string): void {
  for (const s of ['', '-journal', '-wal', '-shm']) fs.rmSync(temp + s, { force: true });
}

/** Removes temp files left by a copy that was killed; only old ones, so a copy still running elsewhere is left alone. */
export function removeStaleTemps(dir: string | null, nowMs: number, olderThanMs = 30 * 60_000): string[] {
  if (!dir) return [];
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const n of names) {
    if (!n.startsWith('centre-') || !n.includes(TEMP_MARK)) continue;
    const p = path.join(dir, n);
    try {
      if (nowMs - fs.statSync(p).mtimeMs > olderThanMs) {
        fs.rmSync(p, { force: true });
        removed.push(p);
      }
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

/** A final name in `dirs[0]` that no folder in `dirs` already holds. */
export function freshName(dirs: readonly (string | null)[], at: Date, kind: BackupKind): string {
  for (let n = 1; ; n++) {
    const name = backupFileName(at, kind, n);
    if (!dirs.some((d) => d !== null && fs.existsSync(path.join(d, name)))) return name;
  }
}

/** Flushes a file to disk, off the event loop (a 1 GB copy takes seconds to reach the disk). */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable; Windows cannot open a folder for fsync, and NTFS journals renames anyway. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported here
  }
}

/** Copies a finished file into `dir` under the same name: temp name, fsync, rename. */
export async function copyInto(file: string, dir: string): Promise<string> {
  const target = path.join(dir, path.basename(file));
  const temp = tempNameFor(target);
  try {
    await fs.promises.copyFile(file, temp);
    await fsyncFile(temp);
    if (fs.statSync(temp).size !== fs.statSync(file).size) throw new Error('copy is shorter than the original');
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fsyncDir(dir);
  return target;
}

/** Whether two paths live on the same device (a copy there does not survive a dead disk). */
export function sameDisk(a: string, b: string): boolean {
  try {
    return fs.statSync(a).dev === fs.statSync(b).dev;
  } catch {
    return false;
  }
}
