import type { petitionChannels } from '../../../shared/contract/petitions';
import { addDays, localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { maskIdNumber, normalizeIdNumber } from '../../../shared/idcard';
import { PETITION_CATEGORY_LABELS, PETITION_CHANNEL_LABELS } from '../../../shared/petition';
import { petitionSlipDoc } from '../../pdf/documents/petitionSlip';
import { renderPdf } from '../../pdf/render';
import { Deferred, type HandlerContext } from '../context';
import { getFileRow } from '../files/store';
import type { HandlerMap } from '../handler';
import { formatNumber, nextNumber } from '../numbering';
import { runTracked } from '../../jobs/progress';
import { listPetitions } from './list';
import { petitionStats } from './stats';
import { assertStep, getPetitionRow, loadPetition, recordEvent } from './store';

const ENTITY = 'petition';
const today = (ctx: HandlerContext) => localDate(ctx.now);
const load = (ctx: HandlerContext, id: number) => loadPetition(ctx.db, id, today(ctx));

/** A user who may handle petitions: active, with the staff or director role. */
function assertHandler(ctx: HandlerContext, userId: number): string {
  const u = ctx.db
    .prepare(
      `SELECT u.display_name FROM users u WHERE u.id = ? AND u.active = 1
       AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('staff', 'director'))`,
    )
    .get(userId) as { display_name: string } | undefined;
  return u?.display_name ?? fail('VALIDATION', '经办人必须是启用的接待员或中心主任账号');
}

function step(ctx: HandlerContext, id: number, action: 'accept' | 'start', note: string) {
  const row = getPetitionRow(ctx.db, id);
  const to = assertStep(row, action);
  const nowIso = ctx.now.toISOString();
  if (action === 'accept') {
    // The answer deadline is set on acceptance.
    ctx.db
      .prepare('UPDATE petitions SET status = ?, accepted_at = ?, accepted_date = ?, answer_due = ? WHERE id = ?')
      .run(to, nowIso, today(ctx), addDays(today(ctx), ctx.settings.petitionAnswerDays), id);
  } else {
    ctx.db.prepare('UPDATE petitions SET status = ? WHERE id = ?').run(to, id);
  }
  recordEvent(ctx, id, action, note);
  ctx.audit({ summary: `${row.number}：${action === 'accept' ? '受理' : '开始办理'}${note ? `。${note}` : ''}`, entityType: ENTITY, entityId: id });
  return load(ctx, id);
}

export const petitionHandlers: HandlerMap<keyof typeof petitionChannels> = {
  'petitions.register': (ctx, input) => {
    let { visitorName, visitorIdNumber, visitorPhone } = input;
    if (input.fileId !== null) {
      const file = getFileRow(ctx.db, input.fileId);
      visitorName ||= file.name;
      visitorIdNumber ||= file.id_number;
      visitorPhone ||= file.phone;
    }
    const handlerId = input.handlerId ?? ctx.user!.id;
    assertHandler(ctx, handlerId);
    const date = today(ctx);
    const year = Number(date.slice(0, 4));
    const number = formatNumber('XF', year, nextNumber(ctx.db, 'petition', year));
    const { petitionAcceptDays: accept, petitionAnswerDays: answer, petitionCloseDays: close } = ctx.settings;
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO petitions (number, channel, received_at, received_date, file_id, visitor_name, visitor_id_number, visitor_phone,
             category, request, urgency, status, handler_id, registered_by, accept_due, answer_due, close_due)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?)`,
        )
        .run(
          number,
          input.channel,
          ctx.now.toISOString(),
          date,
          input.fileId,
          visitorName,
          visitorIdNumber ? normalizeIdNumber(visitorIdNumber) : '',
          visitorPhone,
          input.category,
          input.request,
          input.urgency,
          handlerId,
          ctx.user!.id,
          addDays(date, accept),
          // Provisional promise printed on the slip; acceptance sets the real answer deadline.
          addDays(date, accept + answer),
          addDays(date, close),
        ).lastInsertRowid,
    );
    recordEvent(ctx, id, 'register', '');
    ctx.audit({
      summary: `${number}：${PETITION_CHANNEL_LABELS[input.channel]}登记，${visitorName}${visitorIdNumber ? `（${maskIdNumber(normalizeIdNumber(visitorIdNumber))}）` : ''}，${PETITION_CATEGORY_LABELS[input.category]}`,
      entityType: ENTITY,
      entityId: id,
    });
    return load(ctx, id);
  },

  'petitions.get': (ctx, { id }) => load(ctx, id),

  'petitions.list': (ctx, q) => listPetitions(ctx.db, q, today(ctx), ctx.user!.id),

  // Counted against the limit and written on the jobs worker: a wide filter is never counted on the door's thread.
  'petitions.exportXlsx': (ctx, { jobId, ...query }) => {
    const job = { dbFile: ctx.db.name, centreName: ctx.settings.centreName, query, today: today(ctx), me: ctx.user!.id };
    return new Deferred(async () => ({ fileName: `来访登记-${localDate(ctx.now)}.xlsx`, base64: await runTracked(ctx.user!.id, jobId, 'petitionsXlsx', job) }));
  },

  'petitions.accept': (ctx, { id, note }) => step(ctx, id, 'accept', note),
  'petitions.start': (ctx, { id, note }) => step(ctx, id, 'start', note),

  'petitions.answer': (ctx, { id, answer }) => {
    const row = getPetitionRow(ctx.db, id);
    const to = assertStep(row, 'answer');
    ctx.db
      .prepare('UPDATE petitions SET status = ?, answered_at = ?, answered_date = ?, answer = ? WHERE id = ?')
      .run(to, ctx.now.toISOString(), today(ctx), answer, id);
    recordEvent(ctx, id, 'answer', answer);
    ctx.audit({ summary: `${row.number}：答复来访人。${answer}`, entityType: ENTITY, entityId: id });
    return load(ctx, id);
  },

  'petitions.close': (ctx, { id, note }) => {
    const row = getPetitionRow(ctx.db, id);
    const to = assertStep(row, 'close');
    ctx.db
      .prepare('UPDATE petitions SET status = ?, closed_at = ?, closed_date = ?, closing_note = ? WHERE id = ?')
      .run(to, ctx.now.toISOString(), today(ctx), note, id);
    recordEvent(ctx, id, 'close', note);
    ctx.audit({ summary: `${row.number}：办结。${note}`, entityType: ENTITY, entityId: id });
    return load(ctx, id);
  },

  'petitions.reassign': (ctx, { id, handlerId, reason }) => {
    const row = getPetitionRow(ctx.db, id);
    if (row.status === 'closed') fail('CONFLICT', `${row.number} 已办结，如需继续办理请先“重新办理”。`);
    if (row.handler_id === handlerId) fail('VALIDATION', '新经办人与原经办人相同');
    const name = assertHandler(ctx, handlerId);
    ctx.db.prepare('UPDATE petitions SET handler_id = ? WHERE id = ?').run(handlerId, id);
    recordEvent(ctx, id, 'reassign', `${row.handler_name} → ${name}：${reason}`);
    ctx.audit({ summary: `${row.number}：经办人 ${row.handler_name} → ${name}。原因：${reason}`, entityType: ENTITY, entityId: id });
    return load(ctx, id);
  },

  'petitions.reopen': (ctx, { id, reason }) => {
    const row = getPetitionRow(ctx.db, id);
    const to = assertStep(row, 'reopen');
    const answerDue = addDays(today(ctx), ctx.settings.petitionAnswerDays);
    ctx.db
      .prepare(
        `UPDATE petitions SET status = ?, answer = NULL, answered_at = NULL, answered_date = NULL,
           closing_note = NULL, closed_at = NULL, closed_date = NULL, answer_due = ?, close_due = max(close_due, ?) WHERE id = ?`,
      )
      .run(to, answerDue, answerDue, id);
    recordEvent(ctx, id, 'reopen', reason);
    ctx.audit({ summary: `${row.number}：重新办理。原因：${reason}`, entityType: ENTITY, entityId: id });
    return load(ctx, id);
  },

  'petitions.handlers': ({ db }) =>
    (
      db
        .prepare(
          `SELECT u.id, u.display_name FROM users u WHERE u.active = 1
           AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('staff', 'director')) ORDER BY u.id`,
        )
        .all() as { id: number; display_name: string }[]
    ).map((u) => ({ id: u.id, displayName: u.display_name })),

  'petitions.stats': (ctx, { year }) => petitionStats(ctx.db, year, today(ctx)),

  'petitions.printSlip': (ctx, { id }) => {
    const p = load(ctx, id);
    ctx.audit({ summary: `打印受理回执 ${p.number}`, entityType: ENTITY, entityId: id });
    const doc = petitionSlipDoc(p, { ...ctx.settings, printedAt: ctx.now });
    return new Deferred(async () => ({ fileName: `受理回执-${p.number}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },
};
