// Building a campaign list by set (issue 12, perf): the facts of migration 0020 joined to the group rules,
// worked out in JavaScript once per criteria key and income tier, never per file. Exclusions are bits
// computed in SQL; the same-household rule, the only one that depends on files met earlier, is settled
// one by one for the few files whose household overlaps another file's (campaign_file_facts.shared).
// The result is the per-file evaluation's (test/fixtures/campaignOracle.ts), as the property test checks.
import type { Candidate, CandidatePage } from '../../../shared/contract/campaigns';
import { isNonWorkerUnit, isSchoolLevelGroup, type CampaignGroup } from '../../../shared/campaign';
import type { IncomeTier } from '../../../shared/household';
import { maskIdNumber } from '../../../shared/idcard';
import type { EmploymentStatus, ExclusionKind, ModelWorkerLevel } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import { exclusionList, sameSortKinds } from './build';
import { matchGroups } from './criteria';
import type { CampaignRow, GroupRow } from './rows';

const RED_RESCUE = '上年度已慰问，但档案为红色预警（困难加剧），仍列入';
/** Tier numbers as TIER_SQL computes them (incomeTier's tests, in integer fen). */
const TIERS: readonly IncomeTier[] = ['le150', 'le200', 'le300', 'above'];
const TIER_SQL = `CASE WHEN f.per_capita_income_fen * 100 <= @line * 150 THEN 0 WHEN f.per_capita_income_fen * 100 <= @line * 200 THEN 1 WHEN f.per_capita_income_fen * 100 <= @line * 300 THEN 2 ELSE 3 END`;

// Per-connection scratch tables (the connection runs one handler at a time). Being tables, they roll
// back with the handler's transaction, the combinations' signature with them.
const SCRATCH = `
CREATE TEMP TABLE IF NOT EXISTS campaign_eval_combos (id INTEGER PRIMARY KEY, grp TEXT NOT NULL, amount_fen INTEGER NOT NULL, reasons TEXT NOT NULL, rescued TEXT NOT NULL,
  reasons_set INTEGER, rescued_set INTEGER);
CREATE TEMP TABLE IF NOT EXISTS campaign_eval_signature (id INTEGER PRIMARY KEY CHECK (id = 1), signature TEXT NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS campaign_eval_unit (file_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS campaign_eval_nonworker (file_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS campaign_eval_last_year (file_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS campaign_eval_household (file_id INTEGER PRIMARY KEY);
DELETE FROM campaign_eval_unit; DELETE FROM campaign_eval_nonworker; DELETE FROM campaign_eval_last_year; DELETE FROM campaign_eval_household;`;

/** Exclusion bits of the evaluated rows (exclusionList decides the order they are shown in). */
const EX = { exited: 1, flagged: 2, notUnionTarget: 4, lastYear: 8, household: 16 } as const;

interface Prepared {
  /** `, ex, rescued FROM … WHERE …`: every file that fits a group, is in the unit asked for and is not on the list yet. */
  fitting: string;
  /** A test on `f` that every file with an exclusion passes (and few others): the excluded are found among these. */
  against: string;
  params: { line: number; campaign: number };
}

/**
 * Every criteria key × income tier that fits one of the campaign's groups, into campaign_eval_combos:
 * kept while neither the groups nor the keys have changed (keys are only ever added).
 */
