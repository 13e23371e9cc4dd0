import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';

let core: TestCore;
let staff: string;
const rng = createRng(7);

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  await core.ok('files.create', fakeFileInput(rng, { name: '李秀兰', workUnit: '郑州纺织机械厂' }), staff);
  await core.ok('files.create', fakeFileInput(rng, { name: '王建国', workUnit: '洛阳拖拉机厂' }), staff);
});
afterAll(() => core.close());

const names = async (q: string) => (await core.ok('files.search', { q, limit: 10 }, staff)).hits.map((h) => h.name);

describe('search from the middle of a name or unit', () => {
  it.each([
    ['纺织', '李秀兰'],
    ['秀兰', '李秀兰'],
    ['纺织机械', '李秀兰'],
    ['拖拉机', '王建国'],
  ])('%s finds %s', async (q, name) => {
    expect(await names(q)).toEqual([name]);
  });
});
