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
 * One file as the scan sees it: what the list needs, no name (read later only for rows shown). The
 * scan hands the same object to every call: a visitor that keeps a file copies it ({ ...f }).
 */
export interface Scanned {
  fileId: number;
  idNumber: string;
  workUnit: string;
  group: CampaignGroup;
  amountFen: number;
  reasons: string[];
  exclusions: { kind: CampaignExclusion; text: string }[];
}

type ScanRow = [id: number, idNumber: string, workUnit: string, employment: EmploymentStatus, model: ModelWorkerLevel, perCapita: number, causeBits: number, singleParent: 0 | 1, disabled: 0 | 1, risk: string, status: 'active' | 'exited', memberIds: string | null];
const RED_RESCUE = '上年度已慰问，但档案为红色预警（困难加剧），仍列入';
/** The only causes the criteria read (criteria.ts), as bits the SQL computes from the stored JSON. */
const CRITERIA_CAUSES = ['schooling', 'disability', 'single_parent', 'illness', 'disaster'] as const;
const CAUSE_BITS_SQL = CRITERIA_CAUSES.map((c, i) => `((instr(hardship_causes, '"${c}"') > 0) << ${i})`).join(' | ');
const NO_EXCLUSIONS: Scanned['exclusions'] = [];

/**
 * Every file that fits one of the campaign's groups, handed to `visit` in file order (the older file
 * of a household comes first) with its reasons and exclusions. Files already on the list are left out.
 * Files share a handful of fact combinations, so each combination's groups are worked out once.
 */
