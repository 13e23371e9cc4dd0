import type { HealthReport } from '../../../shared/contract/backup';
import { localDateTime } from '../../../shared/dates';
import type { Db } from '../../db/open';
import { auditAnchor } from '../audit/chain';
import { listBackupFiles, type BackupFile } from './files';
import { describeSqliteError } from './verify';

/** `PRAGMA quick_check` (the fast subset of integrity_check: a second on a 1 GB file). */
export function quickCheckProblem(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
    const found = rows.map((r) => r.quick_check).filter((t) => t !== 'ok');
    return found.length === 0 ? null : `数据库文件 ${db.name} 已损坏（快速检查发现：${found.join('；').slice(0, 200)}）。`;
  } catch (e) {
    return `数据库文件 ${db.name} 已损坏（${describeSqliteError(e)}）。`;
  }
}

/**
 * The anchor against the end of the chain, without walking it (that is `audit.verify`, on demand):
 * row count, last id and last hash must be what the anchor recorded.
 */
export function anchorProblem(db: Db): string | null {
  try {
    const anchor = auditAnchor(db);
    if (!anchor) return '审计日志的锚点记录丢失，无法确认日志是否完整。';
    const tail = db.prepare('SELECT count(*) AS n, max(id) AS last FROM audit_log').get() as { n: number; last: number | null };
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    if (tail.n !== anchor.rowCount || (tail.last ?? 0) !== anchor.lastId || (last?.hash ?? anchor.lastHash) !== anchor.lastHash) {
      return `审计日志与锚点不符（锚点记录 ${anchor.rowCount} 条，现有 ${tail.n} 条）：日志可能被删改过。`;
    }
    return null;
  } catch (e) {
    return `无法读取审计日志（${describeSqliteError(e)}）。`;
  }
}

/**
 * The newest copy in backups/ or the extra folder. Every file under a final backup name passed
 * verification before it was renamed (writeBackup), so the name alone says it was verified; this also
 * works when the database itself cannot be read.
 */
export function newestVerifiedFile(dirs: readonly (string | null)[]): BackupFile | null {
  const all = dirs.flatMap((d) => listBackupFiles(d));
  return all.reduce<BackupFile | null>((best, f) => (best === null || f.sortKey > best.sortKey ? f : best), null);
}

export function healthReport(databaseFile: string, problems: string[], newest: BackupFile | null, at: Date): HealthReport {
  const ok = problems.length === 0;
  const where = newest ? `最近一次校验通过的备份是 ${newest.name}（${localDateTime(new Date(newest.at))}，位于 ${newest.path}）` : '没有找到校验通过的备份';
  return {
    status: ok ? 'ok' : 'unhealthy',
    checkedAt: at.toISOString(),
    databaseFile,
    problems,
    newestVerifiedBackup: newest && { fileName: newest.name, path: newest.path, at: newest.at, kind: newest.kind },
    advice: ok
      ? '数据库检查正常。'
      : newest
        ? `为免损坏扩大，系统已暂停录入。${where}。请管理员登录后在“数据备份”页选择它恢复；恢复前系统会先把当前文件另存一份。`
        : `为免损坏扩大，系统已暂停录入，且${where}。请不要删除数据文件 ${databaseFile}，立即联系技术支持。`,
  };
}

/** What dispatch answers for a business channel while the health check has failed. */
export function unhealthyMessage(h: HealthReport): string {
  const b = h.newestVerifiedBackup;
  const backup = b ? `请管理员从最近一次校验通过的备份 ${b.fileName}（${localDateTime(new Date(b.at))}）恢复。` : '没有校验通过的备份，请立即联系技术支持。';
  return `数据库启动检查未通过：${h.problems[0] ?? '原因不明'}为免损坏扩大，除登录和恢复外的操作已暂停。${backup}`;
}

/** The report as lines for a console (the browser door, and Electron's log). */
export function healthText(h: HealthReport): string {
  if (h.status === 'ok') return `数据库检查正常 database health ok: ${h.databaseFile}`;
  return ['数据库启动检查未通过 DATABASE HEALTH CHECK FAILED', `数据文件：${h.databaseFile}`, ...h.problems.map((p) => `  - ${p}`), h.advice].join('\n');
}
