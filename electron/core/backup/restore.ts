import fs from 'node:fs';
import path from 'node:path';
import type { SessionUser } from '../../../shared/contract/auth';
import type { RestoreResult } from '../../../shared/contract/backup';
import { localDate, localDateTime } from '../../../shared/dates';
import { AppError, fail } from '../../../shared/errors';
import { migrate } from '../../db/migrate';
import { openDatabase } from '../../db/open';
import { appendAudit } from '../audit/chain';
import type { AppContext } from '../context';
import { settingsOn } from '../settings/store';
import { exclusive, writeBackup } from './backup';
import { fsyncDir, fsyncFile, listBackupFiles, removeTemp, tempNameFor } from './files';
import { backupDirOf, databaseFileOf } from './paths';
import { healthReport, newestVerifiedFile } from './health';
import { adoptFiles, allBackupRows, carryRows, recordBackup, toRecord, type BackupRow } from './store';
import { verifyCopyOffThread } from './verifyOffThread';

export const RESTORING_MESSAGE = '正在从备份恢复数据库，所有操作暂停。请稍候一两分钟，完成后需要重新登录。';

const SIDE_FILES = ['-wal', '-shm'] as const;

/**
 * Replaces the live database with a backup. Runs after dispatch's transaction (Deferred), under the
 * backup lock, with every call refused meanwhile (`app.restoring`):
 * 1. the chosen file is copied beside the database and that copy verified: a damaged backup is refused
 *    and nothing changes;
 * 2. the current database is saved: a verified pre-restore backup when it is healthy, or, when it failed
 *    its health check, the file itself moved untouched to backups/damaged-….sqlite;
 * 3. the old handle is closed, the verified copy renamed over the database file, a new handle opened
 *    (older copies are migrated) and put on the shared AppContext, so both doors go on working;
 * 4. the backup list is carried over, an audit row written in the restored database, every session ended.
 */
export async function restoreBackup(app: AppContext, row: BackupRow, user: SessionUser | null): Promise<RestoreResult> {
  return exclusive(app, async () => {
    const live = databaseFileOf(app.dataDir);
    const dir = backupDirOf(app.dataDir);
    const source = [row.path, row.extra_path].find((p): p is string => p !== null && fs.existsSync(p));
    if (row.verified !== 1 || !source) fail('NOT_FOUND', `备份文件 ${path.basename(row.path)} 已不在备份文件夹中（可能已按保留份数清理），请选择另一份备份。`);
    const staged = tempNameFor(live);
    try {
      await fs.promises.copyFile(source!, staged);
      await fsyncFile(staged);
      const check = await verifyCopyOffThread(staged);
      if (!check.ok) {
        fail('RULE', `所选备份 ${path.basename(row.path)} 已损坏或不完整，不能用来恢复：${check.problems.join('；')}当前数据没有改动。请选择列表中另一份校验通过的备份。`);
      }
      const now = app.clock.now();
      const healthy = app.health.status === 'ok' && app.db.name === live;
      const extraDir = healthy ? settingsOn(app.db, localDate(now)).backupExtraFolder || null : null;
      app.restoring = RESTORING_MESSAGE;
      let preRecordRow: BackupRow | null = null;
      let damagedFileSavedAs: string | null = null;
      if (healthy) {
        const pre = await writeBackup(app.db, { dir, extraDir, kind: 'pre-restore', at: now, offThread: true });
        if (!pre.verified) fail('STORAGE', `恢复前先备份当前数据没有成功（${pre.message}），为安全起见没有恢复。请检查磁盘空间后重试。`);
        const id = app.db.transaction(() => recordBackup(app.db, pre, user?.id ?? null)).immediate();
        preRecordRow = app.db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as BackupRow;
      }
      let carried: BackupRow[] = [];
      try {
        carried = allBackupRows(app.db);
      } catch {
        // a damaged file's list may be unreadable: the restored one still has its own
      }
      const old = app.db;
      old.close();
      if (healthy && fs.existsSync(`${live}-wal`)) {
        app.db = openDatabase(live);
        fail('CONFLICT', '另一个程序（另一个本程序窗口或浏览器入口）还开着这个数据库，无法恢复。请先关闭它，再重试。');
      }
      if (!healthy) {
        // Kept as it is, for whoever investigates: never overwritten, never listed as a backup.
        if (old.name !== live && old.name !== ':memory:') fs.rmSync(old.name, { force: true });
        damagedFileSavedAs = path.join(dir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
        if (fs.existsSync(live)) fs.renameSync(live, damagedFileSavedAs);
        for (const s of SIDE_FILES) if (fs.existsSync(live + s)) fs.renameSync(live + s, damagedFileSavedAs + s);
      }
      for (const s of SIDE_FILES) fs.rmSync(live + s, { force: true });
      fs.renameSync(staged, live);
      fsyncDir(app.dataDir);

      const db = openDatabase(live);
      try {
        // The copy just verified is the backup itself: no pre-migration copy of it is needed.
        await migrate(db, { backupDir: null, now });
        const from = `${path.basename(row.path)}（${localDateTime(new Date(row.at))}，审计日志 ${check.auditRows ?? 0} 条）`;
        const saved = preRecordRow ? `恢复前的数据已另存为 ${path.basename(preRecordRow.path)}` : `原数据文件未通过启动检查，已原样移到 ${damagedFileSavedAs}`;
        db.transaction(() => {
          carryRows(db, preRecordRow ? [...carried, preRecordRow] : carried);
          adoptFiles(db, listBackupFiles(dir));
          appendAudit(db, {
            at: now.toISOString(),
            userId: null, // user ids of the replaced database need not name the same person here
            username: user?.username ?? null,
            channel: 'backup.restore',
            outcome: 'ok',
            code: null,
            summary: `从备份 ${from} 恢复了数据库；${saved}。所有用户需重新登录。`,
            entityType: 'backup',
            entityId: null,
          });
        }).immediate();
      } catch (e) {
        db.close();
        throw e;
      }
      app.db = db;
      app.health = healthReport(live, [], newestVerifiedFile([dir, extraDir]), app.clock.now());
      app.sessions.endAll();
      const restored = db.prepare('SELECT * FROM backups WHERE path = ?').get(row.path) as BackupRow | undefined;
      const pre = preRecordRow && (db.prepare('SELECT * FROM backups WHERE path = ?').get(preRecordRow.path) as BackupRow);
      return {
        restoredFrom: toRecord(db, restored ?? row),
        preRestoreBackup: pre ? toRecord(db, pre) : null,
        damagedFileSavedAs,
        mustLogInAgain: true,
        message: `已从 ${localDateTime(new Date(row.at))} 的备份恢复数据库。${preRecordRow ? `恢复前的数据已另存为 ${path.basename(preRecordRow.path)}。` : ''}所有用户已退出，请重新登录。`,
      };
    } catch (e) {
      // Whatever failed, leave a working handle on whatever file is there now.
      if (!app.db.open) {
        try {
          app.db = openDatabase(live);
        } catch (reopen) {
          console.error('[backup] could not reopen the database after a failed restore', reopen);
        }
      }
      if (e instanceof AppError) throw e;
      console.error('[backup] restore failed', e);
      throw new AppError('STORAGE', `恢复没有完成（${e instanceof Error ? e.message : String(e)}）。请重新启动程序；恢复前的数据仍在原处或已另存在备份文件夹中。`);
    } finally {
      app.restoring = null;
      removeTemp(staged);
    }
  });
}
