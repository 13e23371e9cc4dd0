import type { fileChannels } from '../../../shared/contract/files';
import { fail } from '../../../shared/errors';
import { maskIdNumber, normalizeIdNumber } from '../../../shared/idcard';
import { EXCLUSION_LABELS } from '../../../shared/workerFile';
import { Deferred, type HandlerContext } from '../context';
import { workerFileFormDoc } from '../../pdf/documents/workerFileForm';
import { renderPdf } from '../../pdf/render';
import type { HandlerMap } from '../handler';
import { localDate } from '../../../shared/dates';
import { noteExit, noteReactivation, noteWarningChange } from '../monitoring/events';
import { describeFileChanges } from './changes';
import { runTracked } from '../../jobs/progress';
import { listFiles } from './list';
import { searchFiles } from './search';
import { findFileByIdNumber, getFileRow, loadFile, writeFile } from './store';

const ENTITY = 'worker_file';

function refuseDuplicate(ctx: HandlerContext, idNumber: string, exceptId: number | null): void {
  const existing = findFileByIdNumber(ctx.db, idNumber);
  if (existing && existing.id !== exceptId) {
    fail('CONFLICT', `身份证号 ${maskIdNumber(normalizeIdNumber(idNumber))} 已经建档：${existing.name}（档案编号 ${existing.id}）。一人只建一份档案，请打开原档案修改。`);
  }
}

const load = (ctx: HandlerContext, id: number) => loadFile(ctx.db, id, ctx.settings.minLivingLineFen);

