import type { ReliefNotice, ReliefNoticeLine } from '../../../shared/contract/relief';
import { addDays, formatChineseDate, localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { maskIdNumber } from '../../../shared/idcard';
import type { ReliefCategory, ReliefStatus } from '../../../shared/relief';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { formatNumber, nextNumber } from '../numbering';
import { recordDecision } from './store';

const ENTITY = 'relief_notice';

interface NoticeRow {
  id: number;
  number: string;
  start_date: string;
  end_date: string;
  created_by_name: string;
  created_at: string;
  concluded_at: string | null;
}

interface LineRow {
  id: number;
  notice_id: number;
  application_id: number;
  number: string;
  name: string;
  id_number: string;
  work_unit: string;
  category: ReliefCategory;
  amount_fen: number;
  status: ReliefStatus;
  objection: string | null;
  objection_at: string | null;
  resolution: 'upheld' | 'dismissed' | null;
  resolution_comment: string | null;
}

/** An objection holds its line until the director dismisses it. */
const standing = (l: { objection: string | null; resolution: string | null }) => l.objection !== null && l.resolution === null;

export function loadNotice(db: Db, id: number): ReliefNotice {
  const n =
    (db.prepare('SELECT n.*, u.display_name AS created_by_name FROM relief_notices n JOIN users u ON u.id = n.created_by WHERE n.id = ?').get(id) as NoticeRow | undefined) ??
    fail('NOT_FOUND', `找不到编号为 ${id} 的公示`);
  const lines = db
    .prepare(
      `SELECT l.*, a.number, a.category, a.amount_fen, a.status, f.name, f.id_number, f.work_unit
       FROM relief_notice_lines l JOIN relief_applications a ON a.id = l.application_id JOIN worker_files f ON f.id = a.file_id
       WHERE l.notice_id = ? ORDER BY l.id`,
    )
    .all(id) as LineRow[];
  const view = lines.map(
    (l): ReliefNoticeLine => ({
      id: l.id,
      applicationId: l.application_id,
      applicationNumber: l.number,
      name: l.name,
      maskedIdNumber: maskIdNumber(l.id_number),
      workUnit: l.work_unit,
      category: l.category,
      amountFen: l.amount_fen,
      objection: l.objection,
      objectionAt: l.objection_at,
      resolution: l.resolution,
      resolutionComment: l.resolution_comment,
      status: l.status,
    }),
  );
  return {
    id: n.id,
    number: n.number,
    startDate: n.start_date,
    endDate: n.end_date,
    createdBy: n.created_by_name,
    createdAt: n.created_at,
    concludedAt: n.concluded_at,
    lines: view,
    totalFen: view.filter((l) => l.status !== 'rejected').reduce((s, l) => s + l.amountFen, 0),
  };
}

export function createNotice(ctx: HandlerContext, applicationIds: number[], startDate: string, endDate: string): ReliefNotice {
  const today = localDate(ctx.now);
  if (startDate < today) fail('VALIDATION', '公示开始日期不能早于今天');
  const minEnd = addDays(startDate, ctx.settings.reliefNoticeDays);
  if (endDate < minEnd) fail('VALIDATION', `公示期至少 ${ctx.settings.reliefNoticeDays} 天：结束日期不能早于 ${minEnd}`);
  const ids = [...new Set(applicationIds)];
  for (const appId of ids) {
    const a = ctx.db.prepare('SELECT number, status FROM relief_applications WHERE id = ?').get(appId) as { number: string; status: ReliefStatus } | undefined;
    if (!a) fail('NOT_FOUND', `找不到编号为 ${appId} 的救助申请`);
    else if (a.status !== 'awaiting_notice') fail('CONFLICT', `${a.number} 不是“待公示”状态，不能列入公示`);
  }
  const year = Number(today.slice(0, 4));
  const number = formatNumber('GS', year, nextNumber(ctx.db, 'relief_notice', year));
  const id = Number(
    ctx.db
      .prepare('INSERT INTO relief_notices (number, start_date, end_date, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(number, startDate, endDate, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
  );
  for (const appId of ids) {
    ctx.db.prepare('INSERT INTO relief_notice_lines (notice_id, application_id) VALUES (?, ?)').run(id, appId);
    ctx.db.prepare("UPDATE relief_applications SET status = 'in_notice', notice_id = ? WHERE id = ?").run(id, appId);
  }
  ctx.audit({ summary: `发布公示 ${number}：${ids.length} 人，${startDate} 至 ${endDate}`, entityType: ENTITY, entityId: id });
  return loadNotice(ctx.db, id);
}

function lineOf(ctx: HandlerContext, lineId: number) {
  return (
    (ctx.db
      .prepare(
        `SELECT l.*, n.number AS notice_number, n.end_date, n.concluded_at, a.number AS app_number, a.status, a.amount_fen
         FROM relief_notice_lines l JOIN relief_notices n ON n.id = l.notice_id JOIN relief_applications a ON a.id = l.application_id WHERE l.id = ?`,
      )
      .get(lineId) as
      | (LineRow & { notice_number: string; end_date: string; concluded_at: string | null; app_number: string })
      | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${lineId} 的公示条目`)
  );
}

export function objectToLine(ctx: HandlerContext, lineId: number, objection: string): ReliefNotice {
  const l = lineOf(ctx, lineId);
  if (l.status !== 'in_notice') fail('CONFLICT', `${l.app_number} 已不在公示中，不能登记异议`);
  if (standing(l)) fail('CONFLICT', '该条目已有未处理的异议，请先处理');
  ctx.db
    .prepare('UPDATE relief_notice_lines SET objection = ?, objection_by = ?, objection_at = ?, resolution = NULL, resolution_comment = NULL, resolved_by = NULL, resolved_at = NULL WHERE id = ?')
    .run(objection, ctx.user!.id, ctx.now.toISOString(), lineId);
  recordDecision(ctx, l.application_id, { stage: 'notice', decision: 'objection', comment: objection, amountFen: l.amount_fen });
  ctx.audit({ summary: `公示 ${l.notice_number} 异议：${l.app_number}。${objection}`, entityType: ENTITY, entityId: l.notice_id });
  return loadNotice(ctx.db, l.notice_id);
}

export function resolveObjection(ctx: HandlerContext, lineId: number, upheld: boolean, comment: string): ReliefNotice {
  const l = lineOf(ctx, lineId);
  if (!standing(l)) fail('CONFLICT', '该条目没有待处理的异议');
  ctx.db
    .prepare('UPDATE relief_notice_lines SET resolution = ?, resolution_comment = ?, resolved_by = ?, resolved_at = ? WHERE id = ?')
    .run(upheld ? 'upheld' : 'dismissed', comment, ctx.user!.id, ctx.now.toISOString(), lineId);
  if (upheld) {
    ctx.db.prepare("UPDATE relief_applications SET status = 'rejected', approved_date = NULL WHERE id = ?").run(l.application_id);
    recordDecision(ctx, l.application_id, { stage: 'notice', decision: 'reject', comment: `公示异议成立：${comment}`, amountFen: l.amount_fen });
  } else if (l.concluded_at) {
    // The period is over: a dismissed objection releases the line at once.
    ctx.db.prepare("UPDATE relief_applications SET status = 'payable' WHERE id = ?").run(l.application_id);
    recordDecision(ctx, l.application_id, { stage: 'notice', decision: 'payable', comment: `异议不成立：${comment}`, amountFen: l.amount_fen });
  }
  ctx.audit({ summary: `公示 ${l.notice_number} 异议${upheld ? '成立，不予发放' : '不成立'}：${l.app_number}。${comment}`, entityType: ENTITY, entityId: l.notice_id });
  return loadNotice(ctx.db, l.notice_id);
}

export function concludeNotice(ctx: HandlerContext, id: number): ReliefNotice {
  const n = loadNotice(ctx.db, id);
  if (n.concludedAt) fail('CONFLICT', `公示 ${n.number} 已经确认过`);
  if (localDate(ctx.now) <= n.endDate) fail('RULE', `公示期到 ${formatChineseDate(n.endDate)} 才结束，期满后才能确认发放`);
  let released = 0;
  for (const l of n.lines) {
    if (l.status !== 'in_notice' || standing(l)) continue;
    ctx.db.prepare("UPDATE relief_applications SET status = 'payable' WHERE id = ?").run(l.applicationId);
    recordDecision(ctx, l.applicationId, { stage: 'notice', decision: 'payable', comment: `公示 ${n.number} 期满无异议`, amountFen: l.amountFen });
    released++;
  }
  ctx.db.prepare('UPDATE relief_notices SET concluded_at = ?, concluded_by = ? WHERE id = ?').run(ctx.now.toISOString(), ctx.user!.id, id);
  const held = n.lines.filter((l) => l.status === 'in_notice' && standing(l)).length;
  ctx.audit({ summary: `公示 ${n.number} 期满：${released} 人可发放${held ? `，${held} 人因异议暂缓` : ''}`, entityType: ENTITY, entityId: id });
  return loadNotice(ctx.db, id);
}
