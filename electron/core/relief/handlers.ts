import type { reliefChannels } from '../../../shared/contract/relief';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { RELIEF_CATEGORY_LABELS, RELIEF_STATUS_LABELS } from '../../../shared/relief';
import { FILE_DOCUMENT_LABELS } from '../../../shared/workerFile';
import { reliefNoticeDoc } from '../../pdf/documents/reliefNotice';
import { renderPdf } from '../../pdf/render';
import { Deferred, type HandlerContext } from '../context';
import { getFileRow } from '../files/store';
import type { HandlerMap } from '../handler';
import { formatNumber, nextNumber } from '../numbering';
import { getPetitionRow } from '../petitions/store';
import { localDate } from '../../../shared/dates';
import { standingReliefForPetition } from './forPetition';
import { concludeNotice, createNotice, loadNotice, objectToLine, resolveObjection } from './notices';
import { exportList } from '../listExport';
import { countRelief, listRelief } from './list';
import type { ReliefRow } from './rows';
import { adviceFor, getReliefRow, GRANTED_STATUSES, loadRelief } from './store';
import { assertReliefAllowed } from './policy';
import { afterEdit, decide, submit, withdraw } from './workflow';

const ENTITY = 'relief';

/** The hard ceiling holds even for an exception: refuse before anything is written. */
function assertWithinCeiling(ctx: HandlerContext, amountFen: number): void {
  const ceiling = ctx.settings.reliefCeilingFen;
  if (amountFen > ceiling) fail('RULE', `申请金额 ${formatYuan(amountFen)} 超过单笔救助最高限额 ${formatYuan(ceiling)}，例外审批也不能突破。`);
}

/** One petition leads to one relief application; a withdrawn one does not count. */
function assertNoReliefYet(ctx: HandlerContext, petitionId: number): void {
  const petition = getPetitionRow(ctx.db, petitionId);
  const standing = standingReliefForPetition(ctx.db, petitionId);
  if (standing) {
    fail('CONFLICT', `来访 ${petition.number} 已经申请过救助（${standing.number}，${RELIEF_STATUS_LABELS[standing.status]}），不能重复申请；请在该申请上继续办理。`);
  }
}