export const fileHandlers: HandlerMap<keyof typeof fileChannels> = {
  'files.create': (ctx, input) => {
    refuseDuplicate(ctx, input.idNumber, null);
    const id = writeFile(ctx.db, null, input, ctx.user!.id, ctx.now.toISOString());
    const file = load(ctx, id);
    ctx.audit({
      summary: `新建档案：${file.name}，${file.workUnit}，家庭 ${file.householdSize} 人`,
      entityType: ENTITY,
      entityId: id,
    });
    return file;
  },

  'files.update': (ctx, { id, file: input }) => {
    const before = load(ctx, id);
    if (before.status === 'exited') fail('RULE', '档案已脱困退出，请先由主任恢复在档再修改。');
    refuseDuplicate(ctx, input.idNumber, id);
    writeFile(ctx.db, id, input, ctx.user!.id, ctx.now.toISOString());
    const after = load(ctx, id);
    noteWarningChange(ctx, before, after, after.riskNote || '修改档案');
    ctx.audit({ summary: `修改档案 ${after.name}：${describeFileChanges(before, after)}`, entityType: ENTITY, entityId: id });
    return after;
  },

  'files.get': (ctx, { id }) => load(ctx, id),

  'files.list': (ctx, q) => listFiles(ctx.db, q, ctx.settings.minLivingLineFen),

  // Counted against the limit and written on the jobs worker: a wide filter is never counted on the door's thread.
  'files.exportXlsx': (ctx, { jobId, ...query }) => {
    const job = { dbFile: ctx.db.name, centreName: ctx.settings.centreName, query, minLivingLineFen: ctx.settings.minLivingLineFen };
    return new Deferred(async () => ({ fileName: `困难职工档案-${localDate(ctx.now)}.xlsx`, base64: await runTracked(ctx.user!.id, jobId, 'filesXlsx', job) }));
  },

  'files.search': (ctx, { q, limit }) => searchFiles(ctx.db, q, limit),

  'files.units': ({ db }) =>
    (db.prepare('SELECT DISTINCT work_unit FROM worker_files ORDER BY work_unit').all() as { work_unit: string }[]).map((r) => r.work_unit),

  'files.exit': (ctx, { id, reason }) => {
    const row = getFileRow(ctx.db, id);
    if (row.status === 'exited') fail('CONFLICT', '该档案已经是脱困退出状态');
    const before = load(ctx, id);
    // The yearly revisit clock of a stable household runs from the exit date.
    ctx.db
      .prepare(
        "UPDATE worker_files SET status = 'exited', exit_reason = ?, exited_at = ?, monitor_anchor_date = ?, monitor_next_date = NULL, updated_at = ?, updated_by = ? WHERE id = ?",
      )
      .run(reason, ctx.now.toISOString(), localDate(ctx.now), ctx.now.toISOString(), ctx.user!.id, id);
    noteExit(ctx, before, reason);
    ctx.audit({ summary: `脱困退出：${row.name}。原因：${reason}`, entityType: ENTITY, entityId: id });
    return load(ctx, id);
  },

  'files.reactivate': (ctx, { id, reason }) => {
    const row = getFileRow(ctx.db, id);
    if (row.status === 'active') fail('CONFLICT', '该档案本来就在档');
    ctx.db
      .prepare(
        "UPDATE worker_files SET status = 'active', exit_reason = NULL, exited_at = NULL, monitor_anchor_date = ?, monitor_next_date = NULL, updated_at = ?, updated_by = ? WHERE id = ?",
      )
      .run(localDate(ctx.now), ctx.now.toISOString(), ctx.user!.id, id);
    noteReactivation(ctx, load(ctx, id), reason);
    ctx.audit({ summary: `恢复在档：${row.name}。原因：${reason}`, entityType: ENTITY, entityId: id });
    return load(ctx, id);
  },

  'files.setExclusion': (ctx, { fileId, kind, reason }) => {
    const row = getFileRow(ctx.db, fileId);
    const open = ctx.db.prepare('SELECT 1 FROM file_exclusions WHERE file_id = ? AND kind = ? AND cleared_at IS NULL').get(fileId, kind);
    if (open) fail('CONFLICT', `该档案已标记“${EXCLUSION_LABELS[kind]}”`);
    ctx.db
      .prepare('INSERT INTO file_exclusions (file_id, kind, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)')
      .run(fileId, kind, reason, ctx.user!.id, ctx.now.toISOString());
    ctx.audit({ summary: `标记不予救助：${row.name}，${EXCLUSION_LABELS[kind]}。理由：${reason}`, entityType: ENTITY, entityId: fileId });
    return load(ctx, fileId);
  },

  'files.printForm': (ctx, { id }) => {
    const file = load(ctx, id);
    ctx.audit({ summary: `打印困难职工档案表：${file.name}`, entityType: ENTITY, entityId: id });
    const doc = workerFileFormDoc(file, { ...ctx.settings, printedAt: ctx.now });
    return new Deferred(async () => ({
      fileName: `困难职工档案表-${file.name}-${file.id}.pdf`,
      base64: (await renderPdf(doc)).toString('base64'),
    }));
  },

  'files.clearExclusion': (ctx, { exclusionId, reason }) => {
    const ex = ctx.db.prepare('SELECT file_id, kind, cleared_at FROM file_exclusions WHERE id = ?').get(exclusionId) as
      | { file_id: number; kind: keyof typeof EXCLUSION_LABELS; cleared_at: string | null }
      | undefined;
    if (!ex) return fail('NOT_FOUND', `找不到编号为 ${exclusionId} 的标记`);
    if (ex.cleared_at) fail('CONFLICT', '该标记已经解除');
    ctx.db
      .prepare('UPDATE file_exclusions SET cleared_by = ?, cleared_at = ?, clear_reason = ? WHERE id = ?')
      .run(ctx.user!.id, ctx.now.toISOString(), reason, exclusionId);
    const row = getFileRow(ctx.db, ex.file_id);
    ctx.audit({ summary: `解除不予救助标记：${row.name}，${EXCLUSION_LABELS[ex.kind]}。理由：${reason}`, entityType: ENTITY, entityId: ex.file_id });
    return load(ctx, ex.file_id);
  },
};
