import type { DecisionAdvice, ReliefApplication, ReliefFacts } from '../../../shared/contract/reliefTypes';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { requiredDocuments, type ReliefCategory } from '../../../shared/relief';
import type { Settings } from '../../../shared/settings';
import { FILE_DOCUMENTS, type FileDocument } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { loadFile } from '../files/store';
import { adviseRelief, type EngineFile, type PastGrant } from './engine';
import { reliefPermissions } from './policy';
import { parseAdvice, parseFacts, RELIEF_SELECT, toDecision, toReliefSummary, type DecisionRow, type ReliefRow } from './rows';

/** Statuses in which an application counts as a grant for the once-a-year rule. */
export const GRANTED_STATUSES = ['awaiting_notice', 'in_notice', 'payable', 'paid'];

export function getReliefRow(db: Db, id: number): ReliefRow {
  return (db.prepare(`${RELIEF_SELECT} WHERE a.id = ?`).get(id) as ReliefRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的救助申请`);
}

export function engineFile(db: Db, fileId: number, settings: Settings): EngineFile {
  const f = loadFile(db, fileId, settings.minLivingLineFen);
  return {
    sex: f.sex,
    birthDate: f.birthDate,
    allowanceStatus: f.allowanceStatus,
    medicalInsured: f.medicalInsured,
    disabilityGrade: f.disabilityGrade,
    singleParent: f.singleParent,
    employmentStatus: f.employmentStatus,
    tier: f.tier,
    hardshipCauses: f.hardshipCauses,
    members: f.members.map((m) => ({ relation: m.relation, idNumber: m.idNumber, disabled: m.disabled, student: m.student })),
    activeExclusions: f.exclusions.filter((e) => e.clearedAt === null).map((e) => e.kind),
  };
}

/**
 * Grants to the household, not only the file: every file whose holder or members share an ID number
 * with this file's holder or members (a spouse with her own file is the same family, 003).
 */
/**
 * Campaign payments (not returned) count too: schooling and other drives always, festival
 * condolences only when the setting says so.
 */
export function pastGrants(db: Db, fileId: number, exceptApplicationId: number | null, festivalCounts = false): PastGrant[] {
  return (
    db
      .prepare(
        `WITH ids(idn) AS (
           SELECT id_number FROM worker_files WHERE id = @fileId
           UNION SELECT id_number FROM household_members WHERE file_id = @fileId AND id_number <> ''),
         family(fid) AS (
           SELECT id FROM worker_files WHERE id_number IN (SELECT idn FROM ids)
           UNION SELECT file_id FROM household_members WHERE id_number <> '' AND id_number IN (SELECT idn FROM ids))
         SELECT a.number, a.category, a.amount_fen, a.approved_date, a.file_id, f.name FROM relief_applications a JOIN worker_files f ON f.id = a.file_id
         WHERE a.file_id IN (SELECT fid FROM family) AND a.id IS NOT @except AND a.approved_date IS NOT NULL
           AND a.status IN (${GRANTED_STATUSES.map((s) => `'${s}'`).join(', ')})
         UNION ALL
         SELECT c.number, CASE c.kind WHEN 'schooling' THEN 'schooling' WHEN 'other' THEN 'other' ELSE 'festival' END, p.amount_fen, b.date, l.file_id, f.name
         FROM campaign_payments p JOIN campaign_batches b ON b.id = p.batch_id JOIN campaign_lines l ON l.id = p.line_id
           JOIN campaigns c ON c.id = l.campaign_id JOIN worker_files f ON f.id = l.file_id
         WHERE l.file_id IN (SELECT fid FROM family) AND p.returned_entry_id IS NULL AND (@festival = 1 OR c.kind NOT IN ('warmth', 'spring_festival'))
         ORDER BY 4`,
      )
      .all({ fileId, except: exceptApplicationId, festival: festivalCounts ? 1 : 0 }) as { number: string; category: ReliefCategory; amount_fen: number; approved_date: string; file_id: number; name: string }[]
  ).map((g) => ({
    number: g.number,
    category: g.category,
    amountFen: g.amount_fen,
    date: g.approved_date,
    ...(g.file_id === fileId ? {} : { householdHolder: g.name }),
  }));
}

/** The engine's advice under the policy in force today, for a file and a proposal. */
export function adviceFor(
  ctx: HandlerContext,
  p: { fileId: number; category: ReliefCategory; facts: ReliefFacts; amountFen: number; applicationId: number | null },
): DecisionAdvice {
  return adviseRelief({
    file: engineFile(ctx.db, p.fileId, ctx.settings),
    history: pastGrants(ctx.db, p.fileId, p.applicationId, ctx.settings.campaignFestivalCountsYearly),
    category: p.category,
    facts: p.facts,
    amountFen: p.amountFen,
    policy: ctx.settings,
    today: localDate(ctx.now),
  });
}

export function loadRelief(ctx: HandlerContext, id: number): ReliefApplication {
  const r = getReliefRow(ctx.db, id);
  const facts = parseFacts(r);
  // Drafts are advised live under today's policy; submitted ones show the advice they were decided on.
  const advice =
    r.status === 'draft' || !r.advice_json
      ? adviceFor(ctx, { fileId: r.file_id, category: r.category, facts, amountFen: r.amount_fen, applicationId: r.id })
      : parseAdvice(r)!;
  const file = loadFile(ctx.db, r.file_id, ctx.settings.minLivingLineFen);
  const required = new Set(requiredDocuments(r.category, file));
  const received = new Map(
    (
      ctx.db
        .prepare('SELECT d.doc, u.display_name AS by_name, d.received_at FROM relief_documents d JOIN users u ON u.id = d.received_by WHERE d.application_id = ?')
        .all(id) as { doc: FileDocument; by_name: string; received_at: string }[]
    ).map((d) => [d.doc, d]),
  );
  const decisions = ctx.db
    .prepare(
      `SELECT d.id, d.stage, d.decision, d.by_user, u.display_name AS by_name, d.at, d.comment, d.amount_fen, d.policy_date
       FROM relief_decisions d JOIN users u ON u.id = d.by_user WHERE d.application_id = ? ORDER BY d.id`,
    )
    .all(id) as DecisionRow[];
  return {
    ...toReliefSummary(r),
    facts,
    reasons: r.reasons,
    overrideReason: r.override_reason,
    advice,
    documents: FILE_DOCUMENTS.filter((d) => required.has(d) || received.has(d)).map((doc) => ({
      doc,
      required: required.has(doc),
      receivedBy: received.get(doc)?.by_name ?? null,
      receivedAt: received.get(doc)?.received_at ?? null,
    })),
    decisions: decisions.map(toDecision),
    noticeId: r.notice_id,
    permissions: reliefPermissions(ctx.db, ctx.user, r),
  };
}

export function recordDecision(
  ctx: HandlerContext,
  applicationId: number,
  d: { stage: DecisionRow['stage']; decision: DecisionRow['decision']; comment: string; amountFen: number },
): void {
  ctx.db
    .prepare(
      `INSERT INTO relief_decisions (application_id, stage, decision, by_user, at, comment, amount_fen, policy_json, policy_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(applicationId, d.stage, d.decision, ctx.user!.id, ctx.now.toISOString(), d.comment, d.amountFen, JSON.stringify(ctx.settings), localDate(ctx.now));
}

export function decisionsOf(db: Db, applicationId: number): DecisionRow[] {
  return db
    .prepare('SELECT d.*, u.display_name AS by_name FROM relief_decisions d JOIN users u ON u.id = d.by_user WHERE d.application_id = ? ORDER BY d.id')
    .all(applicationId) as DecisionRow[];
}
