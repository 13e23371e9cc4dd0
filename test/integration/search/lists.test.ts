// The file and audit lists at scale: every filter and sort reads an index (plans checked), tiers are income
// ranges with the same bounds as incomeTier(), counts stop at 10,000, the dashboard's counts read one row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_SORTS } from '../../../shared/contract/files';
import { incomeTier, INCOME_TIERS } from '../../../shared/household';
import { makeCore, type TestCore } from '../../fixtures/core';
import { bulkAudit, bulkFiles } from '../../bench/bulk';
import { allLines, plansDuring, sorts, tableScans } from './plans';

const FILES = 10_050;
const LINE = 78_000; // the default minimum living line
const NOW = new Date('2026-12-15T02:00:00Z');
let core: TestCore;
let staff: string;

beforeAll(async () => {
  core = await makeCore({ start: NOW });
  staff = await core.tokenFor(['staff']);
  bulkFiles(core.app.db, FILES, NOW, 1);
  // Incomes on each side of every tier bound.
  const set = core.app.db.prepare('UPDATE worker_files SET per_capita_income_fen = ? WHERE id = ?');
  [117_000, 117_001, 156_000, 156_001, 234_000, 234_001].forEach((fen, i) => set.run(fen, i + 1));
  bulkAudit(core.app.db, 10_050, NOW);
});
afterAll(() => core.close());

const count = (sql: string, ...args: unknown[]) => (core.app.db.prepare(sql).get(...args) as { n: number }).n;

describe('file list', () => {
  it('counts up to 10,000 and says when there are more', async () => {
    expect(await core.ok('files.list', { pageSize: 1 }, staff)).toMatchObject({ total: 10_000, totalCapped: true });
    const exited = count("SELECT count(*) AS n FROM worker_files WHERE status = 'exited'");
    expect(await core.ok('files.list', { pageSize: 1, status: 'exited' }, staff)).toMatchObject({ total: exited, totalCapped: false });
  });

  it.each(INCOME_TIERS)('tier %s holds exactly the files incomeTier() puts in it', async (tier) => {
    const incomes = core.app.db.prepare('SELECT per_capita_income_fen AS fen FROM worker_files').all() as { fen: number }[];
    const expected = incomes.filter((r) => incomeTier(r.fen, LINE) === tier).length;
    const r = await core.ok('files.list', { tier, pageSize: 200, sort: 'perCapitaIncome', order: 'asc' }, staff);
    expect(r.total).toBe(expected);
    expect(r.rows.every((f) => f.tier === tier)).toBe(true);
    const desc = await core.ok('files.list', { tier, pageSize: 1, sort: 'perCapitaIncome', order: 'desc' }, staff);
    const bounds: Record<string, [number | undefined, number | undefined]> = {
      le150: [undefined, 117_000],
      le200: [117_001, 156_000],
      le300: [156_001, 234_000],
      above: [234_001, undefined],
    };
    const [lowest, highest] = bounds[tier]!;
    if (lowest !== undefined) expect(r.rows[0]!.perCapitaIncomeFen).toBe(lowest);
    if (highest !== undefined) expect(desc.rows[0]!.perCapitaIncomeFen).toBe(highest);
  });

  it('filters by status, unit and cause, and sorts', async () => {
    const unit = (core.app.db.prepare('SELECT work_unit AS u FROM worker_files WHERE id = 5').get() as { u: string }).u;
    const byUnit = await core.ok('files.list', { workUnit: unit, pageSize: 200, sort: 'name', order: 'asc' }, staff);
    expect(byUnit.total).toBe(count('SELECT count(*) AS n FROM worker_files WHERE work_unit = ?', unit));
    expect(byUnit.rows.every((f) => f.workUnit === unit)).toBe(true);
    const ill = await core.ok('files.list', { cause: 'illness', status: 'active', pageSize: 50 }, staff);
    expect(ill.rows.every((f) => f.hardshipCauses.includes('illness') && f.status === 'active')).toBe(true);
    // A cause with status or tier is counted to 1,000 (each counted file is a probe of the other table).
    const activeIll = count("SELECT count(*) AS n FROM worker_file_causes c JOIN worker_files f ON f.id = c.file_id WHERE c.cause = 'illness' AND f.status = 'active'");
    expect(ill).toMatchObject({ total: Math.min(activeIll, 1_000), totalCapped: activeIll > 1_000 });
    const exitedIll = await core.ok('files.list', { cause: 'illness', status: 'exited', pageSize: 1 }, staff);
    expect(exitedIll.total).toBe(count("SELECT count(*) AS n FROM worker_file_causes c JOIN worker_files f ON f.id = c.file_id WHERE c.cause = 'illness' AND f.status = 'exited'"));
    const newest = await core.ok('files.list', { pageSize: 3 }, staff);
    const latest = core.app.db.prepare('SELECT id FROM worker_files ORDER BY updated_at DESC, id DESC LIMIT 3').all() as { id: number }[];
    expect(newest.rows.map((f) => f.id)).toEqual(latest.map((r) => r.id));
  });

  const filters = {
    none: {},
    status: { status: 'exited' },
    unit: { workUnit: '郑州第一纺织机械厂' },
    tier: { tier: 'le200' },
    cause: { cause: 'illness' },
    all: { status: 'active', tier: 'above', cause: 'illness' },
  } as const;
  const cases = Object.entries(filters).flatMap(([name, filter]) => FILE_SORTS.map((sort) => [name, sort, filter] as const));

  it.each(cases)('filter %s sorted by %s reads indexes only', async (name, sort, filter) => {
    for (const order of ['asc', 'desc'] as const) {
      let found = 0;
      // Page 2, but page 1 for the unit, which holds less than two pages here: a page past the count is not read at all.
      const page = name === 'unit' ? 1 : 2;
      const plans = await plansDuring(core.app.db, 'worker_files', async () => (found = (await core.ok('files.list', { ...filter, sort, order, page }, staff)).rows.length));
      // The count unless a cause alone is counted from its own table, the page's ids and its rows by id.
      expect(found).toBeGreaterThan(0);
      expect(plans.length).toBe((name === 'cause' ? 1 : 2) + 1);
      expect(tableScans(plans), allLines(plans)).toEqual([]);
      // The page comes in order from the sort's index; only a unit (a few hundred files) may be sorted after.
      if (name !== 'unit' || sort === 'updatedAt' || sort === 'workUnit') expect(sorts(plans), allLines(plans)).toEqual([]);
    }
  });
});

