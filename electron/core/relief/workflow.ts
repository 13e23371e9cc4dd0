import type { ReliefApplication } from '../../../shared/contract/reliefTypes';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { requiredDocuments, type ReliefStatus } from '../../../shared/relief';
import { FILE_DOCUMENT_LABELS } from '../../../shared/workerFile';
import type { HandlerContext } from '../context';
import { loadFile } from '../files/store';
import { parseFacts, type ReliefRow } from './rows';
import { assertReliefAllowed } from './policy';
import { adviceFor, getReliefRow, loadRelief, recordDecision } from './store';

const ENTITY = 'relief';

function setStatus(ctx: HandlerContext, id: number, status: ReliefStatus, extra: Record<string, string | number | null> = {}): void {
  const cols = Object.keys(extra);
  ctx.db
    .prepare(`UPDATE relief_applications SET status = @status${cols.map((c) => `, ${c} = @${c}`).join('')} WHERE id = @id`)
    .run({ id, status, ...extra });
}

/** After the last approval: into the notice queue when the policy asks for one, else straight to payable. */
function approvedStatus(ctx: HandlerContext): ReliefStatus {
  return ctx.settings.reliefNoticeRequired ? 'awaiting_notice' : 'payable';
}

export function submit(ctx: HandlerContext, id: number): ReliefApplication {
  const r = getReliefRow(ctx.db, id);
  assertReliefAllowed(ctx.db, ctx.user!, r, 'submit');
  const file = loadFile(ctx.db, r.file_id, ctx.settings.minLivingLineFen);
  const received = new Set((ctx.db.prepare('SELECT doc FROM relief_documents WHERE application_id = ?').all(id) as { doc: string }[]).map((d) => d.doc));
  const missing = requiredDocuments(r.category, file).filter((d) => !received.has(d));
  if (missing.length > 0) fail('RULE', `还缺少材料：${missing.map((d) => FILE_DOCUMENT_LABELS[d]).join('、')}。材料齐全后才能提交。`);
  if (file.status === 'exited') fail('RULE', '该职工档案已脱困退出，不能提交救助申请。');
  const advice = adviceFor(ctx, { fileId: r.file_id, category: r.category, facts: parseFacts(r), amountFen: r.amount_fen, applicationId: id });
  if (advice.verdict === 'not_eligible') {
    fail('RULE', `不符合救助条件：${advice.rules.filter((x) => x.outcome === 'fail').map((x) => x.text).join('；')}`);
  }
  if (advice.verdict === 'override' && !r.override_reason) {
    fail('RULE', `以下规则须例外处理，请先填写例外理由（由工会主席审批）：${advice.rules.filter((x) => x.outcome === 'override').map((x) => x.text).join('；')}`);
  }
  setStatus(ctx, id, 'pending_director', {
    submitted_at: ctx.now.toISOString(),
    advice_json: JSON.stringify(advice),
    needs_chair: advice.approvers.includes('chair') ? 1 : 0,
  });
  recordDecision(ctx, id, { stage: 'staff', decision: 'submit', comment: '', amountFen: r.amount_fen });
  ctx.audit({ summary: `${r.number}：提交审批，${file.name} ${formatYuan(r.amount_fen)}`, entityType: ENTITY, entityId: id });
  return loadRelief(ctx, id);
}

export function decide(ctx: HandlerContext, id: number, decision: 'approve' | 'reject' | 'return', comment: string): ReliefApplication {
  const r = getReliefRow(ctx.db, id);
  assertReliefAllowed(ctx.db, ctx.user!, r, 'decide');
  const stage = r.status === 'pending_director' ? 'director' : 'chair';
  const label = { approve: '同意', reject: '不同意', return: '退回修改' }[decision];
  if (decision !== 'approve') {
    setStatus(ctx, id, decision === 'reject' ? 'rejected' : 'draft');
    recordDecision(ctx, id, { stage, decision, comment, amountFen: r.amount_fen });
    ctx.audit({ summary: `${r.number}：${stage === 'director' ? '主任' : '主席'}${label}。${comment}`, entityType: ENTITY, entityId: id });
    return loadRelief(ctx, id);
  }
  // Decide under the policy in force today; the decision row keeps a copy of it.
  const advice = adviceFor(ctx, { fileId: r.file_id, category: r.category, facts: parseFacts(r), amountFen: r.amount_fen, applicationId: id });
  if (advice.verdict === 'not_eligible') fail('RULE', `按现行政策不符合救助条件：${advice.rules.filter((x) => x.outcome === 'fail').map((x) => x.text).join('；')}`);
  if (advice.verdict === 'override' && !r.override_reason) fail('RULE', '该申请须例外处理但没有写明例外理由，请退回修改。');
  if (advice.verdict === 'override' && stage === 'chair' && comment.trim().length < 2) {
    fail('RULE', '这是例外审批：请在审批意见中写明同意例外的理由。');
  }
  const needsChair = advice.approvers.includes('chair');
  const next: ReliefStatus = stage === 'director' && needsChair ? 'pending_chair' : approvedStatus(ctx);
  const final = next !== 'pending_chair';
  setStatus(ctx, id, next, {
    advice_json: JSON.stringify(advice),
    needs_chair: needsChair ? 1 : 0,
    approved_date: final ? localDate(ctx.now) : null,
  });
  recordDecision(ctx, id, { stage, decision, comment, amountFen: r.amount_fen });
  ctx.audit({
    summary: `${r.number}：${stage === 'director' ? '主任' : '主席'}同意 ${formatYuan(r.amount_fen)}${final ? '' : '，报工会主席'}。${comment}`,
    entityType: ENTITY,
    entityId: id,
  });
  return loadRelief(ctx, id);
}

/**
 * An edit after submission, by anyone, is a new proposal: it goes on the decision trail under the
 * editor's name (who may then not approve it) and the application goes back to the director.
 */
export function afterEdit(ctx: HandlerContext, before: ReliefRow, amountFen: number): void {
  if (before.status === 'draft') return;
  const r = getReliefRow(ctx.db, before.id);
  const advice = adviceFor(ctx, { fileId: r.file_id, category: r.category, facts: parseFacts(r), amountFen: r.amount_fen, applicationId: r.id });
  setStatus(ctx, before.id, 'pending_director', { approved_date: null, advice_json: JSON.stringify(advice), needs_chair: advice.approvers.includes('chair') ? 1 : 0 });
  const amount = before.amount_fen === amountFen ? `金额 ${formatYuan(amountFen)} 未变` : `金额 ${formatYuan(before.amount_fen)} → ${formatYuan(amountFen)}`;
  recordDecision(ctx, before.id, {
    stage: 'staff',
    decision: 'amount_changed',
    comment: `提交后由 ${ctx.user!.displayName} 修改（${amount}），视为其重新提出，退回主任审批`,
    amountFen,
  });
}

export function withdraw(ctx: HandlerContext, id: number, reason: string): ReliefApplication {
  const r = getReliefRow(ctx.db, id);
  assertReliefAllowed(ctx.db, ctx.user!, r, 'withdraw');
  setStatus(ctx, id, 'withdrawn', { approved_date: null });
  recordDecision(ctx, id, { stage: 'staff', decision: 'withdraw', comment: reason, amountFen: r.amount_fen });
  ctx.audit({ summary: `${r.number}：撤回。${reason}`, entityType: ENTITY, entityId: id });
  return loadRelief(ctx, id);
}
