// The statement page follows a long print: a bar with the job's stage and percent while the worker
// lays out a 3,000-line month, then the preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { dispatch } from '../../electron/dispatch';
import type { TestCore } from '../fixtures/core';
import { loadJournal } from '../bench/ledger';
import { ADMIN, login, logout, setupAdmin, startE2e, type E2eApp } from './harness';

const FINANCE = { username: 'caiwu', name: '周丽华', password: 'Caiwu-pass-2026' };
const MONTH = '2026-11';
let e: E2eApp;

async function ok<C extends Channel>(channel: C, payload: InputOf<C>, token: string | null): Promise<OutputOf<C>> {
  const r = (await dispatch(e.app, channel, payload, { token })) as ApiResult<OutputOf<C>>;
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

beforeAll(async () => {
  e = await startE2e();
  await setupAdmin(e.page);
  const admin = (await ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
  await ok('users.create', { username: FINANCE.username, displayName: FINANCE.name, password: FINANCE.password, roles: ['finance'] }, admin);
  loadJournal({ app: e.app } as TestCore, 6_000); // 3,000 cash and bank lines in the month
});
afterAll(async () => e?.close());

describe('progress of long work in the page', () => {
  it('shows the print job’s progress on the statement page until the preview opens', async () => {
    const { page } = e;
    await logout(page);
    await login(page, FINANCE.username, FINANCE.password);
    await page.goto(`${e.url}/#/finance/statement?month=${MONTH}`);
    await page.getByTestId('statement-print').waitFor();
    await page.getByTestId('statement-print').click();
    const bar = page.getByTestId('job-progress');
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.textContent()).toMatch(/生成明细表 PDF：(排队等候|读取数据|排版|生成文件)/);
    expect(await bar.locator('.ant-progress').count()).toBe(1);
    // the bar moves on to layout or writing with a percent above nought
    await expect.poll(async () => ((await bar.count()) ? await bar.textContent() : 'gone') ?? '', { timeout: 120_000 }).toMatch(/(排版|生成文件).*[1-9]\d*%|gone/);
    await e.shot('jobs-01-statement-progress');
    await page.getByTestId('pdf-frame').waitFor({ timeout: 180_000 });
    expect(await bar.count()).toBe(0);
  });
});
