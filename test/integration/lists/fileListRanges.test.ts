// The file list with a 建档 range (issue 14, migration 0022): each way of finding a page — walking the sort's
// covering index, or sorting the range's ids from the created_at index — returns exactly the rows, in exactly
// the order, of a plain filter and full sort done here in JavaScript, ties on the sort column included; and at
// a size where ranges are wide, the page and the count read index entries only, never a file row they drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_SORTS, type FileSort } from '../../../shared/contract/files';
import { localDate } from '../../../shared/dates';
import { incomeTier } from '../../../shared/household';
import { listFiles, type ListQuery, type PagePlan } from '../../../electron/core/files/list';
import { makeCore, type TestCore } from '../../fixtures/core';
import { bulkFiles } from '../../bench/bulk';
import { allLines, plansDuring, sorts, tableScans } from '../search/plans';

const LINE = 78_000;
const NOW = new Date('2026-12-15T02:00:00Z');

interface Row {
  id: number;
  created_at: string;
  updated_at: string;
  status: string;
  per_capita_income_fen: number;
  work_unit: string;
  name_pinyin: string;
  causes: string;
}

const KEYS: Record<FileSort, keyof Row> = {
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  perCapitaIncome: 'per_capita_income_fen',
  workUnit: 'work_unit',
  name: 'name_pinyin',
};

type Filter = Omit<ListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

/** The filter and order done the plain way: every row tested, all of them sorted by (sort column, id). */
function oracle(rows: Row[], f: Filter, sort: FileSort, order: 'asc' | 'desc'): number[] {
  const day = (iso: string) => localDate(new Date(iso));
  const kept = rows.filter(
    (r) =>
      (!f.from || day(r.created_at) >= f.from) &&
      (!f.to || day(r.created_at) <= f.to) &&
      (!f.status || r.status === f.status) &&
      (!f.workUnit || r.work_unit === f.workUnit) &&
      (!f.tier || incomeTier(r.per_capita_income_fen, LINE) === f.tier) &&
      (!f.cause || (JSON.parse(r.causes) as string[]).includes(f.cause)),
  );
  const key = KEYS[sort];
  const sign = order === 'asc' ? 1 : -1;
  return kept
    .sort((a, b) => {
      const x = a[key];
      const y = b[key];
      return sign * (x < y ? -1 : x > y ? 1 : a.id - b.id);
    })
    .map((r) => r.id);
}

