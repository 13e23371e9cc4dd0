// Building a campaign list from the worker files: who fits which group and why, and who is left out
// and why (seed 000 §三: last year's recipients left out in principle; not union targets; plus the
// files' own exits and exclusion flags, and one family once on a list).
import type { Candidate } from '../../../shared/contract/campaigns';
import { CAMPAIGN_EXCLUSION_LABELS, CAMPAIGN_KIND_CATEGORY, CAMPAIGN_KINDS, isNonWorkerUnit, isSchoolLevelGroup, type CampaignExclusion, type CampaignGroup } from '../../../shared/campaign';
import { incomeTier } from '../../../shared/household';
import { maskIdNumber } from '../../../shared/idcard';
import { EXCLUSION_LABELS, type EmploymentStatus, type ExclusionKind, type ModelWorkerLevel } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import { matchGroups } from './criteria';
import type { CampaignRow, GroupRow } from './rows';

interface FileFacts {
  id: number;
  name: string;
  id_number: string;
  work_unit: string;
  employment_status: EmploymentStatus;
  model_worker_level: ModelWorkerLevel;
  per_capita_income_fen: number;
  hardship_causes: string;
  single_parent: 0 | 1;
  disability_grade: number | null;
  risk_flag: string;
  status: 'active' | 'exited';
}

export interface Evaluated extends Candidate {
  idNumber: string;
  /** Every ID number of the household (holder and members). */
  ids: string[];
}

/** Model-worker groups and the file level each stands for. */
const MODEL_LEVEL_OF: Partial<Record<CampaignGroup, ModelWorkerLevel>> = { model_national: 'national', model_provincial: 'provincial', model_city: 'city' };

/** ID numbers (holder and members) of the files chosen by `fileSql` (a SELECT of file ids). */
function householdIds(db: Db, fileSql: string, params: Record<string, unknown>): Set<string> {
  const rows = db
    .prepare(`SELECT id_number AS idn FROM worker_files WHERE id IN (${fileSql}) UNION SELECT id_number FROM household_members WHERE id_number <> '' AND file_id IN (${fileSql})`)
    .all(params) as { idn: string }[];
  return new Set(rows.map((r) => r.idn));
}

/** Kinds of the same sort of money: a 春节慰问 last year counts against a 送温暖 this year. */
export const sameSortKinds = (c: CampaignRow) => CAMPAIGN_KINDS.filter((k) => CAMPAIGN_KIND_CATEGORY[k] === CAMPAIGN_KIND_CATEGORY[c.kind]);

/** Households paid (and not returned) in last year's campaigns of the same sort. */
export function lastYearIds(db: Db, c: CampaignRow): Set<string> {
  const kinds = sameSortKinds(c);
  const paid = `SELECT l.file_id FROM campaign_payments p JOIN campaign_lines l ON l.id = p.line_id JOIN campaigns x ON x.id = l.campaign_id
    WHERE p.returned_entry_id IS NULL AND x.kind IN (${kinds.map((k) => `'${k}'`).join(', ')}) AND substr(x.start_date, 1, 4) = @year`;
  return householdIds(db, paid, { year: String(Number(c.start_date.slice(0, 4)) - 1) });
}

export const onListIds = (db: Db, campaignId: number): Set<string> =>
  householdIds(db, 'SELECT file_id FROM campaign_lines WHERE campaign_id = @campaignId', { campaignId });

export interface ExclusionContext {
  lastYear: Set<string>;
  /** ID numbers of households already on the list (grows as candidates are accepted). */
  taken: Set<string>;
}

/** Why this file may not be listed (empty when it may). */
export function exclusionsFor(f: { status: string; work_unit: string; risk_flag: string }, flags: ExclusionKind[], ids: string[], x: ExclusionContext): { kind: CampaignExclusion; text: string }[] {
  const out: { kind: CampaignExclusion; text: string }[] = [];
  const add = (kind: CampaignExclusion, detail = '') => out.push({ kind, text: `${CAMPAIGN_EXCLUSION_LABELS[kind]}${detail}` });
  if (f.status === 'exited') add('exited');
  if (flags.length) add('flagged', `：${flags.map((k) => EXCLUSION_LABELS[k]).join('、')}`);
  if (isNonWorkerUnit(f.work_unit)) add('not_union_target', `（工作单位：${f.work_unit}，困难农民和城镇居民不属于工会慰问对象）`);
  if (f.risk_flag !== 'red' && ids.some((i) => x.lastYear.has(i))) add('last_year', '（原则上不再列入；档案标为红色预警的除外）');
  if (ids.some((i) => x.taken.has(i))) add('household');
  return out;
}

