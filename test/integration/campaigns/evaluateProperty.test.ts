// The set-based list build (evaluate.ts, over migration 0020's facts) says exactly what the per-file
// evaluation it replaced says (test/fixtures/campaignOracle.ts): for random files, incomes around the
// tier bounds, flags set and cleared, exits, red warnings, households overlapping through shared ID
// numbers, files edited after the fact, last year's payments (some not collected), people already on the
// list, and a unit filter — the candidates both ways, the counts, and the lines a build writes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate } from '../../../shared/contract/campaigns';
import { workerFileInput } from '../../../shared/contract/files';
import { CAMPAIGN_GROUPS, type CampaignGroup, type CampaignKind } from '../../../shared/campaign';
import { localDate } from '../../../shared/dates';
import { computeCheckDigit } from '../../../shared/idcard';
import { EMPLOYMENT_STATUSES, EXCLUSION_KINDS, HARDSHIP_CAUSES, MODEL_WORKER_LEVELS } from '../../../shared/workerFile';
import { candidatesPage } from '../../../electron/core/campaigns/evaluate';
import { LINE_SELECT, type LineRow } from '../../../electron/core/campaigns/rows';
import { getCampaignRow, groupsOf } from '../../../electron/core/campaigns/store';
import { writeFile } from '../../../electron/core/files/store';
import { settingsOn } from '../../../electron/core/settings/store';
import { campaignInput, fundUnionMoney, poorInput } from '../../fixtures/campaigns';
import { evaluateFiles } from '../../fixtures/campaignOracle';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
let director: string;
let chair: string;
let finance: string;
let userId: number;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2027-01-12') });
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  chair = await core.tokenFor(['chair']);
  finance = await core.tokenFor(['finance']);
  await fundUnionMoney(core, finance, '2027-01-12', 1_000_000_000);
  userId = (core.app.db.prepare("SELECT id FROM users WHERE username = 'u_staff'").get() as { id: number }).id;
});
afterAll(() => core.close());

