// A handler's way to a registered export (electron/jobs/exports.ts): typed arguments in, base64 out,
// progress recorded under the page's job id.
import type { ExportArgs, ExportKind } from './exports';
import { runTracked } from './progress';

export function runExport<K extends ExportKind>(ownerId: number, jobId: string | undefined, dbFile: string, kind: K, args: ExportArgs<K>): Promise<string> {
  return runTracked(ownerId, jobId, 'export', { dbFile, kind, args });
}