describe('file list plans against a plain sort', () => {
  let core: TestCore;
  let rows: Row[];
  let unit: string;

  beforeAll(async () => {
    core = await makeCore({ start: NOW });
    bulkFiles(core.app.db, 3_000, NOW, 1);
    const db = core.app.db;
    // Ties on every sort column: same update instant, same 建档 instant, same income, same unit, same pinyin.
    db.exec(`UPDATE worker_files SET updated_at = '2024-03-01T02:00:00.000Z' WHERE id % 7 = 0 AND created_at < '2024-03-01'`);
    db.exec(`UPDATE worker_files SET created_at = '2021-05-05T04:00:00.000Z', updated_at = max(updated_at, '2021-05-05T04:00:00.000Z') WHERE id % 11 = 0 AND id BETWEEN 1000 AND 1600`);
    db.exec('UPDATE worker_files SET per_capita_income_fen = 100000 WHERE id % 5 = 0');
    db.exec(`UPDATE worker_files SET name_pinyin = 'pysame' WHERE id % 6 = 0`);
    unit = (db.prepare('SELECT work_unit AS u FROM worker_files WHERE id = 9').get() as { u: string }).u;
    db.prepare('UPDATE worker_files SET work_unit = ? WHERE id % 13 = 4').run(unit);
    // Two files changed "before" their 建档 (a clock set back): the update-time walk must still find them.
    db.exec(`UPDATE worker_files SET updated_at = '2019-12-25T00:00:00.000Z' WHERE id IN (1400, 1401)`);
    rows = db
      .prepare('SELECT id, created_at, updated_at, status, per_capita_income_fen, work_unit, name_pinyin, hardship_causes AS causes FROM worker_files')
      .all() as Row[];
  }, 60_000);
  afterAll(() => core.close());

  const ranges: Filter[] = [
    {},
    { from: '2021-05-05', to: '2021-05-05' },
    { from: '2020-01-01', to: '2022-06-30' },
    { from: '2026-06-01' },
    { to: '2019-03-31' },
    { from: '2017-01-01', to: '2025-12-31' },
  ];
  const others: Filter[] = [{}, { status: 'exited' }, { tier: 'le150' }, { cause: 'illness' }, { status: 'active', tier: 'le200' }, { status: 'exited', tier: 'above', cause: 'illness' }];
  const cases = ranges.flatMap((range) => others.map((other) => ({ ...range, ...other })));

  it.each(['walk', 'range', undefined] as (PagePlan | undefined)[])('plan %s: every filter, sort and order gives the plain sort’s rows, page by page', (plan) => {
    let compared = 0;
    for (const filter of [...cases, { workUnit: unit }, { workUnit: unit, from: '2020-01-01', status: 'active' as const }]) {
      for (const sort of FILE_SORTS) {
        for (const order of ['asc', 'desc'] as const) {
          const expected = oracle(rows, filter, sort, order);
          const pageSize = 40;
          const pages = [1, 2, Math.max(1, Math.ceil(expected.length / pageSize))];
          for (const page of new Set(pages)) {
            const got = listFiles(core.app.db, { ...filter, sort, order, page, pageSize }, LINE, plan).rows.map((f) => f.id);
            expect(got, JSON.stringify({ filter, sort, order, page })).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('finds a file changed before its 建档 in the update-time order of its range', () => {
    const r = listFiles(core.app.db, { from: '2020-01-01', to: '2022-06-30', sort: 'updatedAt', order: 'asc', page: 1, pageSize: 5 }, LINE, 'walk');
    expect(r.rows.map((f) => f.id).slice(0, 2)).toEqual([1400, 1401]);
  });
});

describe('file list plans with wide 建档 ranges (migration 0022)', () => {
  let core: TestCore;
  let staff: string;

  beforeAll(async () => {
    core = await makeCore({ start: NOW });
    staff = await core.tokenFor(['staff']);
    // 30,000 files over ten years: a range of several years is past the narrow-range threshold (20,000).
    bulkFiles(core.app.db, 30_000, NOW, 1);
  }, 120_000);
  afterAll(() => core.close());

  const wide = [
    { to: '2025-12-15' },
    { from: '2019-01-01' },
  ];
  const filters: Filter[] = [{}, { status: 'exited' }, { tier: 'le150' }, { status: 'active', tier: 'le200' }];

  it('a page past the count, capped or not, is answered empty without walking an index', async () => {
    const capped = { to: '2025-12-15', status: 'active' as const, tier: 'le200' as const, sort: 'name' as const, order: 'asc' as const, pageSize: 20 };
    const last = await core.ok('files.list', { ...capped, page: 50 }, staff);
    expect(last.totalCapped).toBe(true);
    expect(last.total).toBe(1_000);
    expect(last.rows).toHaveLength(20);
    for (const input of [{ ...capped, page: 51 }, { ...capped, page: 40_000 }, { from: '2026-12-01', sort: 'updatedAt' as const, order: 'desc' as const, pageSize: 20, page: 9_999 }]) {
      const plans = await plansDuring(core.app.db, 'worker_files', async () => expect((await core.ok('files.list', input, staff)).rows).toEqual([]));
      expect(plans.filter((p) => /^SELECT f\.id FROM/.test(p.sql)).map((p) => p.sql)).toEqual([]);
    }
  });

  it.each(FILE_SORTS)('sorted by %s, a wide range with each filter walks the covering sort index and counts from the 建档 one', async (sort) => {
    for (const range of wide) {
      for (const filter of filters) {
        for (const order of ['asc', 'desc'] as const) {
          const plans = await plansDuring(core.app.db, 'worker_files', () => core.ok('files.list', { ...range, ...filter, sort, order, page: 2, pageSize: 20 }, staff));
          const lines = allLines(plans);
          expect(tableScans(plans), lines).toEqual([]);
          expect(sorts(plans), lines).toEqual([]);
          // The page's ids: one walk of the sort's index, every filter answered by its entries (no file row read).
          const updated = filter.status ? 'worker_files_status_updated' : 'worker_files_updated';
          const index = sort === 'createdAt' ? 'worker_files_created' : { updatedAt: updated, name: 'worker_files_pinyin', perCapitaIncome: 'worker_files_income', workUnit: 'worker_files_unit' }[sort];
          const page = plans.find((p) => /^SELECT f\.id FROM/.test(p.sql));
          expect(page?.plan.join(' | '), lines).toMatch(new RegExp(`USING COVERING INDEX ${index}\\b`));
          // The count: the 建档 index's entries hold status and income too.
          const count = plans.filter((p) => /count\(\*\)/.test(p.sql));
          expect(count.length, lines).toBeGreaterThan(0);
          for (const c of count) expect(c.plan.join(' | '), lines).toMatch(/USING COVERING INDEX worker_files_created\b/);
        }
      }
    }
  });
});