/** Valid ID numbers, never the same twice in the whole test. */
let issued = 0;
function newIdNumber(): string {
  issued++;
  const first17 = `110101${1950 + Math.floor(issued / 900)}0101${String(100 + (issued % 900)).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

const POOL = 8; // ID numbers a run's files draw their holders and members from
const UNITS = ['红星机械厂', '第二棉纺厂', '红星机械厂', '城镇居民', '\u3000农民 ', '个体户'];
/** Per-capita income as % of the line plus fen: on each tier bound and one fen above it. */
const INCOME_POINTS: [number, number][] = [[0, 0], [150, 0], [150, 1], [200, 0], [200, 1], [300, 0], [300, 1], [500, 0]];

const fileArb = fc.record({
  employment: fc.constantFrom(...EMPLOYMENT_STATUSES),
  model: fc.constantFrom(...MODEL_WORKER_LEVELS),
  causes: fc.subarray([...HARDSHIP_CAUSES], { minLength: 1 }),
  singleParent: fc.boolean(),
  disabled: fc.boolean(),
  unit: fc.constantFrom(...UNITS),
  income: fc.constantFrom(...INCOME_POINTS),
  members: fc.array(fc.option(fc.integer({ min: 0, max: POOL - 1 }), { nil: null }), { maxLength: 3 }),
  red: fc.boolean(),
  exited: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  flags: fc.array(fc.record({ kind: fc.constantFrom(...EXCLUSION_KINDS), cleared: fc.boolean() }), { maxLength: 2 }),
  paidLastYear: fc.boolean(),
  returned: fc.boolean(),
  onList: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  /** Edited afterwards: the household replaced (members drawn again), the causes kept. */
  editMembers: fc.option(fc.array(fc.option(fc.integer({ min: 0, max: POOL - 1 }), { nil: null }), { maxLength: 3 }), { nil: null }),
});

const runArb = fc.record({
  files: fc.array(fileArb, { minLength: 1, maxLength: 7 }),
  line: fc.constantFrom(60_000, 78_000, 100_001),
  kind: fc.constantFrom<CampaignKind>('warmth', 'spring_festival', 'schooling', 'other'),
  lastYear: fc.record({ kind: fc.constantFrom<CampaignKind>('warmth', 'spring_festival', 'schooling'), year: fc.constantFrom('2026', '2025') }),
  groups: fc.shuffledSubarray([...CAMPAIGN_GROUPS], { minLength: 1 }),
  standards: fc.constantFrom(50_000, 80_000),
  unit: fc.constantFrom('', '红星机械厂', '城镇居民'),
});

type Run = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes the run's files through the file store (the path every channel takes), then changes them as the clerks would. */
async function writeRun(run: Run): Promise<number[]> {
  const db = core.app.db;
  const at = core.clock.now().toISOString();
  const pool = Array.from({ length: POOL }, () => newIdNumber());
  const holders = run.files.map(() => newIdNumber());
  // A member may carry a pool ID or another file's holder ID (a spouse with her own file).
  const memberId = (ix: number | null) => (ix === null ? '' : ix < holders.length && ix % 2 === 0 ? holders[ix]! : pool[ix]!);
  const input = (f: Run['files'][number], i: number, members: (number | null)[]) =>
    workerFileInput.parse(
      poorInput({
        idNumber: holders[i]!,
        employmentStatus: f.employment,
        modelWorkerLevel: f.model,
        hardshipCauses: f.causes,
        singleParent: f.singleParent,
        disabilityGrade: f.disabled ? 2 : null,
        maritalStatus: 'divorced',
        members: members.map((m, k) => ({ name: `成员${k}`, relation: 'child' as const, idNumber: memberId(m) })),
      }),
    );
  const ids = run.files.map((f, i) => writeFile(db, null, input(f, i, f.members), userId, at));

  // Last year's campaign, paid through the channels, some recipients returned as not collected.
  const paid = run.files.flatMap((f, i) => (f.paidLastYear ? [i] : []));
  if (paid.length) {
    const old = await core.ok('campaigns.create', campaignInput({ name: '上年活动', kind: run.lastYear.kind, startDate: `${run.lastYear.year}-01-10`, endDate: `${run.lastYear.year}-02-05`, groups: [{ group: 'hardship', standardFen: 50_000, budgetFen: null }] }), staff);
    for (const i of paid) await core.ok('campaigns.addLine', { id: old.id, fileId: ids[i]!, group: 'hardship', reason: '走访确认' }, staff);
    await core.ok('campaigns.submit', { id: old.id }, staff);
    await core.ok('campaigns.decide', { id: old.id, decision: 'approve', comment: '' }, director);
    await core.ok('campaigns.decide', { id: old.id, decision: 'approve', comment: '' }, chair);
    await core.ok('campaigns.pay', { id: old.id, method: 'cash', accountId: null, workUnit: '' }, finance);
    const lines = (await core.ok('campaigns.lines', { id: old.id, page: 1, pageSize: 50 }, staff)).rows;
    for (const i of paid) {
      if (run.files[i]!.returned) await core.ok('campaigns.markNotCollected', { lineId: lines.find((l) => l.fileId === ids[i])!.id, reason: '本人未领取' }, finance);
    }
  }

  run.files.forEach((f, i) => {
    const id = ids[i]!;
    if (f.editMembers) writeFile(db, id, input(f, i, f.editMembers), userId, at);
    db.prepare('UPDATE worker_files SET per_capita_income_fen = ?, work_unit = ?, risk_flag = ? WHERE id = ?').run(Math.floor((run.line * f.income[0]) / 100) + f.income[1], f.unit, f.red ? 'red' : 'none', id);
    if (f.exited) db.prepare("UPDATE worker_files SET status = 'exited', exit_reason = '已脱困', exited_at = ? WHERE id = ?").run(at, id);
    for (const flag of f.flags) {
      const e = Number(db.prepare('INSERT INTO file_exclusions (file_id, kind, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)').run(id, flag.kind, '经核实', userId, at).lastInsertRowid);
      if (flag.cleared) db.prepare("UPDATE file_exclusions SET cleared_by = ?, cleared_at = ?, clear_reason = '已改正' WHERE id = ?").run(userId, at, e);
    }
  });
  return ids;
}

const oracleCandidates = (id: number, line: number, unit: string) => {
  const db = core.app.db;
  const c = getCampaignRow(db, id);
  const all = evaluateFiles(db, c, groupsOf(db, id), line, unit).map(({ fileId, name, maskedIdNumber, workUnit, group, amountFen, reasons, exclusions }): Candidate => ({ fileId, name, maskedIdNumber, workUnit, group, amountFen, reasons, exclusions }));
  return { qualifying: all.filter((x) => x.exclusions.length === 0), excluded: all.filter((x) => x.exclusions.length > 0) };
};

function expectSameCandidates(id: number, line: number, unit: string): { qualifying: Candidate[]; excluded: Candidate[] } {
  const db = core.app.db;
  const c = getCampaignRow(db, id);
  const want = oracleCandidates(id, line, unit);
  for (const show of ['qualifying', 'excluded'] as const) {
    const got = candidatesPage(db, c, groupsOf(db, id), line, { workUnit: unit, show, page: 1, pageSize: 100_000 });
    expect(got.rows).toEqual(want[show]);
    expect(got).toMatchObject({ total: want[show].length, qualifyingCount: want.qualifying.length, excludedCount: want.excluded.length, qualifyingFen: want.qualifying.reduce((s, x) => s + x.amountFen, 0) });
  }
  return want;
}

describe('the set-based list build', () => {
  it('lists and leaves out exactly whom the per-file evaluation does, with the same reasons and exclusions', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const ids = await writeRun(run);
        const groups = run.groups.map((group: CampaignGroup) => ({ group, standardFen: run.standards, budgetFen: null }));
        const campaign = await core.ok('campaigns.create', campaignInput({ name: '本年活动', kind: run.kind, groups, budgetFen: 100_000_000_00 }), staff);
        // Some of this run's files are on the list already (by hand, before the build).
        const db = core.app.db;
        run.files.forEach((f, i) => {
          if (f.onList) db.prepare("INSERT INTO campaign_lines (campaign_id, file_id, grp, amount_fen, source, reasons, added_by, added_at) VALUES (?, ?, ?, ?, 'manual', '[]', ?, ?)").run(campaign.id, ids[i]!, run.groups[0]!, run.standards, userId, core.clock.now().toISOString());
        });
        // The settings' line is what the build channel uses; the oracle and the page are asked with it too.
        const line = settingsOn(db, localDate(core.clock.now())).minLivingLineFen;
        expectSameCandidates(campaign.id, run.line, run.unit);
        const { qualifying, excluded } = expectSameCandidates(campaign.id, line, run.unit);

        const before = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM campaign_lines').get() as { n: number }).n;
        const built = await core.ok('campaigns.build', { id: campaign.id, workUnit: run.unit }, staff);
        expect(built).toMatchObject({ added: qualifying.length, excluded: excluded.length, addedFen: qualifying.reduce((sum, q) => sum + q.amountFen, 0) });
        // Read as every list, sheet and export reads them (a built line's reasons are a stored set, migration 0024).
        const lines = (db.prepare(`${LINE_SELECT} WHERE l.campaign_id = ? AND l.id > ? ORDER BY l.id`).all(campaign.id, before) as LineRow[]).map((l) => ({ file_id: l.file_id, grp: l.grp, amount_fen: l.amount_fen, reasons: l.reasons, source: l.source }));
        expect(lines).toEqual(qualifying.map((q) => ({ file_id: q.fileId, grp: q.group, amount_fen: q.amountFen, reasons: JSON.stringify(q.reasons), source: 'criteria' })));
        // After the build: everyone who fitted is on the list, and their households with them.
        expectSameCandidates(campaign.id, line, '');
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
