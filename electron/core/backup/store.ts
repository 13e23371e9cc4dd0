import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind, BackupRecord } from '../../../shared/contract/backup';
import type { Db } from '../../db/open';

export interface BackupRow {
  id: number;
  at: string;
  kind: BackupKind;
  path: string;
  size_bytes: number;
  verified: 0 | 1;
  message: string;
  extra_path: string | null;
  copied_off_disk: 0 | 1;
  audit_rows: number | null;
  audit_head: string | null;
  schema_version: string | null;
  taken_by: number | null;
  pruned_at: string | null;
}

/** A copy as written, before it has a row. */
export interface WrittenBackup {
  at: string;
  kind: BackupKind;
  path: string;
  sizeBytes: number;
  verified: boolean;
  message: string;
  extraPath: string | null;
  copiedOffDisk: boolean;
  auditRows: number | null;
  auditHead: string | null;
  schemaVersion: string | null;
}

const hasBackupsTable = (db: Db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backups'").get() !== undefined;

/** Records a copy in the live database (after the copy, so no copy holds its own row); keyed by path. */
export function recordBackup(db: Db, b: WrittenBackup, userId: number | null): number {
  db.prepare(
    `INSERT INTO backups (at, kind, path, size_bytes, verified, message, extra_path, copied_off_disk, audit_rows, audit_head, schema_version, taken_by)
     VALUES (@at, @kind, @path, @size, @verified, @message, @extraPath, @copied, @auditRows, @auditHead, @schemaVersion, @userId)
     ON CONFLICT (path) DO UPDATE SET verified = excluded.verified, message = excluded.message, size_bytes = excluded.size_bytes,
       extra_path = coalesce(excluded.extra_path, extra_path), copied_off_disk = max(copied_off_disk, excluded.copied_off_disk)`,
  ).run({
    at: b.at,
    kind: b.kind,
    path: b.path,
    size: b.sizeBytes,
    verified: b.verified ? 1 : 0,
    message: b.message,
    extraPath: b.extraPath,
    copied: b.copiedOffDisk ? 1 : 0,
    auditRows: b.auditRows,
    auditHead: b.auditHead,
    schemaVersion: b.schemaVersion,
    userId,
  });
  return (db.prepare('SELECT id FROM backups WHERE path = ?').get(b.path) as { id: number }).id;
}

export function allBackupRows(db: Db): BackupRow[] {
  return hasBackupsTable(db) ? (db.prepare('SELECT * FROM backups ORDER BY at DESC, id DESC').all() as BackupRow[]) : [];
}

export function backupRow(db: Db, id: number): BackupRow | undefined {
  return db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as BackupRow | undefined;
}

/** Carries rows of another database (the one a restore replaced) into this one, so the list still knows every file. */
export function carryRows(db: Db, rows: readonly BackupRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO backups (at, kind, path, size_bytes, verified, message, extra_path, copied_off_disk, audit_rows, audit_head, schema_version, taken_by, pruned_at)
     VALUES (@at, @kind, @path, @size_bytes, @verified, @message, @extra_path, @copied_off_disk, @audit_rows, @audit_head, @schema_version, NULL, @pruned_at)
     ON CONFLICT (path) DO UPDATE SET pruned_at = excluded.pruned_at, verified = excluded.verified, message = excluded.message,
       extra_path = excluded.extra_path, copied_off_disk = excluded.copied_off_disk`,
  );
  // taken_by is left out: user ids of the replaced database need not name the same people here.
  for (const r of rows) upsert.run(r);
}

export function markPruned(db: Db, paths: readonly string[], at: string): void {
  const mark = db.prepare('UPDATE backups SET pruned_at = ? WHERE path = ? AND pruned_at IS NULL');
  for (const p of paths) mark.run(at, p);
}

export function usernameOf(db: Db, id: number | null): string | null {
  if (id === null) return null;
  return (db.prepare('SELECT username FROM users WHERE id = ?').get(id) as { username: string } | undefined)?.username ?? null;
}

export function toRecord(db: Db, r: BackupRow): BackupRecord {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    fileName: path.basename(r.path),
    path: r.path,
    sizeBytes: r.size_bytes,
    verified: r.verified === 1,
    message: r.message,
    extraPath: r.extra_path,
    copiedOffDisk: r.copied_off_disk === 1,
    present: r.verified === 1 && (fs.existsSync(r.path) || (r.extra_path !== null && fs.existsSync(r.extra_path))),
    auditRows: r.audit_rows,
    takenBy: usernameOf(db, r.taken_by),
  };
}

/**
 * Lists copies found in the folders that this database has no row for (a stand-in opened from a backup
 * does not know that backup; a restored one does not know later copies). A file under a final backup
 * name was verified before it was renamed, so it is listed as verified.
 */
export function adoptFiles(db: Db, files: readonly { path: string; at: string; kind: BackupKind }[]): number {
  const insert = db.prepare(
    `INSERT INTO backups (at, kind, path, size_bytes, verified, message, extra_path, copied_off_disk)
     VALUES (?, ?, ?, ?, 1, '在备份文件夹中找到的备份（写入时已校验，恢复前会再次校验）。', NULL, 0)
     ON CONFLICT (path) DO NOTHING`,
  );
  const known = db.prepare('SELECT 1 FROM backups WHERE path = ? OR extra_path = ?');
  let added = 0;
  for (const f of files) {
    if (known.get(f.path, f.path)) continue;
    let size = 0;
    try {
      size = fs.statSync(f.path).size;
    } catch {
      continue;
    }
    added += insert.run(f.at, f.kind, f.path, size).changes;
  }
  return added;
}
