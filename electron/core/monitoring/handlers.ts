import { inputOfFile } from '../../../shared/contract/files';
import type { monitoringChannels } from '../../../shared/contract/monitoring';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { RISK_FLAG_LABELS, WARNING_LABELS } from '../../../shared/household';
import { formatYuan } from '../../../shared/money';
import { latestNextDate, riskState, visitKindText, VISIT_METHOD_LABELS } from '../../../shared/monitoring';
import { exitProposalsWorkbook, reviewsWorkbook, scheduleWorkbook } from '../../export/monitoringXlsx';
import { warmJobs } from '../../jobs/pool';
import { Deferred, type HandlerContext } from '../context';
import { describeFileChanges } from '../files/changes';
import { getFileRow, loadFile, writeFile } from '../files/store';
import type { HandlerMap } from '../handler';
import { monitoringLedger } from './ledger';
import { ensureScheduleBasis, scheduleCount, schedulePage, type ScheduleShow } from './schedule';
import { exitCheck, fileMonitoring, fileWarning, PROPOSAL_SELECT, proposalRows, recordRiskEvent, toProposal, type ProposalRow } from './store';
import { reviewList, reviewProgress, reviewRow } from './reviews';
import { offThreadFile } from '../offThreadFile';

const ENTITY = 'worker_file';
/** Every active file fits: a centre keeps thousands, not hundreds of thousands. */
const EXPORT_LIMIT = 100_000;
const today = (ctx: HandlerContext) => localDate(ctx.now);
const load = (ctx: HandlerContext, id: number) => loadFile(ctx.db, id, ctx.settings.minLivingLineFen);
/** Before any read of stored due dates: recomputes them if the settings in force moved on (see schedule.ts). */
const fresh = (ctx: HandlerContext) => ensureScheduleBasis(ctx.db, ctx.settings);
const view = (ctx: HandlerContext, fileId: number) => {
  fresh(ctx);
  return fileMonitoring(ctx.db, fileId, ctx.settings, today(ctx), ctx.user);
};
const warningText = (w: keyof typeof WARNING_LABELS | null) => (w ? WARNING_LABELS[w] : '无预警');

function scheduleFor(ctx: HandlerContext, scope: 'mine' | 'all', show: ScheduleShow, page: number, pageSize: number) {
  fresh(ctx);
  return schedulePage(ctx.db, ctx.settings, today(ctx), { show, mineUserId: scope === 'mine' ? ctx.user!.id : null, page, pageSize });
}

/** The name a 帮扶责任人 shows as: an active user's, or the name typed in. */
function responsibleName(ctx: HandlerContext, userId: number | null, name: string): string {
  if (userId === null) return name;
  const u = ctx.db.prepare('SELECT display_name FROM users WHERE id = ? AND active = 1').get(userId) as { display_name: string } | undefined;
  return u?.display_name ?? fail('NOT_FOUND', '找不到该用户，或该用户已停用');
}

function getProposal(ctx: HandlerContext, proposalId: number) {
  return proposalRows(ctx.db, 'p.id = ?', proposalId)[0] ?? fail('NOT_FOUND', `找不到编号为 ${proposalId} 的脱困申请`);
}