export function scanFiles(db: Db, c: CampaignRow, groups: GroupRow[], minLivingLineFen: number, workUnit: string, visit: (f: Readonly<Scanned>) => void): void {
  // Only files that can fit some group are read: within 300 % of the line (every group but the model
  // workers' needs a hardship reason, which needs that), or a model worker of a level the campaign has.
  const modelLevels = groups.flatMap((g) => MODEL_LEVEL_OF[g.grp] ?? []);
  const needsHardship = groups.some((g) => !MODEL_LEVEL_OF[g.grp] && !isSchoolLevelGroup(g.grp));
  const fits = [needsHardship ? 'per_capita_income_fen * 100 <= @line * 300' : '', modelLevels.length ? `model_worker_level IN (${modelLevels.map((l) => `'${l}'`).join(', ')})` : '']
    .filter(Boolean)
    .join(' OR ');
  const where = [`(${fits || '0'})`, workUnit ? 'work_unit = @unit' : '', 'id NOT IN (SELECT file_id FROM campaign_lines WHERE campaign_id = @campaign)'].filter(Boolean).join(' AND ');
  const files = db
    .prepare(
      `SELECT id, id_number, work_unit, employment_status, model_worker_level, per_capita_income_fen, ${CAUSE_BITS_SQL}, single_parent, disability_grade IS NOT NULL, risk_flag, status,
       (SELECT group_concat(id_number) FROM household_members h WHERE h.file_id = worker_files.id AND h.id_number <> '')
       FROM worker_files WHERE ${where} ORDER BY id`,
    )
    .raw(true)
    .all({ unit: workUnit, line: minLivingLineFen, campaign: c.id }) as ScanRow[];
  const flags = new Map<number, ExclusionKind[]>();
  for (const e of db.prepare('SELECT DISTINCT file_id, kind FROM file_exclusions WHERE cleared_at IS NULL').all() as { file_id: number; kind: ExclusionKind }[]) {
    flags.set(e.file_id, [...(flags.get(e.file_id) ?? []), e.kind]);
  }
  const x: ExclusionContext = { lastYear: lastYearIds(db, c), taken: onListIds(db, c.id) };
  const hits = (set: Set<string>, idNumber: string, more: string[] | undefined) => set.size > 0 && (set.has(idNumber) || (more !== undefined && more.some((i) => set.has(i))));
  // Criteria cannot tell a child's school level, so the level groups are filled by import or by hand.
  const order = groups.map((g) => g.grp).filter((g) => !isSchoolLevelGroup(g));
  const standard = new Map<CampaignGroup, number>(groups.map((g) => [g.grp, g.standard_fen]));
  const matches = new Map<string, { group: CampaignGroup; reason: string }[]>();
  const noFlags: ExclusionKind[] = [];
  const f: Scanned = { fileId: 0, idNumber: '', workUnit: '', group: 'hardship', amountFen: 0, reasons: [], exclusions: NO_EXCLUSIONS };

  for (const [id, idNumber, unit, employment, model, perCapita, causeBits, singleParent, disabled, risk, status, memberIds] of files) {
    const tier = incomeTier(perCapita, minLivingLineFen);
    const key = `${employment}|${model}|${tier}|${singleParent}|${disabled}|${causeBits}`;
    let matched = matches.get(key);
    if (!matched) {
      const causes = CRITERIA_CAUSES.filter((_, i) => (causeBits >> i) & 1);
      matched = matchGroups({ employmentStatus: employment, modelWorkerLevel: model, tier, causes, singleParent: singleParent === 1, disabled: disabled === 1 }, order);
      matches.set(key, matched);
    }
    if (matched.length === 0) continue;
    // Members' ID numbers come with the file (one index probe each): no second pass over every member.
    const more = memberIds ? memberIds.split(',') : undefined;
    const fileFlags = flags.get(id) ?? noFlags;
    const lastYear = hits(x.lastYear, idNumber, more);
    // Most files have nothing against them: the exclusion texts are built only for those that do.
    const suspect = status === 'exited' || fileFlags.length > 0 || isNonWorkerUnit(unit) || lastYear || hits(x.taken, idNumber, more);
    const exclusions = suspect ? exclusionsFor({ status, work_unit: unit, risk_flag: risk }, fileFlags, more ? [idNumber, ...more] : [idNumber], x) : NO_EXCLUSIONS;
    const reasons = matched.map((m) => m.reason);
    if (risk === 'red' && lastYear) reasons.push(RED_RESCUE);
    if (exclusions.length === 0) {
      x.taken.add(idNumber);
      if (more) for (const i of more) x.taken.add(i);
    }
    f.fileId = id;
    f.idNumber = idNumber;
    f.workUnit = unit;
    f.group = matched[0]!.group;
    f.amountFen = standard.get(f.group) ?? 0;
    f.reasons = reasons;
    f.exclusions = exclusions;
    visit(f);
  }
}

/** Names of the files shown, read for those rows only. */
export function namesOf(db: Db, fileIds: number[]): Map<number, string> {
  if (fileIds.length === 0) return new Map();
  const rows = db.prepare(`SELECT id, name FROM worker_files WHERE id IN (${fileIds.map(() => '?').join(', ')})`).all(...fileIds) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every file that fits, with its reasons and exclusions, as the candidates list shows it. */
export function evaluateFiles(db: Db, c: CampaignRow, groups: GroupRow[], minLivingLineFen: number, workUnit: string): Evaluated[] {
  const scanned: Scanned[] = [];
  scanFiles(db, c, groups, minLivingLineFen, workUnit, (f) => scanned.push({ ...f }));
  const names = new Map(db.prepare('SELECT id, name FROM worker_files').raw(true).all() as [number, string][]);
  const members = new Map<number, string[]>();
  for (const [fileId, idNumber] of db.prepare("SELECT file_id, id_number FROM household_members WHERE id_number <> ''").raw(true).all() as [number, string][]) {
    members.set(fileId, [...(members.get(fileId) ?? []), idNumber]);
  }
  return scanned.map((f) => ({ ...f, name: names.get(f.fileId) ?? '', maskedIdNumber: maskIdNumber(f.idNumber), ids: [f.idNumber, ...(members.get(f.fileId) ?? [])] }));
}