/**
 * Every file that fits one of the campaign's groups, with its reasons and exclusions, in file order
 * (the older file of a household comes first). Files already on the list are left out.
 */
export function evaluateFiles(db: Db, c: CampaignRow, groups: GroupRow[], minLivingLineFen: number, workUnit: string): Evaluated[] {
  // Only files that can fit some group are read: within 300 % of the line (every group but the model
  // workers' needs a hardship reason, which needs that), or a model worker of a level the campaign has.
  const modelLevels = groups.flatMap((g) => MODEL_LEVEL_OF[g.grp] ?? []);
  const needsHardship = groups.some((g) => !MODEL_LEVEL_OF[g.grp] && !isSchoolLevelGroup(g.grp));
  const fits = [needsHardship ? 'per_capita_income_fen * 100 <= @line * 300' : '', modelLevels.length ? `model_worker_level IN (${modelLevels.map((l) => `'${l}'`).join(', ')})` : '']
    .filter(Boolean)
    .join(' OR ');
  const where = [`(${fits || '0'})`, workUnit ? 'work_unit = @unit' : ''].filter(Boolean).join(' AND ');
  const files = db
    .prepare(
      `SELECT id, name, id_number, work_unit, employment_status, model_worker_level, per_capita_income_fen, hardship_causes, single_parent, disability_grade, risk_flag, status
       FROM worker_files WHERE ${where} ORDER BY id`,
    )
    .all({ unit: workUnit, line: minLivingLineFen }) as FileFacts[];
  const members = new Map<number, string[]>();
  for (const m of db
    .prepare(`SELECT file_id, id_number FROM household_members WHERE id_number <> ''${workUnit ? ' AND file_id IN (SELECT id FROM worker_files WHERE work_unit = @unit)' : ''}`)
    .all({ unit: workUnit }) as { file_id: number; id_number: string }[]) {
    const list = members.get(m.file_id) ?? [];
    list.push(m.id_number);
    members.set(m.file_id, list);
  }
  const flags = new Map<number, ExclusionKind[]>();
  for (const e of db.prepare('SELECT DISTINCT file_id, kind FROM file_exclusions WHERE cleared_at IS NULL').all() as { file_id: number; kind: ExclusionKind }[]) {
    flags.set(e.file_id, [...(flags.get(e.file_id) ?? []), e.kind]);
  }
  const listed = new Set((db.prepare('SELECT file_id FROM campaign_lines WHERE campaign_id = ?').all(c.id) as { file_id: number }[]).map((r) => r.file_id));
  const x: ExclusionContext = { lastYear: lastYearIds(db, c), taken: onListIds(db, c.id) };
  // Criteria cannot tell a child's school level, so the level groups are filled by import or by hand.
  const order = groups.map((g) => g.grp).filter((g) => !isSchoolLevelGroup(g));
  const standard = new Map<CampaignGroup, number>(groups.map((g) => [g.grp, g.standard_fen]));

  const out: Evaluated[] = [];
  for (const f of files) {
    if (listed.has(f.id)) continue;
    const matched = matchGroups(
      {
        employmentStatus: f.employment_status,
        modelWorkerLevel: f.model_worker_level,
        tier: incomeTier(f.per_capita_income_fen, minLivingLineFen),
        causes: JSON.parse(f.hardship_causes) as string[],
        singleParent: f.single_parent === 1,
        disabled: f.disability_grade !== null,
      },
      order,
    );
    if (matched.length === 0) continue;
    const ids = [f.id_number, ...(members.get(f.id) ?? [])];
    const exclusions = exclusionsFor(f, flags.get(f.id) ?? [], ids, x);
    const reasons = matched.map((m) => m.reason);
    if (f.risk_flag === 'red' && ids.some((i) => x.lastYear.has(i))) reasons.push('上年度已慰问，但档案为红色预警（困难加剧），仍列入');
    if (exclusions.length === 0) for (const i of ids) x.taken.add(i);
    const group = matched[0]!.group;
    out.push({
      fileId: f.id,
      name: f.name,
      idNumber: f.id_number,
      maskedIdNumber: maskIdNumber(f.id_number),
      workUnit: f.work_unit,
      group,
      amountFen: standard.get(group) ?? 0,
      reasons,
      exclusions,
      ids,
    });
  }
  return out;
}