export const reliefHandlers: HandlerMap<keyof typeof reliefChannels> = {
  'relief.advise': (ctx, p) => {
    getFileRow(ctx.db, p.fileId);
    return adviceFor(ctx, { fileId: p.fileId, category: p.category, facts: p.facts, amountFen: p.amountFen, applicationId: p.applicationId });
  },

  'relief.create': (ctx, input) => {
    const file = getFileRow(ctx.db, input.fileId);
    if (file.status === 'exited') fail('RULE', '该职工档案已脱困退出，不能申请救助。');
    if (input.petitionId !== null) assertNoReliefYet(ctx, input.petitionId);
    assertWithinCeiling(ctx, input.amountFen);
    const year = Number(localDate(ctx.now).slice(0, 4));
    const number = formatNumber('JZ', year, nextNumber(ctx.db, 'relief', year));
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO relief_applications (number, file_id, category, facts_json, amount_fen, reasons, override_reason, petition_id, status, proposed_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
        )
        .run(number, input.fileId, input.category, JSON.stringify(input.facts), input.amountFen, input.reasons, input.overrideReason, input.petitionId, ctx.user!.id, ctx.now.toISOString())
        .lastInsertRowid,
    );
    // Documents already on the worker's file count as received, by the clerk who opened the application.
    const onFile = new Set(JSON.parse(file.documents) as string[]);
    const seed = ctx.db.prepare('INSERT INTO relief_documents (application_id, doc, received_by, received_at) VALUES (?, ?, ?, ?)');
    for (const doc of onFile) seed.run(id, doc, ctx.user!.id, ctx.now.toISOString());
    ctx.audit({
      summary: `${number}：为 ${file.name} 申请${RELIEF_CATEGORY_LABELS[input.category]} ${formatYuan(input.amountFen)}${onFile.size ? `；在档材料 ${onFile.size} 项记为已收` : ''}`,
      entityType: ENTITY,
      entityId: id,
    });
    return loadRelief(ctx, id);
  },

  'relief.update': (ctx, { id, application: a }) => {
    const before = getReliefRow(ctx.db, id);
    assertReliefAllowed(ctx.db, ctx.user!, before, 'edit');
    assertWithinCeiling(ctx, a.amountFen);
    ctx.db
      .prepare('UPDATE relief_applications SET category = ?, facts_json = ?, amount_fen = ?, reasons = ?, override_reason = ? WHERE id = ?')
      .run(a.category, JSON.stringify(a.facts), a.amountFen, a.reasons, a.overrideReason, id);
    afterEdit(ctx, before, a.amountFen);
    const amount = before.amount_fen === a.amountFen ? '' : `，金额 ${formatYuan(before.amount_fen)} → ${formatYuan(a.amountFen)}`;
    ctx.audit({ summary: `${before.number}：修改申请${amount}`, entityType: ENTITY, entityId: id });
    return loadRelief(ctx, id);
  },

  'relief.get': (ctx, { id }) => loadRelief(ctx, id),

  'relief.list': (ctx, { page, pageSize, ...q }) => ({ total: countRelief(ctx.db, q, ctx.user!), rows: listRelief(ctx.db, q, ctx.user!, { page, pageSize }) }),
  'relief.exportXlsx': (ctx, { jobId, ...query }) =>
    exportList(ctx, jobId, 'reliefXlsx', countRelief(ctx.db, query, ctx.user!), { query, viewer: { id: ctx.user!.id, roles: ctx.user!.roles } }, '救助申请'),

  'relief.history': (ctx, { fileId }) =>
    (
      ctx.db
        .prepare(`SELECT id, number, category, amount_fen, status, approved_date FROM relief_applications WHERE file_id = ? ORDER BY id DESC`)
        .all(fileId) as { id: number; number: string; category: ReliefRow['category']; amount_fen: number; status: ReliefRow['status']; approved_date: string | null }[]
    ).map((r) => ({ id: r.id, number: r.number, category: r.category, amountFen: r.amount_fen, status: r.status, decidedAt: GRANTED_STATUSES.includes(r.status) ? r.approved_date : null })),

  'relief.markDocument': (ctx, { id, doc, received }) => {
    const r = getReliefRow(ctx.db, id);
    assertReliefAllowed(ctx.db, ctx.user!, r, 'markDocument');
    if (received) {
      ctx.db
        .prepare('INSERT OR IGNORE INTO relief_documents (application_id, doc, received_by, received_at) VALUES (?, ?, ?, ?)')
        .run(id, doc, ctx.user!.id, ctx.now.toISOString());
    } else {
      ctx.db.prepare('DELETE FROM relief_documents WHERE application_id = ? AND doc = ?').run(id, doc);
    }
    ctx.audit({ summary: `${r.number}：${received ? '收到' : '取消'}材料“${FILE_DOCUMENT_LABELS[doc]}”`, entityType: ENTITY, entityId: id });
    return loadRelief(ctx, id);
  },

  'relief.submit': (ctx, { id }) => submit(ctx, id),
  'relief.withdraw': (ctx, { id, reason }) => withdraw(ctx, id, reason),
  'relief.decide': (ctx, { id, decision, comment }) => decide(ctx, id, decision, comment),

  'relief.notices.create': (ctx, { applicationIds, startDate, endDate }) => createNotice(ctx, applicationIds, startDate, endDate),
  'relief.notices.list': (ctx) =>
    (ctx.db.prepare('SELECT id FROM relief_notices ORDER BY id DESC').all() as { id: number }[]).map((n) => loadNotice(ctx.db, n.id)),
  'relief.notices.get': (ctx, { id }) => loadNotice(ctx.db, id),
  'relief.notices.object': (ctx, { lineId, objection }) => objectToLine(ctx, lineId, objection),
  'relief.notices.resolve': (ctx, { lineId, upheld, comment }) => resolveObjection(ctx, lineId, upheld, comment),
  'relief.notices.conclude': (ctx, { id }) => concludeNotice(ctx, id),
  'relief.notices.print': (ctx, { id }) => {
    const n = loadNotice(ctx.db, id);
    ctx.audit({ summary: `打印公示 ${n.number}`, entityType: 'relief_notice', entityId: id });
    const doc = reliefNoticeDoc(n, { ...ctx.settings, printedAt: ctx.now });
    return new Deferred(async () => ({ fileName: `救助公示-${n.number}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },
};