function fillCombos(db: Db, groups: GroupRow[]): void {
  const { last } = db.prepare('SELECT coalesce(max(id), 0) AS last FROM campaign_criteria').get() as { last: number };
  const signature = JSON.stringify([last, groups.map((g) => [g.grp, g.standard_fen])]);
  const held = db.prepare('SELECT signature FROM campaign_eval_signature').get() as { signature: string } | undefined;
  if (held?.signature === signature) return;
  db.prepare('DELETE FROM campaign_eval_combos').run();
  // Criteria cannot tell a child's school level, so the level groups are filled by import or by hand.
  const order = groups.map((g) => g.grp).filter((g) => !isSchoolLevelGroup(g));
  const standard = new Map<CampaignGroup, number>(groups.map((g) => [g.grp, g.standard_fen]));
  const combos: [number, CampaignGroup, number, string, string][] = [];
  for (const { id, key } of db.prepare('SELECT id, key FROM campaign_criteria').all() as { id: number; key: string }[]) {
    const [employment, model, singleParent, disabled, causes] = JSON.parse(key) as [EmploymentStatus, ModelWorkerLevel, number, number, string];
    const facts = { employmentStatus: employment, modelWorkerLevel: model, causes: JSON.parse(causes) as string[], singleParent: singleParent === 1, disabled: disabled === 1 };
    TIERS.forEach((tier, t) => {
      const matched = matchGroups({ ...facts, tier }, order);
      if (matched.length === 0) return;
      const reasons = matched.map((m) => m.reason);
      combos.push([id * 4 + t, matched[0]!.group, standard.get(matched[0]!.group) ?? 0, JSON.stringify(reasons), JSON.stringify([...reasons, RED_RESCUE])]);
    });
  }
  db.prepare("INSERT INTO campaign_eval_combos (id, grp, amount_fen, reasons, rescued) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)").run(JSON.stringify(combos));
  db.prepare('INSERT OR REPLACE INTO campaign_eval_signature (id, signature) VALUES (1, ?)').run(signature);
}

/** Files whose work unit says they are not workers (isNonWorkerUnit, judged once per unit). */
function fillNonWorkers(db: Db): number {
  const insert = db.prepare('INSERT OR IGNORE INTO campaign_eval_nonworker (file_id) SELECT id FROM worker_files WHERE work_unit = ?');
  let n = 0;
  for (const { unit } of db.prepare('SELECT DISTINCT work_unit AS unit FROM worker_files').all() as { unit: string }[]) if (isNonWorkerUnit(unit)) n += insert.run(unit).changes;
  return n;
}

/**
 * Files with an ID number of a household paid (and not returned) in last year's campaigns of the same
 * sort: the paid files themselves, and files overlapping a paid household (both are then `shared`).
 */
function fillLastYear(db: Db, c: CampaignRow): number {
  const kinds = sameSortKinds(c);
  const paid = db
    .prepare(
      `INSERT OR IGNORE INTO campaign_eval_last_year (file_id)
       SELECT l.file_id FROM campaigns x JOIN campaign_lines l ON l.campaign_id = x.id JOIN campaign_payments p ON p.line_id = l.id
       WHERE x.kind IN (${kinds.map((k) => `'${k}'`).join(', ')}) AND substr(x.start_date, 1, 4) = @year AND p.returned_entry_id IS NULL`,
    )
    .run({ year: String(Number(c.start_date.slice(0, 4)) - 1) }).changes;
  if (paid === 0) return 0;
  return (
    paid +
    db
      .prepare(
        `INSERT OR IGNORE INTO campaign_eval_last_year (file_id)
         WITH paid AS (SELECT y.file_id FROM campaign_eval_last_year y JOIN campaign_file_facts s ON s.file_id = y.file_id WHERE s.shared = 1),
         ids(idn) AS (SELECT w.id_number FROM paid JOIN worker_files w ON w.id = paid.file_id
           UNION SELECT m.id_number FROM paid JOIN household_members m ON m.file_id = paid.file_id AND m.id_number <> '')
         SELECT w.id FROM ids JOIN worker_files w ON w.id_number = ids.idn
         UNION SELECT m.file_id FROM ids JOIN household_members m ON m.id_number = ids.idn AND m.id_number <> ''`,
      )
      .run().changes
  );
}

/** Every ID number of each of these files' households (holder first). */
const householdIdsSql = (files: string) => `SELECT w.id_number || coalesce(',' || (SELECT group_concat(m.id_number) FROM household_members m WHERE m.file_id = w.id AND m.id_number <> ''), '') AS ids
  FROM worker_files w WHERE w.id IN (${files})`;