export const monitoringHandlers: HandlerMap<keyof typeof monitoringChannels> = {
  'monitoring.overview': (ctx, { scope }) => {
    fresh(ctx);
    const mine = scope === 'mine' ? ctx.user!.id : null;
    const year = Number(today(ctx).slice(0, 4));
    const reviews = reviewProgress(ctx.db, year);
    const exitPending = (ctx.db.prepare("SELECT COUNT(*) AS n FROM file_exit_proposals WHERE status = 'pending'").get() as { n: number }).n;
    return {
      today: today(ctx),
      due: scheduleCount(ctx.db, 'due', today(ctx), ctx.settings.monitorDueSoonDays, mine),
      overdue: scheduleCount(ctx.db, 'overdue', today(ctx), ctx.settings.monitorDueSoonDays, mine),
      reviewYear: year,
      reviewTotal: reviews.of,
      reviewDone: reviews.done,
      exitPending,
    };
  },

  'monitoring.schedule': (ctx, { scope, show, page, pageSize }) => scheduleFor(ctx, scope, show, page, pageSize),

  'monitoring.scheduleXlsx': (ctx, { scope, show }) => {
    const { rows } = scheduleFor(ctx, scope, show, 1, EXPORT_LIMIT);
    ctx.audit({ summary: `导出回访计划（${show === 'due' ? '待回访' : show === 'overdue' ? '逾期未回访' : '全部'}，${rows.length} 户）` });
    const centre = ctx.settings.centreName;
    const day = today(ctx);
    return new Deferred(async () => ({ fileName: `回访计划-${day}.xlsx`, base64: (await scheduleWorkbook(rows, centre, day)).toString('base64') }));
  },

  'monitoring.forFile': (ctx, { fileId }) => view(ctx, fileId),

  'monitoring.recordVisit': (ctx, input) => {
    const before = load(ctx, input.fileId);
    const day = today(ctx);
    if (input.visitDate > day) fail('RULE', '回访日期不能晚于今天');
    if (input.visitDate < localDate(new Date(before.createdAt))) fail('RULE', '回访日期不能早于建档日期');
    const last = ctx.db.prepare('SELECT MAX(visit_date) AS d FROM file_revisits WHERE file_id = ?').get(input.fileId) as { d: string | null };
    if (last.d && input.visitDate < last.d) fail('RULE', `回访日期不能早于上次回访（${last.d}）`);
    let after = before;
    if (input.household) {
      if (before.status === 'exited') fail('RULE', '档案已脱困退出，家庭情况有变化请先由主任恢复在档');
      const h = input.household;
      const changed = {
        ...inputOfFile(before),
        ownMonthlyIncomeFen: h.ownMonthlyIncomeFen,
        members: h.members,
        maritalStatus: h.maritalStatus ?? before.maritalStatus,
        singleParent: h.singleParent ?? before.singleParent,
      };
      writeFile(ctx.db, input.fileId, changed, ctx.user!.id, ctx.now.toISOString());
      after = load(ctx, input.fileId);
    }
    const line = ctx.settings.minLivingLineFen;
    const warningBefore = fileWarning(before, line);
    const warningAfter = fileWarning(after, line);
    const latest = latestNextDate(input.visitDate, riskState(after.status, warningAfter, after.perCapitaIncomeFen, line), ctx.settings);
    const nextDate = input.nextDate || latest;
    if (nextDate <= input.visitDate) fail('RULE', '下次回访日期应晚于本次回访日期');
    if (nextDate > latest) fail('RULE', `按回访间隔，下次回访最晚应在 ${latest}`);
    const householdChanged = describeFileChanges(before, after);
    const sizeText = before.householdSize === after.householdSize ? '' : `家庭人口 ${before.householdSize} 人 → ${after.householdSize} 人，`;
    ctx.db
      .prepare(
        `INSERT INTO file_revisits (file_id, kind, occasion, visit_date, visitor, method, findings, problems, help_arranged,
           per_capita_before_fen, per_capita_after_fen, household_changed, household_size_before, household_size_after, next_date, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.fileId,
        input.kind,
        input.kind === 'holiday' ? input.occasion : '',
        input.visitDate,
        input.visitor,
        input.method,
        input.findings,
        input.problems,
        input.helpArranged,
        before.perCapitaIncomeFen,
        after.perCapitaIncomeFen,
        input.household && householdChanged !== '无变化' ? 1 : 0,
        before.householdSize,
        after.householdSize,
        nextDate,
        ctx.user!.id,
        ctx.now.toISOString(),
      );
    ctx.db.prepare('UPDATE worker_files SET monitor_anchor_date = ?, monitor_next_date = ? WHERE id = ?').run(input.visitDate, nextDate, input.fileId);
    if (warningBefore !== warningAfter || before.perCapitaIncomeFen !== after.perCapitaIncomeFen) {
      recordRiskEvent(ctx.db, {
        fileId: input.fileId,
        eventDate: input.visitDate,
        kind: 'revisit',
        warningBefore,
        warningAfter,
        perCapitaFen: after.perCapitaIncomeFen,
        reason: `回访核实：${sizeText}人均月收入 ${formatYuan(before.perCapitaIncomeFen)} → ${formatYuan(after.perCapitaIncomeFen)}。${input.findings}`.slice(0, 500),
        userId: ctx.user!.id,
        at: ctx.now.toISOString(),
      });
    }
    const label = visitKindText(input.kind, input.occasion);
    ctx.audit({
      summary: `${label}：${after.name}，${input.visitDate}，${VISIT_METHOD_LABELS[input.method]}，走访人 ${input.visitor}；下次回访 ${nextDate}${input.household ? `；${householdChanged}` : ''}`,
      entityType: ENTITY,
      entityId: input.fileId,
    });
    return view(ctx, input.fileId);
  },

  'monitoring.setWarning': (ctx, { fileId, flag, reason }) => {
    const before = load(ctx, fileId);
    if (before.status === 'exited') fail('RULE', '档案已脱困退出，请先由主任恢复在档');
    if (before.riskFlag === flag) fail('CONFLICT', `预警本来就是“${RISK_FLAG_LABELS[flag]}”`);
    ctx.db
      .prepare('UPDATE worker_files SET risk_flag = ?, risk_note = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(flag, flag === 'none' ? '' : reason, ctx.now.toISOString(), ctx.user!.id, fileId);
    const line = ctx.settings.minLivingLineFen;
    const after = load(ctx, fileId);
    const warningBefore = fileWarning(before, line);
    const warningAfter = fileWarning(after, line);
    recordRiskEvent(ctx.db, {
      fileId,
      eventDate: today(ctx),
      kind: 'warning',
      warningBefore,
      warningAfter,
      perCapitaFen: after.perCapitaIncomeFen,
      reason,
      userId: ctx.user!.id,
      at: ctx.now.toISOString(),
    });
    ctx.audit({ summary: `变更预警：${after.name}，${warningText(warningBefore)} → ${warningText(warningAfter)}。原因：${reason}`, entityType: ENTITY, entityId: fileId });
    return view(ctx, fileId);
  },

  'monitoring.setResponsible': (ctx, { fileId, userId, name }) => {
    const row = getFileRow(ctx.db, fileId);
    const shown = responsibleName(ctx, userId, name);
    ctx.db
      .prepare('UPDATE worker_files SET responsible_user_id = ?, responsible_name = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(userId, userId === null ? name : '', ctx.now.toISOString(), ctx.user!.id, fileId);
    ctx.audit({ summary: `指定帮扶责任人：${row.name} → ${shown}`, entityType: ENTITY, entityId: fileId });
    return view(ctx, fileId);
  },

  'monitoring.assignResponsible': (ctx, { fileIds, userId, name }) => {
    const ids = [...new Set(fileIds)];
    const shown = responsibleName(ctx, userId, name);
    const found = ctx.db.prepare('SELECT id, name FROM worker_files WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as {
      id: number;
      name: string;
    }[];
    if (found.length < ids.length) {
      const missing = ids.filter((id) => !found.some((f) => f.id === id));
      fail('NOT_FOUND', `找不到编号为 ${missing.slice(0, 10).join('、')} 的档案，没有指定任何一户`);
    }
    ctx.db
      .prepare('UPDATE worker_files SET responsible_user_id = ?, responsible_name = ?, updated_at = ?, updated_by = ? WHERE id IN (SELECT value FROM json_each(?))')
      .run(userId, userId === null ? name : '', ctx.now.toISOString(), ctx.user!.id, JSON.stringify(ids));
    const names = found.map((f) => `${f.name}（${f.id}）`);
    ctx.audit({ summary: `批量指定帮扶责任人：${shown}，共 ${ids.length} 户：${names.join('、')}`, entityType: ENTITY });
    return { assigned: ids.length };
  },

  'monitoring.people': ({ db }) =>
    (db.prepare('SELECT id, display_name AS displayName FROM users WHERE active = 1 ORDER BY id').all() as { id: number; displayName: string }[]).slice(0, 500),

  'monitoring.reviews': (ctx, { year, show, page, pageSize }) => reviewList(ctx.db, ctx.settings.minLivingLineFen, year, show, page, pageSize),

  'monitoring.review': (ctx, { fileId, year, outcome, note }) => {
    const row = getFileRow(ctx.db, fileId);
    if (row.status !== 'active') fail('RULE', '只有在档的档案参加年审');
    const thisYear = Number(today(ctx).slice(0, 4));
    if (year > thisYear) fail('RULE', `还不能做 ${year} 年的年审`);
    const done = ctx.db.prepare('SELECT 1 FROM file_yearly_reviews WHERE file_id = ? AND year = ?').get(fileId, year);
    if (done) fail('CONFLICT', `${row.name} 的 ${year} 年年审已经完成`);
    ctx.db
      .prepare('INSERT INTO file_yearly_reviews (file_id, year, outcome, note, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(fileId, year, outcome, note, ctx.user!.id, ctx.now.toISOString());
    const w = fileWarning(load(ctx, fileId), ctx.settings.minLivingLineFen);
    recordRiskEvent(ctx.db, {
      fileId,
      eventDate: today(ctx),
      kind: 'review',
      warningBefore: w,
      warningAfter: w,
      perCapitaFen: row.per_capita_income_fen,
      reason: `${year} 年年审：${outcome === 'confirmed' ? '情况属实，继续帮扶' : `情况有变化：${note}`}`,
      userId: ctx.user!.id,
      at: ctx.now.toISOString(),
    });
    ctx.audit({ summary: `${year} 年年审：${row.name}，${outcome === 'confirmed' ? '确认' : `有变化：${note}`}`, entityType: ENTITY, entityId: fileId });
    return reviewRow(ctx.db, ctx.settings.minLivingLineFen, fileId, year);
  },

  'monitoring.reviewsXlsx': (ctx, { year, show }) => {
    const list = reviewList(ctx.db, ctx.settings.minLivingLineFen, year, show, 1, EXPORT_LIMIT);
    ctx.audit({ summary: `导出 ${year} 年年审名单（${list.rows.length} 户）` });
    const centre = ctx.settings.centreName;
    return new Deferred(async () => ({ fileName: `年审名单-${year}.xlsx`, base64: (await reviewsWorkbook(list.rows, centre, year, list.done, list.of)).toString('base64') }));
  },

  'monitoring.exitProposalsXlsx': (ctx, { status }) => {
    const rows = (status ? proposalRows(ctx.db, 'p.status = ?', status) : proposalRows(ctx.db, '1 = 1')).map((r) => toProposal(r, ctx.user));
    ctx.audit({ summary: `导出解困脱困申请（${rows.length} 条）` });
    const centre = ctx.settings.centreName;
    const day = today(ctx);
    return new Deferred(async () => ({ fileName: `解困脱困申请-${day}.xlsx`, base64: (await exitProposalsWorkbook(rows, centre, day)).toString('base64') }));
  },

  'monitoring.exitProposals': (ctx, { status, page, pageSize }) => {
    const where = status ? 'p.status = ?' : '1 = 1';
    const params = status ? [status] : [];
    const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM file_exit_proposals p WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = ctx.db.prepare(`${PROPOSAL_SELECT} WHERE ${where} ORDER BY p.id DESC LIMIT ? OFFSET ?`).all(...params, pageSize, (page - 1) * pageSize) as ProposalRow[];
    return { rows: rows.map((r) => toProposal(r, ctx.user)), total };
  },

  'monitoring.proposeExit': (ctx, { fileId, reason }) => {
    const row = getFileRow(ctx.db, fileId);
    if (row.status !== 'active') fail('CONFLICT', '该档案已经脱困退出');
    if (ctx.db.prepare("SELECT 1 FROM file_exit_proposals WHERE file_id = ? AND status = 'pending'").get(fileId)) {
      fail('CONFLICT', '该档案已有待审核的脱困申请');
    }
    const check = exitCheck(ctx.db, fileId, ctx.settings);
    if (!check.eligible) fail('RULE', `暂不能提出脱困：${check.explanation}`);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO file_exit_proposals (file_id, reason, proposed_by, proposed_at) VALUES (?, ?, ?, ?)')
        .run(fileId, reason, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
    );
    ctx.audit({ summary: `提出解困脱困：${row.name}。理由：${reason}`, entityType: ENTITY, entityId: fileId });
    return toProposal(getProposal(ctx, id), ctx.user);
  },

  'monitoring.decideExit': (ctx, { proposalId, decision, comment }) => {
    const p = getProposal(ctx, proposalId);
    if (p.status !== 'pending') fail('CONFLICT', '该脱困申请已经审核过');
    if (p.proposed_by === ctx.user!.id) fail('RULE', '不能审核自己提出的脱困申请，请由另一位主任审核');
    if (decision === 'reject' && comment.length < 2) fail('VALIDATION', '不批准时请写明审核意见');
    const before = load(ctx, p.file_id);
    if (decision === 'approve') {
      if (before.status !== 'active') fail('CONFLICT', '该档案已经脱困退出');
      const check = exitCheck(ctx.db, p.file_id, ctx.settings);
      if (!check.eligible) fail('RULE', `情况已有变化，不能批准：${check.explanation}`);
    }
    ctx.db
      .prepare('UPDATE file_exit_proposals SET status = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ?')
      .run(decision === 'approve' ? 'approved' : 'rejected', ctx.user!.id, ctx.now.toISOString(), comment, proposalId);
    if (decision === 'approve') {
      const day = today(ctx);
      ctx.db
        .prepare(
          "UPDATE worker_files SET status = 'exited', exit_reason = ?, exited_at = ?, monitor_anchor_date = ?, monitor_next_date = NULL, updated_at = ?, updated_by = ? WHERE id = ?",
        )
        .run(p.reason, ctx.now.toISOString(), day, ctx.now.toISOString(), ctx.user!.id, p.file_id);
      recordRiskEvent(ctx.db, {
        fileId: p.file_id,
        eventDate: day,
        kind: 'exit',
        warningBefore: fileWarning(before, ctx.settings.minLivingLineFen),
        warningAfter: null,
        perCapitaFen: before.perCapitaIncomeFen,
        reason: p.reason,
        userId: ctx.user!.id,
        at: ctx.now.toISOString(),
      });
    }
    ctx.audit({
      summary: `审核解困脱困：${p.name}，${decision === 'approve' ? '批准，档案转为稳定户继续每年回访' : '不批准'}${comment ? `。意见：${comment}` : ''}`,
      entityType: ENTITY,
      entityId: p.file_id,
    });
    return toProposal(getProposal(ctx, proposalId), ctx.user);
  },

  'monitoring.ledger': (ctx, { month }) => {
    warmJobs(); // this page's print and export run on the jobs worker: have it loaded by then
    fresh(ctx);
    return monitoringLedger(ctx.db, ctx.settings, month, ctx.now);
  },

  // Read and written on the jobs worker (electron/jobs/exports.ts) once this call's transaction has committed.
  'monitoring.ledgerPdf': (ctx, { month, jobId }) => {
    fresh(ctx);
    ctx.audit({ summary: `打印 ${month} 动态监测台账` });
    const args = { month, settings: ctx.settings, now: ctx.now };
    return offThreadFile(ctx, jobId, `动态监测台账-${month}.pdf`, 'monitoringLedgerPdf', args);
  },

  'monitoring.ledgerXlsx': (ctx, { month, jobId }) => {
    fresh(ctx);
    ctx.audit({ summary: `导出 ${month} 动态监测台账` });
    const args = { month, settings: ctx.settings, now: ctx.now };
    return offThreadFile(ctx, jobId, `动态监测台账-${month}.xlsx`, 'monitoringLedgerXlsx', args);
  },
};
