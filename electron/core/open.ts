import fs from 'node:fs';
import path from 'node:path';
import { localDate } from '../../shared/dates';
import { migrate, type MigrateReport } from '../db/migrate';
import { openDatabase, type Db } from '../db/open';
import { LoginThrottle } from './auth/throttle';
import { SessionStore } from './auth/sessions';
import { writeBackup, type BackupOutcome } from './backup/backup';
import { anchorProblem, healthReport, newestVerifiedFile, quickCheckProblem } from './backup/health';
import { backupDirOf, DATABASE_FILE, databaseFileOf } from './backup/paths';
import { takeDailyBackupIfDue } from './backup/schedule';
import { listBackupFiles } from './backup/files';
import { adoptFiles, recordBackup, type WrittenBackup } from './backup/store';
import { describeSqliteError } from './backup/verify';
import { systemClock, type Clock } from './clock';
import type { AppContext } from './context';

export { DATABASE_FILE };

export interface OpenedCore extends AppContext {
  migration: MigrateReport;
  /** The daily backup this start took (first healthy start of the day), or null. */
  dailyBackup: BackupOutcome | null;
}

const STAND_IN_FILE = 'centre-standin.sqlite';

const sqliteCode = (e: unknown) => (typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '');

/** The extra backup folder in force today, read directly: settingsOn's cache must not outlive the migrations. */
function extraFolderOf(db: Db, clock: Clock): string | null {
  try {
    const row = db
      .prepare("SELECT value_json FROM setting_values WHERE key = 'backupExtraFolder' AND effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1")
      .get(localDate(clock.now())) as { value_json: string } | undefined;
    const folder = row ? (JSON.parse(row.value_json) as unknown) : '';
    return typeof folder === 'string' && folder !== '' ? folder : null;
  } catch {
    return null;
  }
}

/**
 * When the database file cannot be opened or fails its quick check, login and restore are served from a
 * scratch copy of the newest verified backup (so the admin can log in with that backup's password and
 * restore from the page), or from an empty database when there is no backup. Business channels stay
 * refused either way (dispatch's gate); the damaged file itself is not touched.
 */
async function standIn(dataDir: string, newest: string | null, clock: Clock): Promise<Db> {
  const file = path.join(dataDir, STAND_IN_FILE);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  let db: Db | null = null;
  if (newest) {
    try {
      fs.copyFileSync(newest, file);
      db = openDatabase(file);
      await migrate(db, { backupDir: null, now: clock.now() });
    } catch (e) {
      console.error('[open] could not use the newest backup as a stand-in', e);
      db?.close();
      db = null;
    }
  }
  if (!db) {
    db = openDatabase(':memory:');
    await migrate(db, { backupDir: null, now: clock.now() });
  }
  // A copy does not hold its own row: list every file in backups/ so the admin can pick one.
  const live = db;
  live.transaction(() => adoptFiles(live, listBackupFiles(backupDirOf(dataDir)))).immediate();
  return live;
}

/**
 * Opens (creating if needed) the data directory's database, migrated and ready for dispatch, after a
 * health check (quick_check, migration prefix, audit anchor). A damaged file does not throw: `health`
 * says what is wrong and the newest verified backup, and dispatch serves only what a restore needs.
 * A file written by a newer build still throws MigrationRefusedError (the fix is a newer program).
 * On the first healthy start of a day, takes the daily backup before returning.
 */
export async function openCore(dataDir: string, clock: Clock = systemClock, opts: { dailyBackup?: boolean } = {}): Promise<OpenedCore> {
  fs.mkdirSync(dataDir, { recursive: true });
  const backupDir = backupDirOf(dataDir);
  fs.mkdirSync(backupDir, { recursive: true });
  const file = databaseFileOf(dataDir);
  const problems: string[] = [];
  /** The file itself does not open or read cleanly (as opposed to an audit log that does not match its anchor). */
  let damaged = false;
  let migration: MigrateReport = { applied: [], backupFile: null };
  let preMigration: WrittenBackup | null = null;

  let db: Db | null = null;
  try {
    db = openDatabase(file);
  } catch (e) {
    const code = sqliteCode(e);
    // Permissions or a missing disk: a restore would not help, so this is not a health report.
    if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
      throw new Error(`打不开数据文件 ${file}（${describeSqliteError(e)}）。请检查数据文件夹是否存在、磁盘是否已连接、当前用户是否有读写权限，然后重新启动程序。`);
    }
    problems.push(`数据库文件 ${file} 无法打开（${describeSqliteError(e)}）。`);
    damaged = true;
  }
  if (db) {
    const quick = quickCheckProblem(db);
    if (quick) (problems.push(quick), (damaged = true));
  }
  if (db && problems.length === 0) {
    const live = db;
    try {
      migration = await migrate(live, {
        backupDir,
        now: clock.now(),
        backup: async () => {
          preMigration = await writeBackup(live, { dir: backupDir, extraDir: extraFolderOf(live, clock), kind: 'pre-migration', at: clock.now() });
          if (!preMigration.verified) throw new Error(`升级数据库前的备份没有成功（${preMigration.message}），为安全起见没有升级。请检查磁盘空间后重新启动程序。`);
          return preMigration.path;
        },
      });
    } catch (e) {
      const code = sqliteCode(e);
      if (!(code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
        live.close();
        throw e;
      }
      problems.push(`数据库文件 ${file} 已损坏（${describeSqliteError(e)}）。`);
      damaged = true;
    }
  }
  if (db && problems.length === 0) {
    const anchor = anchorProblem(db);
    if (anchor) problems.push(anchor);
  }

  const extraDir = db && problems.length === 0 ? extraFolderOf(db, clock) : null;
  const newest = newestVerifiedFile([backupDir, extraDir]);
  if (db && problems.length === 0 && preMigration) {
    const taken: WrittenBackup = preMigration;
    try {
      const live = db;
      live.transaction(() => recordBackup(live, taken, null)).immediate();
    } catch (e) {
      console.error('[open] could not record the pre-migration backup', e);
    }
  }
  // A file that does not open or read cleanly is not served: login and restore run on a stand-in.
  if (damaged) {
    db?.close();
    db = await standIn(dataDir, newest?.path ?? null, clock);
  }
  const app: OpenedCore = {
    db: db!,
    clock,
    sessions: new SessionStore(),
    loginThrottle: new LoginThrottle(),
    dataDir,
    health: healthReport(file, problems, newest, clock.now()),
    migration,
    dailyBackup: null,
  };
  if (opts.dailyBackup !== false) app.dailyBackup = await takeDailyBackupIfDue(app);
  return app;
}