describe('job seekers among many files', () => {
  it('walks the seekers index when a search matches thousands (every bulk file has initials py…)', async () => {
    const plans = await plansDuring(core.app.db, 'worker_files', async () => {
      const r = await core.ok('referrals.seekers', { q: 'py', pageSize: 50 }, staff);
      // A search counts to a thousand: past that the clerk narrows it rather than pages.
      expect(r).toMatchObject({ total: 1_000, totalCapped: true });
      const order = { laid_off_model_worker: 0, laid_off: 1, other: 2 } as const;
      expect(r.rows.map((s) => order[s.priority])).toEqual(r.rows.map((s) => order[s.priority]).sort());
    });
    expect(allLines(plans)).toContain('worker_files_seekers');
    expect(sorts(plans), allLines(plans)).toEqual([]);
  });
});

describe('dashboard counts', () => {
  it('reads active files from the kept count and this month’s files from the created_at index', async () => {
    const active = count("SELECT count(*) AS n FROM worker_files WHERE status = 'active'");
    const plans = await plansDuring(core.app.db, 'worker_files', () => core.ok('dashboard.summary', {}, staff));
    expect(tableScans(plans), allLines(plans)).toEqual([]);
    expect(allLines(plans)).toContain('worker_files_created');
    expect((await core.ok('dashboard.summary', {}, staff)).activeFiles).toBe(active);
    const director = await core.tokenFor(['director']);
    await core.ok('files.exit', { id: 14, reason: '已稳定就业，收入超过低保线两倍' }, director);
    expect((await core.ok('dashboard.summary', {}, staff)).activeFiles).toBe(active - 1);
  });
});

describe('audit list', () => {
  const filters = {
    none: {},
    channel: { channel: 'files.update' },
    username: { username: 'user3' },
    outcome: { outcome: 'refused' },
    dates: { from: '2026-12-10', to: '2026-12-12' },
    channelAndDates: { channel: 'files.update', from: '2026-12-10', to: '2026-12-12' },
  } as const;

  it.each(Object.entries(filters))('%s: a page in time order straight from an index, count capped', async (_, filter) => {
    const plans = await plansDuring(core.app.db, 'audit_log', () => core.ok('audit.list', { ...filter, page: 3, pageSize: 20 }, core.adminToken));
    expect(plans.length).toBe(2);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
    expect(sorts(plans), allLines(plans)).toEqual([]);
  });

  it('counts up to 10,000, newest first', async () => {
    const all = await core.ok('audit.list', { pageSize: 5 }, core.adminToken);
    expect(all).toMatchObject({ total: 10_000, totalCapped: true });
    expect(all.rows.map((r) => r.at)).toEqual([...all.rows.map((r) => r.at)].sort().reverse());
    const refused = await core.ok('audit.list', { outcome: 'refused', pageSize: 5 }, core.adminToken);
    expect(refused).toMatchObject({ total: count("SELECT count(*) AS n FROM audit_log WHERE outcome = 'refused'"), totalCapped: false });
  });
});
