import type { WorkerFile } from '../../../shared/contract/files';
import { localDate } from '../../../shared/dates';
import type { HandlerContext } from '../context';
import { fileWarning, recordRiskEvent } from './store';

// Entries on the risk timeline written by the worker-file handlers, so every change of colour shows there.
export function noteWarningChange(ctx: HandlerContext, before: WorkerFile, after: WorkerFile, reason: string): void {
  const line = ctx.settings.minLivingLineFen;
  const warningBefore = fileWarning(before, line);
  const warningAfter = fileWarning(after, line);
  if (warningBefore === warningAfter) return;
  recordRiskEvent(ctx.db, {
    fileId: after.id,
    eventDate: localDate(ctx.now),
    kind: 'warning',
    warningBefore,
    warningAfter,
    perCapitaFen: after.perCapitaIncomeFen,
    reason: reason.slice(0, 500),
    userId: ctx.user!.id,
    at: ctx.now.toISOString(),
  });
}

export function noteReactivation(ctx: HandlerContext, file: WorkerFile, reason: string): void {
  recordRiskEvent(ctx.db, {
    fileId: file.id,
    eventDate: localDate(ctx.now),
    kind: 'reactivate',
    warningBefore: null,
    warningAfter: fileWarning(file, ctx.settings.minLivingLineFen),
    perCapitaFen: file.perCapitaIncomeFen,
    reason,
    userId: ctx.user!.id,
    at: ctx.now.toISOString(),
  });
}

/** A direct exit by the director: on the timeline and in the month's ledger like an approved proposal. */
export function noteExit(ctx: HandlerContext, before: WorkerFile, reason: string): void {
  recordRiskEvent(ctx.db, {
    fileId: before.id,
    eventDate: localDate(ctx.now),
    kind: 'exit',
    warningBefore: fileWarning(before, ctx.settings.minLivingLineFen),
    warningAfter: null,
    perCapitaFen: before.perCapitaIncomeFen,
    reason,
    userId: ctx.user!.id,
    at: ctx.now.toISOString(),
  });
}
