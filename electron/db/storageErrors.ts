import type { ApiError } from '../../shared/errors';

/**
 * SQLite's storage failures in words a clerk can act on. Whatever the failure, the transaction has
 * rolled back, so each message says nothing was saved.
 */
export function storageFailure(e: unknown): ApiError | null {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const say = (message: string): ApiError => ({ code: 'STORAGE', message });
  if (code === 'SQLITE_FULL') return say('磁盘空间不足，操作没有保存。请清理数据所在磁盘的空间（或请管理员处理）后再试。');
  if (code.startsWith('SQLITE_READONLY')) return say('数据文件只读，操作没有保存。请检查数据文件夹的权限、磁盘是否写保护或已满，然后重新启动程序。');
  if (code.startsWith('SQLITE_IOERR')) return say('读写数据文件出错（磁盘或移动硬盘可能已断开或损坏），操作没有保存。请检查磁盘后重新启动程序；如反复出现，请由管理员从最近的备份恢复。');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return say('数据文件已损坏，操作没有保存。请立即停止录入，联系管理员从最近一次校验通过的备份恢复。');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return say('数据文件正被另一个程序占用，操作没有保存。请稍后重试；如果同时开着两个本程序，请关掉一个。');
  if (code.startsWith('SQLITE_CANTOPEN')) return say('打不开数据文件，操作没有保存。请检查数据文件夹是否还在、磁盘是否已连接。');
  return null;
}
