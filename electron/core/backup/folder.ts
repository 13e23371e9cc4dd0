import fs from 'node:fs';
import path from 'node:path';
import { backupDirOf } from './paths';

/** Why the admin's extra backup folder cannot be used, in Chinese, or null. Checked when the setting is saved. */
export function extraFolderProblem(folder: string, dataDir: string): string | null {
  if (!path.isAbsolute(folder)) return `“${folder}”不是完整路径。请填写从盘符或根目录开始的文件夹，例如 E:\\帮扶中心备份。`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    return `找不到文件夹“${folder}”。请先插好U盘或第二块磁盘并建好这个文件夹，再保存。`;
  }
  if (!stat.isDirectory()) return `“${folder}”是一个文件，不是文件夹。`;
  const resolved = path.resolve(folder);
  if (resolved === path.resolve(dataDir) || resolved === path.resolve(backupDirOf(dataDir))) {
    return '这是数据所在的文件夹，另存到这里起不到保护作用。请选择第二块磁盘或U盘上的文件夹。';
  }
  const probe = path.join(folder, `.centre-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch {
    return `无法在“${folder}”中写入文件（没有写入权限、磁盘只读或已满）。请换一个文件夹。`;
  }
  return null;
}
