import Database from 'better-sqlite3';
import type { BackupCounts } from '../../../shared/contract/backup';
import { MIGRATIONS, type Migration } from '../../db/migrations';
import type { Db } from '../../db/open';
import { verifyAuditChain } from '../audit/chain';
import { verifyMessage } from '../audit/handlers';

export interface CopyCheck {
  ok: boolean;
  /** What is wrong, in Chinese; empty when ok. */
  problems: string[];
  schemaVersion: string | null;
  auditRows: number | null;
  auditHead: string | null;
  counts: BackupCounts | null;
}

const hasTable = (db: Db, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Problems with the applied migrations: they must be a prefix of the ones this build knows. */
export function migrationProblem(db: Db, known: readonly Pick<Migration, 'id'>[] = MIGRATIONS): { problem: string | null; last: string | null } {
  if (!hasTable(db, 'schema_migrations')) return { problem: '文件中没有本系统的数据（缺少迁移记录），不是本系统的数据库。', last: null };
  const ids = (db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
  const bad = ids.findIndex((id, i) => known[i]?.id !== id);
  if (bad >= 0) return { problem: `数据库由其他版本的程序写入（未知的迁移 ${ids[bad]}），本程序不能使用它。`, last: ids[ids.length - 1] ?? null };
  if (ids.length === 0) return { problem: '文件中没有本系统的数据（迁移记录为空）。', last: null };
  return { problem: null, last: ids[ids.length - 1]! };
}

function count(db: Db, table: string): number {
  return hasTable(db, table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
}

export function countsOf(db: Db): BackupCounts {
  return {
    workerFiles: count(db, 'worker_files'),
    petitions: count(db, 'petitions'),
    reliefApplications: count(db, 'relief_applications'),
    journalEntries: count(db, 'journal_entries'),
    auditRows: count(db, 'audit_log'),
  };
}

/**
 * Checks a copy as a restore would need it: it opens, `PRAGMA integrity_check` is ok, its migrations are
 * a prefix of this build's, and its audit chain links and ends on its anchor. Opened read-only: checking
 * never changes the file.
 */
export function verifyCopy(file: string, known: readonly Pick<Migration, 'id'>[] = MIGRATIONS, onChain?: (lastId: number, maxId: number) => void): CopyCheck {
  const result: CopyCheck = { ok: false, problems: [], schemaVersion: null, auditRows: null, auditHead: null, counts: null };
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    result.problems.push(`文件无法打开（${describeSqliteError(e)}）。`);
    return result;
  }
  try {
    const rows = db.pragma('integrity_check(5)') as { integrity_check: string }[];
    const found = rows.map((r) => r.integrity_check).filter((t) => t !== 'ok');
    if (found.length > 0) {
      result.problems.push(`文件已损坏（完整性检查发现问题：${found.join('；').slice(0, 200)}）。`);
      return result;
    }
    const { problem, last } = migrationProblem(db, known);
    result.schemaVersion = last;
    if (problem) {
      result.problems.push(problem);
      return result;
    }
    result.counts = countsOf(db);
    // A copy taken before the anchor existed (0010) has only the chain to walk.
    if (hasTable(db, 'audit_anchor')) {
      const chain = verifyAuditChain(db, onChain && ((_checked, lastId, maxId) => onChain(lastId, maxId)));
      result.auditRows = chain.anchor?.rowCount ?? chain.checked;
      result.auditHead = chain.anchor?.lastHash ?? null;
      if (chain.problem !== null) result.problems.push(verifyMessage(chain));
    }
  } catch (e) {
    result.problems.push(`文件已损坏（读取时出错：${describeSqliteError(e)}）。`);
  } finally {
    db.close();
  }
  result.ok = result.problems.length === 0;
  return result;
}

export function describeSqliteError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'SQLITE_NOTADB') return '不是有效的数据库文件，或文件头已损坏';
  if (code.startsWith('SQLITE_CORRUPT')) return '数据库文件已损坏';
  if (code.startsWith('SQLITE_CANTOPEN')) return '找不到文件或没有读取权限';
  if (code.startsWith('SQLITE_IOERR')) return '读取磁盘出错';
  if (code === 'SQLITE_FULL') return '磁盘空间不足';
  if (code.startsWith('SQLITE_READONLY')) return '文件或磁盘只读';
  return (e instanceof Error ? e.message : String(e)).slice(0, 120);
}
