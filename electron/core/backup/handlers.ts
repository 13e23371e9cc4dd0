import fs from 'node:fs';
import path from 'node:path';
import type { backupChannels, BackupInspection, BackupList } from '../../../shared/contract/backup';
import { localDateTime } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { Deferred, type HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { takeBackup } from './backup';
import { sameDisk } from './files';
import { backupDirOf } from './paths';
import { restoreBackup } from './restore';
import { BACKUP_STALE_MS } from './schedule';
import { allBackupRows, backupRow, toRecord, type BackupRow } from './store';
import { warmJobs } from '../../jobs/pool';
import { verifyCopyOffThread, type VerifyTracking } from './verifyOffThread';

function list(ctx: HandlerContext): BackupList {
  const extraFolder = ctx.settings.backupExtraFolder || null;
  const rows = allBackupRows(ctx.db);
  // Failed attempts stay listed (the admin should see them); pruned or deleted files do not.
  const records = rows.map((r) => toRecord(ctx.db, r)).filter((r) => r.present || !r.verified).slice(0, 500);
  return {
    records,
    backupDir: backupDirOf(ctx.dataDir),
    extraFolder,
    extraFolderSameDisk: extraFolder !== null && sameDisk(extraFolder, ctx.dataDir),
    lastVerified: records.find((r) => r.verified) ?? null,
    everCopiedOffDisk: rows.some((r) => r.copied_off_disk === 1),
    keepDaily: ctx.settings.backupKeepDaily,
    keepMonthly: ctx.settings.backupKeepMonthly,
  };
}

/** The AppContext dispatch shares between calls: the restore replaces its database handle. */
const shared = (ctx: HandlerContext) => ctx.app ?? ctx;

function rowOrFail(db: Db, id: number): BackupRow {
  return backupRow(db, id) ?? fail('NOT_FOUND', '没有这份备份记录，请刷新备份列表后重试。');
}

async function inspect(db: Db, row: BackupRow, track: VerifyTracking): Promise<BackupInspection> {
  const record = toRecord(db, row);
  const file = [row.path, row.extra_path].find((p): p is string => p !== null && fs.existsSync(p));
  if (row.verified !== 1 || !file) {
    const problem = row.verified !== 1 ? `这份备份当时没有通过校验（${row.message}），文件已删除。` : '备份文件已不在备份文件夹中（可能已按保留份数清理或被人删除）。';
    return { record, verified: false, problems: [problem], message: problem, counts: null, schemaVersion: row.schema_version };
  }
  const check = await verifyCopyOffThread(file, undefined, track);
  const c = check.counts;
  return {
    record,
    verified: check.ok,
    problems: check.problems,
    message: check.ok
      ? `备份 ${path.basename(file)}（${localDateTime(new Date(row.at))}）校验通过：职工档案 ${c!.workerFiles} 份，来访 ${c!.petitions} 件，救助申请 ${c!.reliefApplications} 件，记账凭证 ${c!.journalEntries} 张，审计日志 ${c!.auditRows} 条。`
      : `备份 ${path.basename(file)} 校验未通过，不能用来恢复：${check.problems.join('；')}`,
    counts: check.counts,
    schemaVersion: check.schemaVersion,
  };
}

export const backupHandlers: HandlerMap<keyof typeof backupChannels> = {
  'backup.list': (ctx) => {
    warmJobs(); // copies are checked on the jobs worker: have it loaded by then
    return list(ctx);
  },
  'backup.create': (ctx, { jobId }) => {
    ctx.audit({ summary: '手动备份数据库', entityType: 'backup' });
    const { user } = ctx;
    const app = shared(ctx);
    // The copy is taken after this call's transaction commits (so it holds this audit row).
    return new Deferred(async () => {
      const out = await takeBackup(app, 'manual', { userId: user?.id ?? null, jobId });
      if (!out.written.verified) fail('STORAGE', out.written.message);
      return toRecord(app.db, backupRow(app.db, out.id)!);
    });
  },
  'backup.inspect': (ctx, { id, jobId }) => {
    const row = rowOrFail(ctx.db, id);
    const app = shared(ctx);
    // Reading a 1 GB copy takes seconds: done after this call's read transaction, not inside it.
    const track = { ownerId: ctx.user!.id, jobId };
    return new Deferred(() => inspect(app.db, row, track));
  },
  'backup.restore': (ctx, { id }) => {
    const row = rowOrFail(ctx.db, id);
    if (row.verified !== 1) fail('RULE', `这份备份当时没有通过校验，文件已删除，不能用来恢复。请选择另一份。`);
    ctx.audit({ summary: `从备份 ${path.basename(row.path)}（${localDateTime(new Date(row.at))}）恢复数据库`, entityType: 'backup', entityId: id });
    const { user } = ctx;
    const app = shared(ctx);
    // Never inside dispatch's transaction: the restore closes this handle and opens the restored file.
    return new Deferred(() => restoreBackup(app, row, user));
  },
  'health.status': (ctx) => shared(ctx).health,
};

/** The dashboard's backup warning for admins: no verified copy in two days, or none ever copied off the data disk. */
export function backupWarning(db: Db, now: Date): { lastVerifiedAt: string | null; copiedOffDisk: boolean; message: string } | null {
  const rows = allBackupRows(db);
  const last = rows.find((r) => r.verified === 1 && (fs.existsSync(r.path) || (r.extra_path !== null && fs.existsSync(r.extra_path))));
  const copiedOffDisk = rows.some((r) => r.copied_off_disk === 1);
  const stale = !last || now.getTime() - new Date(last.at).getTime() > BACKUP_STALE_MS;
  if (!stale && copiedOffDisk) return null;
  const parts: string[] = [];
  if (!last) parts.push('还没有任何校验通过的备份，请到“数据备份”页立即备份一次。');
  else if (stale) parts.push(`最近一次校验通过的备份是 ${localDateTime(new Date(last.at))}，已超过两天，请到“数据备份”页立即备份。`);
  if (!copiedOffDisk) parts.push('备份从未另存到第二块磁盘或U盘：这台电脑的硬盘一旦损坏，所有账目都会丢失。请在“系统设置”中填写“备份另存到”文件夹。');
  return { lastVerifiedAt: last?.at ?? null, copiedOffDisk, message: parts.join('') };
}
