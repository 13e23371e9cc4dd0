import type { campaignChannels, CampaignLine, ImportResult } from '../../../shared/contract/campaigns';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_KIND_CATEGORY, CAMPAIGN_KIND_LABELS, defaultStandards, type CampaignGroup } from '../../../shared/campaign';
import { addDays, localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { incomeTier } from '../../../shared/household';
import { formatYuan } from '../../../shared/money';
import { RELIEF_CATEGORY_LABELS } from '../../../shared/relief';
import type { ExclusionKind } from '../../../shared/workerFile';
import { bankBatchWorkbook, campaignSummaryWorkbook, importTemplateWorkbook } from '../../export/campaignXlsx';
import { campaignNoticeDoc } from '../../pdf/documents/campaignNotice';
import { campaignSummaryDoc } from '../../pdf/documents/campaignSummary';
import { renderPdf } from '../../pdf/render';
import { renderOffThread } from '../../jobs/pool';
import { runTracked } from '../../jobs/progress';
import { sameStamp, writeStamp } from '../../db/writeStamp';
import { CheckedWrite, Deferred, type HandlerContext } from '../context';
import { getFileRow } from '../files/store';
import { settingsOn } from '../settings/store';
import type { HandlerMap } from '../handler';
import { fundBalance, getFund } from '../ledger/books';
import { formatNumber, nextNumber } from '../numbering';
import { exclusionsFor, lastYearIds, onListIds } from './build';
import { matchGroups } from './criteria';
import { buildList, candidatesPage } from './evaluate';
import { planImport, type ImportPlan } from './importList';
import { payBatch, returnNotCollected } from './pay';
import { assertCampaignAllowed } from './policy';
import { campaignReport, grantsForFile } from './report';
import { BATCH_SELECT, CAMPAIGN_SELECT, LINE_SELECT, toBatch, toCampaignSummary, toLine, type BatchRow, type CampaignRow, type LineRow } from './rows';
import { campaignFacts, getCampaignRow, groupsOf, loadCampaign, recordDecision } from './store';

const ENTITY = 'campaign';
type CampaignInput = { name: string; kind: CampaignRow['kind']; startDate: string; endDate: string; groups: { group: CampaignGroup; standardFen: number | null; budgetFen: number | null }[]; budgetFen: number; fundId: number; note: string };

/** The campaign's money must be the kind its fund may pay (专款专用). */
function assertFundFits(ctx: HandlerContext, input: CampaignInput): void {
  const fund = getFund(ctx.db, input.fundId);
  if (!fund.active) fail('RULE', `资金“${fund.name}”已停用，请另选资金来源。`);
  const category = CAMPAIGN_KIND_CATEGORY[input.kind];
  if (fund.purpose && fund.purpose !== category) {
    fail('RULE', `专款专用：“${fund.name}”只能用于${RELIEF_CATEGORY_LABELS[fund.purpose]}，不能用于${CAMPAIGN_KIND_LABELS[input.kind]}。`);
  }
}

function writeGroups(ctx: HandlerContext, campaignId: number, input: CampaignInput): void {
  // A group without its own standard takes the default in force on the campaign's start date.
  const defaults = defaultStandards(settingsOn(ctx.db, input.startDate));
  const groups = input.groups.map((g) => ({ ...g, standardFen: g.standardFen ?? defaults[g.group] }));
  ctx.db.prepare('DELETE FROM campaign_groups WHERE campaign_id = ?').run(campaignId);
  const insert = ctx.db.prepare('INSERT INTO campaign_groups (campaign_id, grp, position, standard_fen, budget_fen) VALUES (?, ?, ?, ?, ?)');
  groups.forEach((g, i) => insert.run(campaignId, g.group, i, g.standardFen, g.budgetFen));
  // Lines follow their group's standard while the list is built.
  const reprice = ctx.db.prepare('UPDATE campaign_lines SET amount_fen = ? WHERE campaign_id = ? AND grp = ? AND amount_fen <> ?');
  for (const g of groups) reprice.run(g.standardFen, campaignId, g.group, g.standardFen);
}

function lineRow(ctx: HandlerContext, lineId: number): LineRow {
  return (ctx.db.prepare(`${LINE_SELECT} WHERE l.id = ?`).get(lineId) as LineRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${lineId} 的名单人员`);
}

type NewLine = { fileId: number; group: string; amountFen: number; source: CampaignLine['source']; reasons: string[]; exceptions?: string[] };

/** Writes lines with one prepared statement: a built list can run to many thousands. */
function insertLines(ctx: HandlerContext, c: CampaignRow, lines: NewLine[]): void {
  const insert = ctx.db.prepare('INSERT INTO campaign_lines (campaign_id, file_id, grp, amount_fen, source, reasons, exceptions, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const at = ctx.now.toISOString();
  for (const l of lines) insert.run(c.id, l.fileId, l.group, l.amountFen, l.source, JSON.stringify(l.reasons), JSON.stringify(l.exceptions ?? []), ctx.user!.id, at);
}
const insertLine = (ctx: HandlerContext, c: CampaignRow, l: NewLine) => insertLines(ctx, c, [l]);

const assertAllowed = (ctx: HandlerContext, c: CampaignRow, action: Parameters<typeof assertCampaignAllowed>[3]) => assertCampaignAllowed(ctx.db, ctx.user!, c, action, campaignFacts(ctx.db, c));

function linesOf(ctx: HandlerContext, campaignId: number, batchId: number | null): CampaignLine[] {
  const rows = ctx.db
    .prepare(`${LINE_SELECT} WHERE l.campaign_id = ?${batchId ? ' AND p.batch_id = ?' : ''} ORDER BY f.work_unit, l.id`)
    .all(...(batchId ? [campaignId, batchId] : [campaignId])) as LineRow[];
  return rows.map(toLine);
}

/** Writes a checked import, or records that it failed: all rows or none. */
function applyImport(ctx: HandlerContext, c: CampaignRow, plan: ImportPlan, fileName: string): ImportResult {
  const id = c.id;
  if (plan.errors.length > 0) {
    ctx.audit({ summary: `${c.number}：导入“${fileName}”未成功，${plan.errors.length} 行有误，未写入任何人员`, entityType: ENTITY, entityId: id });
    return { ok: false, added: 0, errors: plan.errors, proposedFiles: plan.proposedFiles, campaign: loadCampaign(ctx, id) };
  }
  insertLines(ctx, c, plan.lines.map((l) => ({ fileId: l.fileId, group: l.group, amountFen: l.amountFen, source: 'import' as const, reasons: [l.reason] })));
  ctx.audit({ summary: `${c.number}：导入“${fileName}”${plan.lines.length} 人`, entityType: ENTITY, entityId: id });
  return { ok: true, added: plan.lines.length, errors: [], proposedFiles: [], campaign: loadCampaign(ctx, id) };
}

export const campaignHandlers: HandlerMap<keyof typeof campaignChannels> = {
  'campaigns.list': (ctx, q) => {
    const where = q.status ? 'WHERE c.status = @status' : '';
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM campaigns c ${where}`).get({ status: q.status ?? '' }) as { n: number }).n;
    const rows = ctx.db.prepare(`${CAMPAIGN_SELECT} ${where} ORDER BY c.id DESC LIMIT @limit OFFSET @offset`).all({ status: q.status ?? '', limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as CampaignRow[];
    return { total, rows: rows.map(toCampaignSummary) };
  },

  'campaigns.funds': (ctx) =>
    (ctx.db.prepare('SELECT id, name, purpose FROM funds WHERE active = 1 ORDER BY id').all() as { id: number; name: string; purpose: string | null }[]).map((f) => ({
      ...f,
      balanceFen: fundBalance(ctx.db, f.id),
    })),

  'campaigns.standards': (ctx, { date }) => defaultStandards(settingsOn(ctx.db, date)),

  'campaigns.get': (ctx, { id }) => loadCampaign(ctx, id),

  'campaigns.create': (ctx, input) => {
    assertFundFits(ctx, input);
    const year = Number(input.startDate.slice(0, 4));
    const number = formatNumber('WW', year, nextNumber(ctx.db, 'campaign', year));
    const id = Number(
      ctx.db
        .prepare('INSERT INTO campaigns (number, name, kind, start_date, end_date, fund_id, budget_fen, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(number, input.name, input.kind, input.startDate, input.endDate, input.fundId, input.budgetFen, input.note, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
    );
    writeGroups(ctx, id, input);
    ctx.audit({ summary: `${number}：新建${CAMPAIGN_KIND_LABELS[input.kind]}活动“${input.name}”，预算 ${formatYuan(input.budgetFen)}`, entityType: ENTITY, entityId: id });
    return loadCampaign(ctx, id);
  },

  'campaigns.update': (ctx, { id, campaign: input }) => {
    const c = getCampaignRow(ctx.db, id);
    assertAllowed(ctx, c, 'edit');
    assertFundFits(ctx, input);
    ctx.db
      .prepare('UPDATE campaigns SET name = ?, kind = ?, start_date = ?, end_date = ?, fund_id = ?, budget_fen = ?, note = ? WHERE id = ?')
      .run(input.name, input.kind, input.startDate, input.endDate, input.fundId, input.budgetFen, input.note, id);
    writeGroups(ctx, id, input);
    recordDecision(ctx, getCampaignRow(ctx.db, id), 'build', 'edit', '修改活动设置');
    ctx.audit({ summary: `${c.number}：修改活动设置，预算 ${formatYuan(c.budget_fen)} → ${formatYuan(input.budgetFen)}`, entityType: ENTITY, entityId: id });
    return loadCampaign(ctx, id);
  },

  'campaigns.lines': (ctx, q) => {
    getCampaignRow(ctx.db, q.id);
    const where = ['l.campaign_id = @id'];
    if (q.group) where.push('l.grp = @group');
    if (q.workUnit) where.push('f.work_unit = @unit');
    if (q.q) where.push("(f.name LIKE @like ESCAPE '\\' OR f.id_number LIKE @like ESCAPE '\\')");
    const params = { id: q.id, group: q.group ?? '', unit: q.workUnit ?? '', like: `%${(q.q ?? '').replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` };
    const clause = where.join(' AND ');
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM campaign_lines l JOIN worker_files f ON f.id = l.file_id WHERE ${clause}`).get(params) as { n: number }).n;
    const rows = ctx.db.prepare(`${LINE_SELECT} WHERE ${clause} ORDER BY f.work_unit, l.id LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as LineRow[];
    return { total, rows: rows.map(toLine) };
  },

  'campaigns.candidates': (ctx, q) => {
    const c = getCampaignRow(ctx.db, q.id);
    return candidatesPage(ctx.db, c, groupsOf(ctx.db, c.id), ctx.settings.minLivingLineFen, q);
  },

  'campaigns.build': (ctx, { id, workUnit }) => {
    const c = getCampaignRow(ctx.db, id);
    assertAllowed(ctx, c, 'edit');
    const n = buildList(ctx.db, c, groupsOf(ctx.db, c.id), ctx.settings.minLivingLineFen, workUnit, { userId: ctx.user!.id, at: ctx.now.toISOString() });
    const campaign = loadCampaign(ctx, id);
    // The build only adds lines, at their group's standard: what it added is the list's total after less before.
    const addedFen = campaign.listedFen - c.listed_fen;
    ctx.audit({ summary: `${c.number}：按条件列入 ${n.added} 人 ${formatYuan(addedFen)}，排除 ${n.excluded} 人${workUnit ? `（${workUnit}）` : ''}`, entityType: ENTITY, entityId: id });
    return { added: n.added, addedFen, excluded: n.excluded, campaign };
  },

  'campaigns.addLine': (ctx, { id, fileId, group, reason }) => {
    const c = getCampaignRow(ctx.db, id);
    assertAllowed(ctx, c, 'edit');
    const file = getFileRow(ctx.db, fileId);
    const standard = groupsOf(ctx.db, id).find((g) => g.grp === group);
    if (!standard) fail('RULE', `本次活动没有设置“${CAMPAIGN_GROUP_LABELS[group]}”这一类帮扶对象。`);
    if (file.status === 'exited') fail('RULE', `${file.name} 的档案已脱困退出，不能列入慰问名单。`);
    if (ctx.db.prepare('SELECT 1 FROM campaign_lines WHERE campaign_id = ? AND file_id = ?').get(id, fileId)) fail('CONFLICT', `${file.name} 已在名单上。`);
    const members = (ctx.db.prepare("SELECT id_number FROM household_members WHERE file_id = ? AND id_number <> ''").all(fileId) as { id_number: string }[]).map((m) => m.id_number);
    const flags = (ctx.db.prepare('SELECT DISTINCT kind FROM file_exclusions WHERE file_id = ? AND cleared_at IS NULL').all(fileId) as { kind: ExclusionKind }[]).map((k) => k.kind);
    // A manual add may go past an exclusion with its written reason; the approver sees which.
    const exceptions = exclusionsFor(file, flags, [file.id_number, ...members], { lastYear: lastYearIds(ctx.db, c), taken: onListIds(ctx.db, id) }).map((e) => e.text);
    const matched = matchGroups(
      {
        employmentStatus: file.employment_status,
        modelWorkerLevel: file.model_worker_level,
        tier: incomeTier(file.per_capita_income_fen, ctx.settings.minLivingLineFen),
        causes: JSON.parse(file.hardship_causes) as string[],
        singleParent: file.single_parent === 1,
        disabled: file.disability_grade !== null,
      },
      [group],
    );
    if (matched.length === 0) exceptions.push(`档案不符合“${CAMPAIGN_GROUP_LABELS[group]}”的条件`);
    insertLine(ctx, c, { fileId, group, amountFen: standard!.standard_fen, source: 'manual', reasons: [`手工添加：${reason}`, ...matched.map((m) => m.reason)], exceptions });
    ctx.audit({ summary: `${c.number}：手工添加 ${file.name}（${CAMPAIGN_GROUP_LABELS[group]}）${exceptions.length ? `，例外：${exceptions.join('；')}` : ''}。理由：${reason}`, entityType: ENTITY, entityId: id });
    return loadCampaign(ctx, id);
  },

  'campaigns.removeLine': (ctx, { lineId, reason }) => {
    const l = lineRow(ctx, lineId);
    const c = getCampaignRow(ctx.db, l.campaign_id);
    assertAllowed(ctx, c, 'edit');
    ctx.db.prepare('INSERT INTO campaign_removals (campaign_id, file_id, reason, by_user, at) VALUES (?, ?, ?, ?, ?)').run(c.id, l.file_id, reason, ctx.user!.id, ctx.now.toISOString());
    ctx.db.prepare('DELETE FROM campaign_lines WHERE id = ?').run(lineId);
    ctx.audit({ summary: `${c.number}：移除 ${l.name}。理由：${reason}`, entityType: ENTITY, entityId: c.id });
    return loadCampaign(ctx, c.id);
  },

  'campaigns.importTemplate': () => new Deferred(async () => ({ fileName: '慰问名单导入模板.xlsx', base64: (await importTemplateWorkbook()).toString('base64') })),

  // Reading and checking thousands of rows runs on the worker's snapshot; the rows are written here, in one
  // transaction. Anything committed meanwhile makes that snapshot stale: the rows are then checked again here.
  'campaigns.import': (ctx, { id, fileName, base64, jobId }) => {
    assertAllowed(ctx, getCampaignRow(ctx.db, id), 'edit');
    const stamp = writeStamp(ctx.db);
    const job = { dbFile: ctx.db.name, campaignId: id, fileName, base64, now: ctx.now };
    return new CheckedWrite(async () => {
      const checked = await runTracked(ctx.user!.id, jobId, 'campaignImport', job);
      return () => {
        const c = getCampaignRow(ctx.db, id);
        if (sameStamp(stamp, writeStamp(ctx.db))) return applyImport(ctx, c, checked, fileName);
        assertAllowed(ctx, c, 'edit');
        return applyImport(ctx, c, planImport(ctx, c, groupsOf(ctx.db, id), Buffer.from(base64, 'base64'), fileName), fileName);
      };
    });
  },

  'campaigns.submit': (ctx, { id }) => {
    const c = getCampaignRow(ctx.db, id);
    assertAllowed(ctx, c, 'submit');
    ctx.db.prepare("UPDATE campaigns SET status = 'pending_director' WHERE id = ?").run(id);
    recordDecision(ctx, c, 'build', 'submit', '');
    ctx.audit({ summary: `${c.number}：提交名单 ${c.line_count} 人 ${formatYuan(c.listed_fen)}`, entityType: ENTITY, entityId: id });
    return loadCampaign(ctx, id);
  },

  'campaigns.decide': (ctx, { id, decision, comment }) => {
    const c = getCampaignRow(ctx.db, id);
    assertAllowed(ctx, c, 'decide');
    const stage = c.status === 'pending_director' ? 'director' : 'chair';
    const next = decision === 'return' ? 'draft' : stage === 'director' ? 'pending_chair' : 'approved';
    ctx.db.prepare('UPDATE campaigns SET status = ?, approved_date = ? WHERE id = ?').run(next, next === 'approved' ? localDate(ctx.now) : null, id);
    recordDecision(ctx, c, stage, decision, comment);
    const what = decision === 'return' ? '退回修改' : stage === 'director' ? '主任审核通过' : '主席批准名单';
    ctx.audit({ summary: `${c.number}：${what}（${c.line_count} 人 ${formatYuan(c.listed_fen)}）${comment ? `。意见：${comment}` : ''}`, entityType: ENTITY, entityId: id });
    return loadCampaign(ctx, id);
  },

  'campaigns.pay': (ctx, { id, method, accountId, workUnit }) => {
    const c = getCampaignRow(ctx.db, id);
    assertAllowed(ctx, c, 'pay');
    const batchId = payBatch(ctx, c, method, accountId, workUnit);
    return toBatch(ctx.db.prepare(`${BATCH_SELECT} WHERE b.id = ?`).get(batchId) as BatchRow);
  },

  'campaigns.markNotCollected': (ctx, { lineId, reason }) => {
    const l = lineRow(ctx, lineId);
    const c = getCampaignRow(ctx.db, l.campaign_id);
    assertAllowed(ctx, c, 'markNotCollected');
    returnNotCollected(ctx, c, lineId, reason);
    return loadCampaign(ctx, c.id);
  },

  'campaigns.signSheet': (ctx, { id, batchId }) => {
    const c = getCampaignRow(ctx.db, id);
    if (c.status !== 'approved') fail('RULE', `${c.number} 的名单尚未经工会主席批准，不能打印签领表。`);
    const batch = batchId ? (ctx.db.prepare(`${BATCH_SELECT} WHERE b.id = ? AND b.campaign_id = ?`).get(batchId, id) as BatchRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${batchId} 的发放批次`) : null;
    const lines = linesOf(ctx, id, batchId);
    ctx.audit({ summary: `${c.number}：打印签领表${batch ? `（批次 ${batch.number}）` : ''}，${lines.length} 人`, entityType: ENTITY, entityId: id });
    const sheet = { campaign: toCampaignSummary(c), batch: batch ? toBatch(batch) : null, lines, preparedBy: ctx.user!.displayName };
    // Thousands of lines for a county-wide campaign: laid out on the worker thread (electron/jobs).
    const pdf = () => renderOffThread('campaignSignSheet', sheet, { centreName: ctx.settings.centreName, printedAt: ctx.now });
    return new Deferred(async () => ({ fileName: `签领表-${c.number}${batch ? `-${batch.number}` : ''}.pdf`, base64: await pdf() }));
  },

  'campaigns.bankFile': (ctx, { batchId }) => {
    const b = (ctx.db.prepare(`${BATCH_SELECT} WHERE b.id = ?`).get(batchId) as BatchRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${batchId} 的发放批次`);
    if (b.method !== 'bank') fail('RULE', `批次 ${b.number} 是现金发放，没有银行代发表；请打印签领表。`);
    const c = getCampaignRow(ctx.db, b.campaign_id);
    const rows = ctx.db.prepare(`${LINE_SELECT} WHERE p.batch_id = ? ORDER BY f.work_unit, l.id`).all(batchId) as LineRow[];
    ctx.audit({ summary: `${c.number}：导出银行代发表（批次 ${b.number}，${rows.length} 人）`, entityType: ENTITY, entityId: c.id });
    const lines = rows.map((r) => ({ name: r.name, idNumber: r.id_number, bankCard: r.bank_card, bankName: r.bank_name, amountFen: r.amount_fen }));
    const summary = toCampaignSummary(c);
    const batch = toBatch(b);
    const centre = ctx.settings.centreName;
    return new Deferred(async () => ({ fileName: `银行代发-${b.number}.xlsx`, base64: (await bankBatchWorkbook(summary, batch, lines, centre)).toString('base64') }));
  },

  'campaigns.summary': (ctx, { id }) => campaignReport(ctx.db, getCampaignRow(ctx.db, id)),

  'campaigns.noticePdf': (ctx, { id }) => {
    const c = getCampaignRow(ctx.db, id);
    if (c.status !== 'approved') fail('RULE', `${c.number} 的名单尚未经工会主席批准，不能公示。`);
    const noticeStart = localDate(ctx.now);
    const notice = {
      campaign: toCampaignSummary(c),
      noticeStart,
      noticeEnd: addDays(noticeStart, ctx.settings.reliefNoticeDays - 1),
      lines: linesOf(ctx, id, null).map((l) => ({ name: l.name, maskedIdNumber: l.maskedIdNumber, workUnit: l.workUnit, group: l.group, amountFen: l.amountFen })),
    };
    ctx.audit({ summary: `${c.number}：打印慰问名单公示，${notice.lines.length} 人`, entityType: ENTITY, entityId: id });
    const s = ctx.settings;
    const doc = campaignNoticeDoc(notice, { centreName: s.centreName, unionName: s.unionName, centrePhone: s.centrePhone, centreAddress: s.centreAddress, printedAt: ctx.now });
    return new Deferred(async () => ({ fileName: `慰问名单公示-${c.number}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },

  'campaigns.summaryPdf': (ctx, { id }) => {
    const r = campaignReport(ctx.db, getCampaignRow(ctx.db, id));
    ctx.audit({ summary: `${r.campaign.number}：打印活动汇总表`, entityType: ENTITY, entityId: id });
    const doc = campaignSummaryDoc(r, { centreName: ctx.settings.centreName, printedAt: ctx.now }, ctx.user!.displayName);
    return new Deferred(async () => ({ fileName: `慰问活动汇总-${r.campaign.number}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },

  'campaigns.summaryXlsx': (ctx, { id }) => {
    const r = campaignReport(ctx.db, getCampaignRow(ctx.db, id));
    ctx.audit({ summary: `${r.campaign.number}：导出活动汇总表`, entityType: ENTITY, entityId: id });
    const centre = ctx.settings.centreName;
    return new Deferred(async () => ({ fileName: `慰问活动汇总-${r.campaign.number}.xlsx`, base64: (await campaignSummaryWorkbook(r, centre)).toString('base64') }));
  },

  'campaigns.forFile': (ctx, { fileId }) => {
    getFileRow(ctx.db, fileId);
    return grantsForFile(ctx.db, fileId);
  },
};
