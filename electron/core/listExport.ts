// A list page's workbook (issue 14): refused when the filter selects too many rows, otherwise built on
// the jobs worker from its own read-only connection, with progress under the page's jobId.
import type { FileDownload } from '../../shared/contract/define';
import { LIST_EXPORT_LIMIT } from '../../shared/contract/listQuery';
import { localDate } from '../../shared/dates';
import type { ListTaskName } from '../jobs/listTasks';
import { runTracked } from '../jobs/progress';
import type { TaskInput } from '../jobs/tasks';
import { Deferred, type HandlerContext } from './context';
import { refuseLargeExport } from './listExportLimit';

export function exportList<K extends ListTaskName>(
  ctx: HandlerContext,
  jobId: string | undefined,
  task: K,
  rowCount: number,
  input: Omit<TaskInput<K>, 'dbFile' | 'centreName'>,
  fileTitle: string,
): Deferred<FileDownload> {
  if (rowCount > LIST_EXPORT_LIMIT) refuseLargeExport(fileTitle);
  const job = { ...input, dbFile: ctx.db.name, centreName: ctx.settings.centreName } as TaskInput<K>;
  const fileName = `${fileTitle}-${localDate(ctx.now)}.xlsx`;
  return new Deferred(async () => ({ fileName, base64: await runTracked(ctx.user!.id, jobId, task, job) }));
}
