// Who is left out of a campaign list and why (seed 000 §三: last year's recipients left out in principle;
// not union targets; plus the files' own exits and exclusion flags, and one family once on a list), for
// one file at a time (a manual add, an import). The build does the same by set: evaluate.ts.
import { CAMPAIGN_EXCLUSION_LABELS, CAMPAIGN_KIND_CATEGORY, CAMPAIGN_KINDS, isNonWorkerUnit, type CampaignExclusion } from '../../../shared/campaign';
import { EXCLUSION_LABELS, type ExclusionKind } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import type { CampaignRow } from './rows';

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
  return exclusionList({
    exited: f.status === 'exited',
    flags,
    workUnit: f.work_unit,
    lastYear: f.risk_flag !== 'red' && ids.some((i) => x.lastYear.has(i)),
    household: ids.some((i) => x.taken.has(i)),
  });
}

/** The exclusions of a file whose facts are known, in the order the list shows them. */
export function exclusionList(f: { exited: boolean; flags: readonly ExclusionKind[]; workUnit: string; lastYear: boolean; household: boolean }): { kind: CampaignExclusion; text: string }[] {
  const out: { kind: CampaignExclusion; text: string }[] = [];
  const add = (kind: CampaignExclusion, detail = '') => out.push({ kind, text: `${CAMPAIGN_EXCLUSION_LABELS[kind]}${detail}` });
  if (f.exited) add('exited');
  if (f.flags.length) add('flagged', `：${f.flags.map((k) => EXCLUSION_LABELS[k]).join('、')}`);
  if (isNonWorkerUnit(f.workUnit)) add('not_union_target', `（工作单位：${f.workUnit}，困难农民和城镇居民不属于工会慰问对象）`);
  if (f.lastYear) add('last_year', '（原则上不再列入；档案标为红色预警的除外）');
  if (f.household) add('household');
  return out;
}
