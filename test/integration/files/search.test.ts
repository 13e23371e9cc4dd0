import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerFileInput } from '../../../shared/contract/files';
import { computeCheckDigit } from '../../../shared/idcard';
import { searchPlan, searchSql } from '../../../electron/core/files/search';
import { makeCore, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';

let core: TestCore;
let staff: string;
const ids: Record<string, number> = {};
const withId = (first17: string) => first17 + computeCheckDigit(first17);
const rng = createRng(99);

const PEOPLE: [string, string, string, string][] = [
  ['张三', withId('11010119800101123'), '13800001111', '红星机械厂'],
  ['张珊珊', withId('31010419850202234'), '13900002222', '市第二纺织厂'],
  ['单田芳', withId('44010619700303345'), '13700003333', '城东煤矿'],
  ['曾小红', withId('52010219900404456'), '13600004444', '红星机械厂'],
  ['周树人', withId('11010519750505567'), '13500005555', '新华印刷厂'],
];

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  for (const [name, idNumber, phone, workUnit] of PEOPLE) {
    const input: WorkerFileInput = fakeFileInput(rng, { name, idNumber, phone, workUnit });
    ids[name] = (await core.ok('files.create', input, staff)).id;
  }
});
afterAll(() => core.close());

const search = async (q: string) => (await core.ok('files.search', { q, limit: 10 }, staff)).hits.map((h) => h.name).sort();

describe('file search', () => {
  it.each([
    ['张', ['张三', '张珊珊']],
    ['张三', ['张三']],
    ['zs', ['张三', '张珊珊', '周树人']],
    ['zss', ['张珊珊']],
    ['zhangsan', ['张三']],
    ['zhangshan', ['张珊珊']],
    ['shan', ['单田芳']],
    ['stf', ['单田芳']],
    ['zeng', ['曾小红']],
    ['zxh', ['曾小红']],
    ['ZSS', ['张珊珊']],
    ['1111', ['张三']],
    ['1380000', ['张三']],
    ['110101198001', ['张三']],
    ['红星', ['张三', '曾小红']],
    ['新华印刷厂', ['周树人']],
    ['wxyz', []],
    ['李', []],
  ])('%s finds %j and nothing else', async (q, expected) => {
    expect(await search(q)).toEqual([...expected].sort());
  });

  it('finds by the last four characters of the ID number, check digit included', async () => {
    const id = PEOPLE[2]![1];
    expect(await search(id.slice(-4))).toEqual(['单田芳']);
    expect(await search(id.slice(-4).toLowerCase())).toEqual(['单田芳']);
  });

  it('finds by the whole ID number, whatever its last character', async () => {
    for (const [name, id] of PEOPLE) expect(await search(id)).toEqual([name]);
  });

  it('says which key matched', async () => {
    const [hit] = (await core.ok('files.search', { q: 'stf', limit: 5 }, staff)).hits;
    expect(hit).toMatchObject({ name: '单田芳', matchedBy: 'initials' });
  });

  it.each(['张三', 'zs', '1234', '123x'])('plans %s as index ranges only (no full scan)', (q) => {
    const plan = searchPlan(q)!;
    const rows = core.app.db
      .prepare(`EXPLAIN QUERY PLAN ${searchSql(plan.keys, plan.suffix)}`)
      .all({ term: 'a', termTop: 'b', reversed: 'a', reversedTop: 'b', limit: 10 }) as { detail: string }[];
    const scans = rows.map((r) => r.detail).filter((d) => /^SCAN worker_files/.test(d) || /SCAN worker_files(?! USING)/.test(d));
    expect(scans).toEqual([]);
    expect(rows.filter((r) => /SEARCH worker_files USING (COVERING )?INDEX/.test(r.detail)).length).toBeGreaterThan(0);
  });
});
