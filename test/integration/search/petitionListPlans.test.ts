// The 来访登记 list sorted by 期限 or 状态 reads its order from an index (migration 0023), with or without
// filters: no statement of the list sorts rows it has gathered, so a page costs what its rows cost, not what
// the register holds. Plans checked on the statements the channel really runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';
import { loadPetitions } from '../../bench/petitions';
import { allLines, plansDuring, sorts, tableScans } from './plans';

type Filter = Partial<InputOf<'petitions.list'>>;

let core: TestCore;
let staff: string;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-12-15') });
  staff = await core.tokenFor(['staff']);
  const handler = (core.app.db.prepare("SELECT id FROM users WHERE username = 'u_staff'").get() as { id: number }).id;
  loadPetitions(core, 3_000, handler);
});
afterAll(() => core.close());

const FILTERS: [string, Filter][] = [
  ['no filter', {}],
  ['an open status', { status: 'accepted' }],
  ['closed', { status: 'closed' }],
  ['a category', { category: 'legal_aid' }],
  ['a 登记 range', { from: '2026-01-01', to: '2026-12-15' }],
  ['all three', { status: 'in_progress', category: 'relief', from: '2023-01-01', to: '2025-12-31' }],
];
const CASES = FILTERS.flatMap(([label, filter]) =>
  (['due', 'status'] as const).flatMap((sort) => (['asc', 'desc'] as const).flatMap((order) => [1, 30].map((page) => [label, sort, order, page, filter] as const))),
);

describe('petition list plans (migration 0023)', () => {
  it.each(CASES)('%s, by %s %s, page %d: read in order from an index, nothing sorted, no table scan', async (_label, sort, order, page, filter) => {
    const plans = await plansDuring(core.app.db, 'petitions', () => core.ok('petitions.list', { ...filter, sort, order, page, pageSize: 20 }, staff));
    expect(plans.length).toBeGreaterThan(0);
    expect(sorts(plans), allLines(plans)).toEqual([]);
    expect(tableScans(plans), allLines(plans)).toEqual([]);
  });

  it('期限 walks the open petitions’ deadline index', async () => {
    const plans = await plansDuring(core.app.db, 'petitions', () => core.ok('petitions.list', { sort: 'due', order: 'asc', page: 1, pageSize: 20 }, staff));
    expect(allLines(plans)).toContain('petitions_next_due');
  });
});
