import type { Campaign, CampaignGroupView } from '../../../shared/contract/campaigns';
import { CAMPAIGN_GROUP_LABELS } from '../../../shared/campaign';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { campaignPermissions, type CampaignFacts } from './policy';
import { BATCH_SELECT, CAMPAIGN_SELECT, toBatch, toCampaignSummary, toDecision, type BatchRow, type CampaignRow, type DecisionRow, type GroupRow } from './rows';

export function getCampaignRow(db: Db, id: number): CampaignRow {
  return (db.prepare(`${CAMPAIGN_SELECT} WHERE c.id = ?`).get(id) as CampaignRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的慰问活动`);
}

export function groupsOf(db: Db, campaignId: number): GroupRow[] {
  return db.prepare('SELECT grp, position, standard_fen, budget_fen FROM campaign_groups WHERE campaign_id = ? ORDER BY position').all(campaignId) as GroupRow[];
}

/**
 * Lines and money per group, and who added lines, in one pass over the campaign's lines with nothing to
 * sort (a GROUP BY sorts every line). Lines of a group the campaign no longer has are looked for by
 * group only when the counts show there are some.
 */
function lineTotals(db: Db, campaignId: number, groups: GroupRow[]): { listed: Map<string, { n: number; fen: number }>; addedBy: number[] } {
  const perGroup = groups.map((_, i) => `, sum(grp = @g${i}) AS n${i}, coalesce(sum(CASE WHEN grp = @g${i} THEN amount_fen END), 0) AS f${i}`).join('');
  const params: Record<string, unknown> = { id: campaignId };
  groups.forEach((g, i) => (params[`g${i}`] = g.grp));
  const r = db.prepare(`SELECT count(*) AS n, group_concat(DISTINCT added_by) AS added_by${perGroup} FROM campaign_lines WHERE campaign_id = @id`).get(params) as Record<string, number | string | null>;
  const listed = new Map<string, { n: number; fen: number }>();
  let known = 0;
  groups.forEach((g, i) => {
    const n = Number(r[`n${i}`] ?? 0);
    known += n;
    if (n > 0) listed.set(g.grp, { n, fen: Number(r[`f${i}`]) });
  });
  if (Number(r.n) > known) {
    const others = db
      .prepare(`SELECT grp, count(*) AS n, sum(amount_fen) AS fen FROM campaign_lines WHERE campaign_id = @id${groups.length ? ` AND grp NOT IN (${groups.map((_, i) => `@g${i}`).join(', ')})` : ''} GROUP BY grp`)
      .all(params) as { grp: string; n: number; fen: number }[];
    for (const o of others) listed.set(o.grp, { n: o.n, fen: o.fen });
  }
  const addedBy = r.added_by === null ? [] : String(r.added_by).split(',').map(Number);
  return { listed, addedBy };
}

/** Listed people and money per group, each against its sub-budget, and the list against the whole budget. */
export function budgetCheck(db: Db, c: CampaignRow): { groups: CampaignGroupView[]; overBudgetFen: number; blocker: string | null; addedBy: number[] } {
  const groupRows = groupsOf(db, c.id);
  const { listed, addedBy } = lineTotals(db, c.id, groupRows);
  const groups = groupRows.map((g) => {
    const l = listed.get(g.grp);
    const listedFen = l?.fen ?? 0;
    return {
      group: g.grp,
      standardFen: g.standard_fen,
      budgetFen: g.budget_fen,
      count: l?.n ?? 0,
      listedFen,
      overFen: g.budget_fen !== null && listedFen > g.budget_fen ? listedFen - g.budget_fen : 0,
    };
  });
  const overBudgetFen = Math.max(0, c.listed_fen - c.budget_fen);
  const problems: string[] = [];
  if (c.line_count === 0) problems.push('名单上还没有人');
  if (overBudgetFen > 0) problems.push(`名单合计 ${formatYuan(c.listed_fen)}，超出总预算 ${formatYuan(c.budget_fen)} 共 ${formatYuan(overBudgetFen)}`);
  for (const g of groups) {
    if (g.overFen > 0) problems.push(`“${CAMPAIGN_GROUP_LABELS[g.group]}”合计 ${formatYuan(g.listedFen)}，超出分项预算 ${formatYuan(g.budgetFen!)} 共 ${formatYuan(g.overFen)}`);
  }
  // A line of a group the campaign no longer has cannot be paid by any standard.
  for (const grp of listed.keys()) if (!groups.some((g) => g.group === grp)) problems.push(`名单上有不属于本活动帮扶对象的人员（${CAMPAIGN_GROUP_LABELS[grp as keyof typeof CAMPAIGN_GROUP_LABELS] ?? grp}）`);
  return { groups, overBudgetFen, blocker: problems.length ? `不能提交：${problems.join('；')}。请调整名单或预算。` : null, addedBy };
}

export function campaignFacts(db: Db, c: CampaignRow): CampaignFacts & { groups: CampaignGroupView[]; overBudgetFen: number; addedBy: number[] } {
  const b = budgetCheck(db, c);
  // No batch paid (batches are never empty): every line is unpaid, and no line needs reading for it.
  if (c.paid_fen === 0) return { submitBlocker: b.blocker, unpaidCount: c.line_count, paidOutstanding: 0, groups: b.groups, overBudgetFen: b.overBudgetFen, addedBy: b.addedBy };
  const counts = db
    .prepare(
      `SELECT sum(p.id IS NULL) AS unpaid, sum(p.id IS NOT NULL AND p.returned_entry_id IS NULL) AS outstanding
       FROM campaign_lines l LEFT JOIN campaign_payments p ON p.line_id = l.id WHERE l.campaign_id = ?`,
    )
    .get(c.id) as { unpaid: number | null; outstanding: number | null };
  return { submitBlocker: b.blocker, unpaidCount: counts.unpaid ?? 0, paidOutstanding: counts.outstanding ?? 0, groups: b.groups, overBudgetFen: b.overBudgetFen, addedBy: b.addedBy };
}

/**
 * The work units of a campaign's listed files, in order. A long list is answered from the units'
 * index: each unit (found by a seek, not a scan) is on the list as soon as one of its files is, which a
 * list of most files shows at its first few files. Reading each line's file instead reads the whole
 * files table for a list of them all; for a short list it is the cheaper way.
 */
function unitsOnList(db: Db, c: CampaignRow): string[] {
  const byLines = 'SELECT DISTINCT f.work_unit AS u FROM campaign_lines l JOIN worker_files f ON f.id = l.file_id WHERE l.campaign_id = @id ORDER BY f.work_unit';
  const byUnits = `WITH RECURSIVE units(u) AS (
      SELECT min(work_unit) FROM worker_files
      UNION ALL SELECT (SELECT min(work_unit) FROM worker_files WHERE work_unit > units.u) FROM units WHERE units.u IS NOT NULL)
    SELECT u FROM units WHERE u IS NOT NULL
      AND EXISTS (SELECT 1 FROM worker_files f CROSS JOIN campaign_lines l ON l.campaign_id = @id AND l.file_id = f.id WHERE f.work_unit = units.u)
    ORDER BY u`;
  return (db.prepare(c.line_count > UNITS_BY_INDEX_FROM ? byUnits : byLines).all({ id: c.id }) as { u: string }[]).map((r) => r.u);
}
/** Lines from which unitsOnList asks each unit rather than each line's file. */
const UNITS_BY_INDEX_FROM = 20_000;

export function loadCampaign(ctx: HandlerContext, id: number): Campaign {
  const db = ctx.db;
  const c = getCampaignRow(db, id);
  const facts = campaignFacts(db, c);
  const decisions = db
    .prepare('SELECT d.*, u.display_name AS by_name FROM campaign_decisions d JOIN users u ON u.id = d.by_user WHERE d.campaign_id = ? ORDER BY d.id')
    .all(id) as DecisionRow[];
  const batches = db.prepare(`${BATCH_SELECT} WHERE b.campaign_id = ? ORDER BY b.id`).all(id) as BatchRow[];
  const units = unitsOnList(db, c);
  const builders = (
    db
      .prepare(
        `SELECT display_name AS n FROM users WHERE id IN (SELECT created_by FROM campaigns WHERE id = @id UNION SELECT value FROM json_each(@addedBy)
         UNION SELECT by_user FROM campaign_removals WHERE campaign_id = @id UNION SELECT by_user FROM campaign_decisions WHERE campaign_id = @id AND decision IN ('edit', 'submit')) ORDER BY id`,
      )
      .all({ id, addedBy: JSON.stringify(facts.addedBy) }) as { n: string }[]
  ).map((r) => r.n);
  return {
    ...toCampaignSummary(c),
    fundId: c.fund_id,
    note: c.note,
    groups: facts.groups,
    overBudgetFen: facts.overBudgetFen,
    submitBlocker: c.status === 'draft' ? facts.submitBlocker : null,
    returnedFen: batches.reduce((s, b) => s + b.returned_fen, 0),
    units,
    unpaidCount: facts.unpaidCount,
    decisions: decisions.map(toDecision),
    batches: batches.map(toBatch),
    builders,
    permissions: campaignPermissions(db, ctx.user, c, facts),
  };
}

export function recordDecision(ctx: HandlerContext, c: CampaignRow, stage: DecisionRow['stage'], decision: DecisionRow['decision'], comment: string): void {
  ctx.db
    .prepare('INSERT INTO campaign_decisions (campaign_id, stage, decision, by_user, at, comment, total_fen, line_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(c.id, stage, decision, ctx.user!.id, ctx.now.toISOString(), comment, c.listed_fen, c.line_count);
}
