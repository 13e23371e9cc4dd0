import { z } from 'zod';
import type { Channel } from '../api';
import { channel, emptyInput } from './define';
import { id } from './fields';
import { jobId } from './jobs';

export const BACKUP_KINDS = ['daily', 'exit', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日自动',
  exit: '退出时',
  manual: '手动',
  'pre-migration': '升级前',
  'pre-restore': '恢复前',
};

/** What the admin types to confirm a restore. */
export const RESTORE_CONFIRMATION = '确认恢复';

/** One copy the program made (or tried to make: a copy that failed verification is deleted, its row kept). */
export interface BackupRecord {
  id: number;
  /** ISO instant the copy was taken. */
  at: string;
  kind: BackupKind;
  fileName: string;
  /** Full path of the copy in backups/ beside the database. */
  path: string;
  sizeBytes: number;
  /** integrity_check, migration prefix and audit chain all passed on the copy. */
  verified: boolean;
  /** The verification result (or why the copy failed), in Chinese. */
  message: string;
  /** The copy in the admin's extra folder, when one was made. */
  extraPath: string | null;
  /** The extra-folder copy succeeded. */
  copiedOffDisk: boolean;
  /** The file is still on disk (in backups/ or the extra folder); pruned or deleted ones are not. */
  present: boolean;
  /** Audit rows the copy holds (its anchor): tells two copies apart. */
  auditRows: number | null;
  takenBy: string | null;
}

export interface BackupList {
  /** Newest first, files pruned by the generation rule left out. */
  records: BackupRecord[];
  backupDir: string;
  /** The extra folder in force today, or null when none is set. */
  extraFolder: string | null;
  /** The extra folder is on the same disk as the data: it does not protect against a dead disk. */
  extraFolderSameDisk: boolean;
  lastVerified: BackupRecord | null;
  /** Any backup was ever copied to the extra folder. */
  everCopiedOffDisk: boolean;
  keepDaily: number;
  keepMonthly: number;
}

export interface BackupCounts {
  workerFiles: number;
  petitions: number;
  reliefApplications: number;
  journalEntries: number;
  auditRows: number;
}

export interface BackupInspection {
  record: BackupRecord;
  /** Checked again just now, on the file as it is. */
  verified: boolean;
  problems: string[];
  message: string;
  /** Null when the file cannot be read at all. */
  counts: BackupCounts | null;
  /** The last migration the copy holds; an older one is brought up to date after a restore. */
  schemaVersion: string | null;
}

export interface RestoreResult {
  restoredFrom: BackupRecord;
  /** The current database as it was just before the restore (a verified copy), when it was healthy. */
  preRestoreBackup: BackupRecord | null;
  /** When the current file had failed its health check: where it was moved, untouched, for inspection. */
  damagedFileSavedAs: string | null;
  /** Every session was ended: the page must send the user to the login screen. */
  mustLogInAgain: true;
  message: string;
}

export interface HealthReport {
  status: 'ok' | 'unhealthy';
  checkedAt: string;
  databaseFile: string;
  /** What is wrong, one sentence each, in Chinese; empty when healthy. */
  problems: string[];
  /** The newest backup that passed verification (the candidate to restore), when there is one. */
  newestVerifiedBackup: { fileName: string; path: string; at: string; kind: BackupKind } | null;
  /** What to do, in Chinese. */
  advice: string;
}

/** Channels still served when the start-up health check failed: enough to see the report, log in and restore. */
export const OPEN_WHEN_UNHEALTHY: readonly Channel[] = [
  'health.status',
  'auth.setupStatus',
  'auth.login',
  'auth.logout',
  'auth.me',
  'backup.list',
  'backup.inspect',
  'backup.restore',
];

export const backupChannels = {
  'backup.list': channel<BackupList>()({
    title: '查看数据备份',
    input: emptyInput,
    access: ['admin'],
    kind: 'read',
  }),
  'backup.create': channel<BackupRecord>()({
    title: '立即备份数据',
    input: z.object({ jobId: jobId.optional() }).strict(),
    access: ['admin'],
    kind: 'write',
  }),
  'backup.inspect': channel<BackupInspection>()({
    title: '查看备份内容',
    input: z.object({ id, jobId: jobId.optional() }).strict(),
    access: ['admin'],
    kind: 'read',
  }),
  'backup.restore': channel<RestoreResult>()({
    title: '从备份恢复数据',
    input: z
      .object({
        id,
        confirm: z
          .string('请输入确认文字')
          .max(20, `请输入“${RESTORE_CONFIRMATION}”四个字以确认`)
          .refine((v) => v.trim() === RESTORE_CONFIRMATION, `请输入“${RESTORE_CONFIRMATION}”四个字以确认`),
      })
      .strict(),
    access: ['admin'],
    kind: 'write',
  }),
  'health.status': channel<HealthReport>()({
    title: '数据库健康检查',
    input: emptyInput,
    access: 'public',
    kind: 'read',
  }),
} as const;