/**
 * The same-household rule for the files that can meet it: in file order, a file is left out when an ID
 * of its household is on the list already or on an earlier file taken in this pass; a file taken is
 * one with nothing else against it. Returns how many were left out (into campaign_eval_household).
 */
function settleHouseholds(db: Db, p: Prepared): number {
  const onList = db
    .prepare(householdIdsSql('SELECT s.file_id FROM campaign_file_facts s WHERE s.shared = 1 AND EXISTS (SELECT 1 FROM campaign_lines l WHERE l.campaign_id = @campaign AND l.file_id = s.file_id)'))
    .all(p.params) as { ids: string }[];
  const taken = new Set(onList.flatMap((r) => r.ids.split(',')));
  const rows = db.prepare(`SELECT f.file_id AS fileId, (${householdIdsSql('f.file_id')}) AS ids ${p.fitting} AND f.shared = 1 ORDER BY f.file_id`).all(p.params) as {
    fileId: number;
    ids: string;
    ex: number;
  }[];
  const insert = db.prepare('INSERT INTO campaign_eval_household (file_id) VALUES (?)');
  let n = 0;
  for (const r of rows) {
    const ids = r.ids.split(',');
    if (ids.some((i) => taken.has(i))) n += insert.run(r.fileId).changes;
    else if (r.ex === 0) for (const i of ids) taken.add(i);
  }
  return n;
}

function prepare(db: Db, c: CampaignRow, groups: GroupRow[], minLivingLineFen: number, workUnit: string): Prepared {
  if (!Number.isSafeInteger(minLivingLineFen) || minLivingLineFen <= 0) throw new RangeError(`最低生活保障线必须是正整数分：${minLivingLineFen}`);
  db.exec(SCRATCH);
  fillCombos(db, groups);
  if (workUnit) db.prepare('INSERT INTO campaign_eval_unit (file_id) SELECT id FROM worker_files WHERE work_unit = ?').run(workUnit);
  // A term whose set is empty is left out of the SQL: most builds have few exclusions, and a first build no list.
  const nonWorkers = fillNonWorkers(db) > 0;
  const lastYear = fillLastYear(db, c) > 0;
  const listed = db.prepare('SELECT 1 FROM campaign_lines WHERE campaign_id = ? LIMIT 1').get(c.id) !== undefined;
  const terms = (household: boolean) => [
    'f.exited = 1',
    'f.flagged = 1',
    nonWorkers ? 'f.file_id IN campaign_eval_nonworker' : '',
    lastYear ? 'f.file_id IN campaign_eval_last_year' : '',
    household ? '(f.shared = 1 AND f.file_id IN campaign_eval_household)' : '',
  ];
  const from = (household: boolean) => {
    const ex = [
      `f.exited * ${EX.exited}`,
      `f.flagged * ${EX.flagged}`,
      nonWorkers ? `(f.file_id IN campaign_eval_nonworker) * ${EX.notUnionTarget}` : '',
      lastYear ? `(f.red = 0 AND f.file_id IN campaign_eval_last_year) * ${EX.lastYear}` : '',
      household ? `(f.shared = 1 AND f.file_id IN campaign_eval_household) * ${EX.household}` : '',
    ].filter(Boolean);
    const where = [workUnit ? 'f.file_id IN campaign_eval_unit' : '', listed ? 'NOT EXISTS (SELECT 1 FROM campaign_lines l WHERE l.campaign_id = @campaign AND l.file_id = f.file_id)' : ''].filter(Boolean);
    return `, (${ex.join(' | ')}) AS ex, ${lastYear ? '(f.red = 1 AND f.file_id IN campaign_eval_last_year)' : '0'} AS rescued
      FROM campaign_file_facts f CROSS JOIN campaign_eval_combos k ON k.id = f.criteria_id * 4 + ${TIER_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ' WHERE 1'}`;
  };
  const params = { line: minLivingLineFen, campaign: c.id };
  // The household pass reads the other bits; then every row reads its household bit too.
  const household = settleHouseholds(db, { fitting: from(false), against: '1', params }) > 0;
  return { fitting: from(household), against: terms(household).filter(Boolean).join(' OR '), params };
}

