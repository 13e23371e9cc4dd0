// A handler's answer that is a file built on the jobs worker (electron/jobs/exports.ts): the page waits on
// the Deferred and follows the work's progress under its jobId.
import type { FileDownload } from '../../shared/contract/define';
import type { ExportArgs, ExportKind } from '../jobs/exports';
import { runExport } from '../jobs/runExport';
import { Deferred, type HandlerContext } from './context';

export function offThreadFile<K extends ExportKind>(ctx: HandlerContext, jobId: string | undefined, fileName: string, kind: K, args: ExportArgs<K>): Deferred<FileDownload> {
  return new Deferred(async () => ({ fileName, base64: await runExport(ctx.user!.id, jobId, ctx.db.name, kind, args) }));
}
