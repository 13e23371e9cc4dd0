import type { referralChannels } from '../../../shared/contract/referrals';
import { formatChineseDate, localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import {
  APPLICANT_TYPE_LABELS,
  INFRINGEMENT_LABELS,
  LEGAL_OUTCOME_LABELS,
  LEGAL_TARGET_LABELS,
  REFERRAL_OUTCOME_LABELS,
} from '../../../shared/referral';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { referralsForFile } from './forFile';
import {
  assertPetition,
  getCaseRow,
  getFileBrief,
  getReferralRow,
  getVacancyRow,
  hiredCount,
  listCases,
  listReferrals,
  listSeekers,
  listVacancies,
  loadCase,
  loadReferral,
  loadVacancy,
} from './store';

const today = (ctx: HandlerContext) => localDate(ctx.now);
const fromPetition = (number: string | null) => (number ? `（来自来访 ${number}）` : '');
const withNote = (note: string) => (note ? `。${note}` : '');

function refusePastDate(ctx: HandlerContext, validUntil: string): void {
  if (validUntil < today(ctx)) fail('RULE', `有效期至 ${formatChineseDate(validUntil)} 已经过去，请填写今天或以后的日期。`);
}

export const referralHandlers: HandlerMap<keyof typeof referralChannels> = {
  'referrals.createVacancy': (ctx, v) => {
    refusePastDate(ctx, v.validUntil);
    const nowIso = ctx.now.toISOString();
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO vacancies (unit, job_type, headcount, requirements, valid_until, contact, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.unit, v.jobType, v.headcount, v.requirements, v.validUntil, v.contact, nowIso, ctx.user!.id, nowIso, ctx.user!.id);
    const id = Number(lastInsertRowid);
    ctx.audit({
      summary: `登记岗位：${v.unit} ${v.jobType}，招用 ${v.headcount} 人，有效期至 ${formatChineseDate(v.validUntil)}`,
      entityType: 'vacancy',
      entityId: id,
    });
    return loadVacancy(ctx.db, id, today(ctx));
  },

  'referrals.updateVacancy': (ctx, { id, vacancy: v }) => {
    const before = getVacancyRow(ctx.db, id);
    if (before.status === 'closed') fail('CONFLICT', `岗位“${before.unit} ${before.job_type}”已关闭，不能修改。`);
    if (v.validUntil !== before.valid_until) refusePastDate(ctx, v.validUntil);
    if (v.headcount < before.hired_count) {
      fail('RULE', `该岗位已录用 ${before.hired_count} 人，招用人数不能少于已录用人数。`);
    }
    ctx.db
      .prepare(
        `UPDATE vacancies SET unit = ?, job_type = ?, headcount = ?, requirements = ?, valid_until = ?, contact = ?, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      )
      .run(v.unit, v.jobType, v.headcount, v.requirements, v.validUntil, v.contact, ctx.now.toISOString(), ctx.user!.id, id);
    const changes = [
      before.unit !== v.unit && `用人单位 ${before.unit} → ${v.unit}`,
      before.job_type !== v.jobType && `工种 ${before.job_type} → ${v.jobType}`,
      before.headcount !== v.headcount && `招用人数 ${before.headcount} → ${v.headcount}`,
      before.valid_until !== v.validUntil && `有效期至 ${formatChineseDate(before.valid_until)} → ${formatChineseDate(v.validUntil)}`,
      before.requirements !== v.requirements && '用人要求',
      before.contact !== v.contact && '联系人',
    ].filter(Boolean);
    ctx.audit({
      summary: `修改岗位 ${v.unit} ${v.jobType}：${changes.length ? changes.join('；') : '无变化'}`,
      entityType: 'vacancy',
      entityId: id,
    });
    return loadVacancy(ctx.db, id, today(ctx));
  },

  'referrals.closeVacancy': (ctx, { id, note }) => {
    const row = getVacancyRow(ctx.db, id);
    if (row.status === 'closed') fail('CONFLICT', `岗位“${row.unit} ${row.job_type}”已经关闭。`);
    ctx.db
      .prepare("UPDATE vacancies SET status = 'closed', closed_at = ?, closed_by = ?, close_note = ?, updated_at = ?, updated_by = ? WHERE id = ?")
      .run(ctx.now.toISOString(), ctx.user!.id, note, ctx.now.toISOString(), ctx.user!.id, id);
    ctx.audit({
      summary: `关闭岗位：${row.unit} ${row.job_type}（招用 ${row.headcount} 人，已录用 ${row.hired_count} 人）${withNote(note)}`,
      entityType: 'vacancy',
      entityId: id,
    });
    return loadVacancy(ctx.db, id, today(ctx));
  },

  'referrals.listVacancies': (ctx, q) => listVacancies(ctx.db, q, today(ctx)),

  'referrals.seekers': (ctx, q) => listSeekers(ctx.db, q),

  'referrals.refer': (ctx, { fileId, vacancyId, note, petitionId }) => {
    const file = getFileBrief(ctx.db, fileId);
    if (file.status !== 'active') fail('RULE', `${file.name} 的档案已脱困退出，不能推荐就业；如需推荐，请先由主任恢复在档。`);
    const v = getVacancyRow(ctx.db, vacancyId);
    const job = `${v.unit} ${v.job_type}`;
    if (v.status === 'closed') fail('RULE', `岗位“${job}”已关闭，不能再推荐。`);
    if (v.valid_until < today(ctx)) fail('RULE', `岗位“${job}”已过有效期（至 ${formatChineseDate(v.valid_until)}），请先修改有效期或选择其他岗位。`);
    if (v.hired_count >= v.headcount) fail('RULE', `岗位“${job}”招用 ${v.headcount} 人，已全部录用，不能再推荐。`);
    const existing = ctx.db
      .prepare("SELECT outcome FROM job_referrals WHERE file_id = ? AND vacancy_id = ? AND outcome <> 'not_hired' LIMIT 1")
      .get(fileId, vacancyId) as { outcome: 'pending' | 'hired' } | undefined;
    if (existing) fail('CONFLICT', `${file.name} 已推荐到“${job}”（${REFERRAL_OUTCOME_LABELS[existing.outcome]}），不要重复推荐。`);
    const petitionNumber = assertPetition(ctx.db, petitionId);
    const { lastInsertRowid } = ctx.db
      .prepare('INSERT INTO job_referrals (file_id, vacancy_id, note, petition_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(fileId, vacancyId, note, petitionId, ctx.now.toISOString(), ctx.user!.id);
    const id = Number(lastInsertRowid);
    ctx.audit({ summary: `推荐就业：${file.name} → ${job}${fromPetition(petitionNumber)}${withNote(note)}`, entityType: 'job_referral', entityId: id });
    return loadReferral(ctx.db, id);
  },

  'referrals.setOutcome': (ctx, { id, outcome, note }) => {
    const r = getReferralRow(ctx.db, id);
    const job = `${r.unit} ${r.job_type}`;
    if (outcome === 'hired' && r.outcome !== 'hired') {
      const v = getVacancyRow(ctx.db, r.vacancy_id);
      const hired = hiredCount(ctx.db, r.vacancy_id);
      if (hired >= v.headcount) {
        fail('RULE', `岗位“${job}”招用 ${v.headcount} 人，已录用 ${hired} 人，不能再登记录用。如单位增加用人，请先修改岗位的招用人数。`);
      }
    }
    ctx.db
      .prepare('UPDATE job_referrals SET outcome = ?, outcome_note = ?, outcome_at = ?, outcome_by = ? WHERE id = ?')
      .run(outcome, note, ctx.now.toISOString(), ctx.user!.id, id);
    ctx.audit({
      summary: `推荐结果：${r.worker_name} → ${job}，${REFERRAL_OUTCOME_LABELS[r.outcome]} → ${REFERRAL_OUTCOME_LABELS[outcome]}${withNote(note)}`,
      entityType: 'job_referral',
      entityId: id,
    });
    return loadReferral(ctx.db, id);
  },

  'referrals.list': (ctx, q) => listReferrals(ctx.db, q),

  'referrals.forFile': (ctx, { fileId }) => {
    getFileBrief(ctx.db, fileId);
    return referralsForFile(ctx.db, fileId);
  },

  'legalAid.intake': (ctx, input) => {
    const file = input.fileId === null ? null : getFileBrief(ctx.db, input.fileId);
    const name = file ? file.name : input.applicantName;
    const phone = input.applicantPhone || (file?.phone ?? '');
    const petitionNumber = assertPetition(ctx.db, input.petitionId);
    const nowIso = ctx.now.toISOString();
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO legal_aid_cases (file_id, applicant_name, applicant_phone, applicant_type, infringement_type, respondent, facts, petition_id,
           created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.fileId, name, phone, input.applicantType, input.infringementType, input.respondent, input.facts, input.petitionId, nowIso, ctx.user!.id, nowIso);
    const id = Number(lastInsertRowid);
    ctx.audit({
      summary: `法律援助登记：${name}（${APPLICANT_TYPE_LABELS[input.applicantType]}），${INFRINGEMENT_LABELS[input.infringementType]}${
        input.respondent ? `，涉及 ${input.respondent}` : ''
      }${fromPetition(petitionNumber)}`,
      entityType: 'legal_aid_case',
      entityId: id,
    });
    return loadCase(ctx.db, id);
  },

  'legalAid.refer': (ctx, { id, targetKind, targetName, targetContact, note }) => {
    const c = getCaseRow(ctx.db, id);
    if (c.status === 'closed') fail('CONFLICT', `${c.applicant_name} 的法律援助案件已结案，不能再转介。`);
    const nowIso = ctx.now.toISOString();
    ctx.db
      .prepare(
        `UPDATE legal_aid_cases SET status = 'referred', target_kind = ?, target_name = ?, target_contact = ?, refer_note = ?, referred_at = ?, referred_by = ?,
           updated_at = ? WHERE id = ?`,
      )
      .run(targetKind, targetName, targetContact, note, nowIso, ctx.user!.id, nowIso, id);
    const again = c.status === 'referred' ? `（原转介 ${c.target_name ?? ''}）` : '';
    ctx.audit({
      summary: `法律援助转介：${c.applicant_name} → ${LEGAL_TARGET_LABELS[targetKind]} ${targetName}${targetContact ? `（${targetContact}）` : ''}${again}${withNote(note)}`,
      entityType: 'legal_aid_case',
      entityId: id,
    });
    return loadCase(ctx.db, id);
  },

  'legalAid.setOutcome': (ctx, { id, outcome, note }) => {
    const c = getCaseRow(ctx.db, id);
    if (c.status === 'closed') fail('CONFLICT', `${c.applicant_name} 的法律援助案件已结案（${c.outcome ? LEGAL_OUTCOME_LABELS[c.outcome] : ''}）。`);
    const nowIso = ctx.now.toISOString();
    ctx.db
      .prepare("UPDATE legal_aid_cases SET status = 'closed', outcome = ?, outcome_note = ?, closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ?")
      .run(outcome, note, nowIso, ctx.user!.id, nowIso, id);
    ctx.audit({
      summary: `法律援助结案：${c.applicant_name}，${INFRINGEMENT_LABELS[c.infringement_type]}，${LEGAL_OUTCOME_LABELS[outcome]}${withNote(note)}`,
      entityType: 'legal_aid_case',
      entityId: id,
    });
    return loadCase(ctx.db, id);
  },

  'legalAid.list': (ctx, q) => listCases(ctx.db, q),
};