interface Counts {
  qualifying: number;
  excluded: number;
  qualifyingFen: number;
}

function counts(db: Db, p: Prepared): Counts {
  const r = db
    .prepare(`SELECT count(*) AS fits, sum(ex <> 0) AS excluded, sum(CASE WHEN ex = 0 THEN amount_fen ELSE 0 END) AS fen FROM (SELECT k.amount_fen ${p.fitting})`)
    .get(p.params) as { fits: number; excluded: number | null; fen: number | null };
  return { qualifying: r.fits - (r.excluded ?? 0), excluded: r.excluded ?? 0, qualifyingFen: r.fen ?? 0 };
}

/** One page of the files that qualify, or of those left out, with their reasons and exclusions. */
export function candidatesPage(
  db: Db,
  c: CampaignRow,
  groups: GroupRow[],
  minLivingLineFen: number,
  q: { workUnit: string; show: 'qualifying' | 'excluded'; page: number; pageSize: number },
): CandidatePage {
  const p = prepare(db, c, groups, minLivingLineFen, q.workUnit);
  const n = counts(db, p);
  const rows = db
    .prepare(`SELECT * FROM (SELECT f.file_id AS fileId, k.id AS combo ${p.fitting}) WHERE ${q.show === 'qualifying' ? 'ex = 0' : 'ex <> 0'} ORDER BY fileId LIMIT @limit OFFSET @offset`)
    .all({ ...p.params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as PageRow[];
  return {
    total: q.show === 'qualifying' ? n.qualifying : n.excluded,
    rows: describe(db, rows),
    qualifyingCount: n.qualifying,
    excludedCount: n.excluded,
    qualifyingFen: n.qualifyingFen,
  };
}

interface PageRow {
  fileId: number;
  combo: number;
  ex: number;
  rescued: number;
}

/** The rows shown: names, masked IDs, units, groups and exclusion texts read for these files only. */
function describe(db: Db, rows: PageRow[]): Candidate[] {
  if (rows.length === 0) return [];
  const list = rows.map((r) => r.fileId).join(', ');
  const files = new Map(
    (db.prepare(`SELECT id, name, id_number, work_unit FROM worker_files WHERE id IN (${list})`).all() as { id: number; name: string; id_number: string; work_unit: string }[]).map((f) => [f.id, f]),
  );
  const combos = new Map(
    (db.prepare(`SELECT id, grp, amount_fen, reasons, rescued FROM campaign_eval_combos WHERE id IN (${[...new Set(rows.map((r) => r.combo))].join(', ')})`).all() as {
      id: number;
      grp: CampaignGroup;
      amount_fen: number;
      reasons: string;
      rescued: string;
    }[]).map((k) => [k.id, k]),
  );
  const flags = new Map<number, ExclusionKind[]>();
  for (const e of db.prepare(`SELECT file_id, kind FROM file_exclusions WHERE file_id IN (${list}) AND cleared_at IS NULL ORDER BY id`).all() as { file_id: number; kind: ExclusionKind }[]) {
    const kinds = flags.get(e.file_id) ?? [];
    if (!kinds.includes(e.kind)) flags.set(e.file_id, [...kinds, e.kind]);
  }
  return rows.map((r) => {
    const f = files.get(r.fileId)!;
    const k = combos.get(r.combo)!;
    return {
      fileId: r.fileId,
      name: f.name,
      maskedIdNumber: maskIdNumber(f.id_number),
      workUnit: f.work_unit,
      group: k.grp,
      amountFen: k.amount_fen,
      reasons: JSON.parse(r.rescued ? k.rescued : k.reasons) as string[],
      exclusions: exclusionList({
        exited: (r.ex & EX.exited) !== 0,
        flags: flags.get(r.fileId) ?? [],
        workUnit: f.work_unit,
        lastYear: (r.ex & EX.lastYear) !== 0,
        household: (r.ex & EX.household) !== 0,
      }),
    };
  });
}

/**
 * Runs `write` (lines of draft campaign `campaignId` only) with migration 0014's per-row guard
 * campaign_lines_insert set aside: the guard re-reads the campaign's status for every line, a third of a
 * 200k-line build. The status is checked here once instead, and the trigger is put back, as it was
 * stored, in the same savepoint: no commit, and no other writer, ever meets the table without it.
 */
export function withoutDraftGuard(db: Db, campaignId: number, write: () => void): void {
  db.transaction(() => {
    const { status } = db.prepare('SELECT status FROM campaigns WHERE id = ?').get(campaignId) as { status: string };
    if (status !== 'draft') throw new Error('campaign lists change only while they are built');
    const guard = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'campaign_lines_insert'").get() as { sql: string } | undefined;
    if (!guard) throw new Error('campaign_lines_insert is missing');
    db.exec('DROP TRIGGER campaign_lines_insert');
    write();
    db.exec(guard.sql);
  })();
}

/**
 * Puts every qualifying file on the list in file order, in one statement; returns how many lines it
 * wrote and how many were left out. No counting pass over every file: those left out are looked for
 * only among the files with something against them. The money added is the list's total after less
 * before, which the caller reads anyway.
 */
export function buildList(db: Db, c: CampaignRow, groups: GroupRow[], minLivingLineFen: number, workUnit: string, by: { userId: number; at: string }): { added: number; excluded: number } {
  const p = prepare(db, c, groups, minLivingLineFen, workUnit);
  // Each line points at its reasons, stored once (migration 0024): the sets the groups can give, then their ids on the combinations.
  db.exec(`INSERT OR IGNORE INTO campaign_reason_sets (reasons) SELECT reasons FROM campaign_eval_combos UNION SELECT rescued FROM campaign_eval_combos;
    UPDATE campaign_eval_combos SET reasons_set = (SELECT s.id FROM campaign_reason_sets s WHERE s.reasons = campaign_eval_combos.reasons),
      rescued_set = (SELECT s.id FROM campaign_reason_sets s WHERE s.reasons = campaign_eval_combos.rescued);`);
  const insert = db.prepare(
    `INSERT INTO campaign_lines (campaign_id, file_id, grp, amount_fen, source, reasons, reason_set_id, exceptions, added_by, added_at)
     SELECT @campaign, fileId, grp, amount_fen, 'criteria', '', CASE WHEN rescued THEN k_rescued ELSE k_reasons END, '[]', @user, @at
     FROM (SELECT f.file_id AS fileId, k.grp, k.amount_fen, k.reasons_set AS k_reasons, k.rescued_set AS k_rescued ${p.fitting}) WHERE ex = 0 ORDER BY fileId`,
  );
  let added = 0;
  withoutDraftGuard(db, c.id, () => (added = insert.run({ ...p.params, user: by.userId, at: by.at }).changes));
  const { excluded } = db.prepare(`SELECT count(*) AS excluded FROM (SELECT f.file_id ${p.fitting} AND (${p.against})) WHERE ex <> 0`).get(p.params) as { excluded: number };
  return { added, excluded };
}

/** The files a build would list now, in file order: for tests that pick from the demo files. */
export function qualifyingFileIds(db: Db, c: CampaignRow, groups: GroupRow[], minLivingLineFen: number, workUnit: string): number[] {
  const p = prepare(db, c, groups, minLivingLineFen, workUnit);
  return (db.prepare(`SELECT fileId FROM (SELECT f.file_id AS fileId ${p.fitting}) WHERE ex = 0 ORDER BY fileId`).all(p.params) as { fileId: number }[]).map((r) => r.fileId);
}
