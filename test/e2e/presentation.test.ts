// Issue 15, presentation: what a clerk sees. No frame around the login and setup pages; the month
// pages open on the month not yet closed; the file table fits at 1440 px and the file form is roomy at
// 1024 px; the file number as printed; money boxes with one unit and labels that focus them; the audit
// log in Chinese with a date filter and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dispatch } from '../../electron/dispatch';
import { computeCheckDigit } from '../../shared/idcard';
import { exampleFor } from '../fixtures/examples';
import { shanghai } from '../fixtures/petitions';
import { ADMIN, login, startE2e, type E2eApp } from './harness';

let e: E2eApp;
const CLERK = { username: 'jingban', password: 'Clerk-pass-2026' };
const FRONT_DESK = { username: 'jiedai', password: 'Desk-pass-2026' };
const LONG_UNIT = '杭州市第二棉纺织厂有限责任公司（原国营杭州第二棉纺厂）';

async function ok(channel: string, payload: unknown, token: string | null = null): Promise<never> {
  const r = await dispatch(e.app, channel, payload, { token });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as never;
}
const tokenOf = async (username: string, password: string): Promise<string> => (await ok('auth.login', { username, password }) as { token: string }).token;

/** The page's frame: the body's margin and where the full-screen wrapper starts. */
const frame = (page: Page) =>
  page.evaluate(() => {
    const wrapper = document.querySelector('#root > *, #root')!.getBoundingClientRect();
    return { margin: getComputedStyle(document.body).margin, left: wrapper.left, top: wrapper.top, scrollW: document.documentElement.scrollWidth, clientW: document.documentElement.clientWidth };
  });
const monthShown = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))!.value);

beforeAll(async () => {
  e = await startE2e();
  e.clock.set(shanghai('2026-10-10'));
});
afterAll(async () => {
  await e?.close();
});

describe('issue 15 presentation', () => {
  it('shows the setup and login pages edge to edge, without the 8 px frame', async () => {
    const { page } = e;
    await page.getByLabel('管理员用户名').waitFor();
    expect(await frame(page)).toMatchObject({ margin: '0px', left: 0, top: 0 });
    await e.shot('presentation-01-setup');

    // the books get October's donation; then it is 1 December and October is not closed
    const admin = (await ok('auth.setup', { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password }) as { token: string }).token;
    await ok('users.create', { username: CLERK.username, displayName: '周丽华', password: CLERK.password, roles: ['admin', 'finance', 'staff'] }, admin);
    await ok('users.create', { username: FRONT_DESK.username, displayName: '刘霞', password: FRONT_DESK.password, roles: ['staff'] }, admin);
    const clerk = await tokenOf(CLERK.username, CLERK.password);
    const donorId = (await ok('ledger.addDonor', { kind: 'unit', name: '红星机械厂', contact: '李厂长', phone: '13800000000', address: '' }, clerk) as { id: number }).id;
    await ok('ledger.donate', { donorId, date: '2026-10-10', amountFen: 500_000, method: 'cash', fundId: 1 }, clerk);
    e.clock.set(shanghai('2026-12-01'));
    const clerkNow = await tokenOf(CLERK.username, CLERK.password);
    for (let i = 0; i < 12; i++) {
      const id17 = `33010619800722${String(100 + i).padStart(3, '0')}`;
      await ok('files.create', { ...exampleFor('files.create'), name: `陈秀英${i}`, idNumber: id17 + computeCheckDigit(id17), members: [], workUnit: i % 2 ? LONG_UNIT : '杭州第二棉纺厂' }, clerkNow);
    }
    await dispatch(e.app, 'users.list', {}, { token: await tokenOf(FRONT_DESK.username, FRONT_DESK.password) }); // refused: not an administrator

    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await frame(page)).toMatchObject({ margin: '0px', left: 0, top: 0 });
    await e.shot('presentation-02-login');
    await login(page, CLERK.username, CLERK.password);
  });

  it('opens the statement, month close and stock ledger on the same month: the last not yet closed', async () => {
    const { page } = e;
    for (const [path, testId] of [
      ['/finance/statement', 'statement-month'],
      ['/finance/close', 'close-month'],
      ['/materials/ledger', 'ledger-month'],
    ] as const) {
      await page.goto(`${e.url}#${path}`);
      await page.getByTestId(testId).waitFor();
      expect(await monthShown(page, testId)).toBe('2026年10月');
    }
    await e.shot('presentation-03-ledger-month');
  });

  it('fits the file table in its card at 1440 px and shows the file number as printed', async () => {
    const { page } = e;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${e.url}#/files`);
    await expect.poll(() => page.getByTestId('file-row').count()).toBe(12);
    const fit = await page.getByTestId('file-table').evaluate((t) => {
      const box = t.querySelector('.ant-table-content, .ant-table-body')!;
      return { scrollW: box.scrollWidth, clientW: box.clientWidth };
    });
    expect(fit.scrollW).toBeLessThanOrEqual(fit.clientW);
    await e.shot('presentation-04-files-1440');

    await page.getByTestId('file-row').last().click();
    await page.getByTestId('file-title').waitFor();
    expect(await page.getByTestId('file-number').textContent()).toBe('DA-000001');
  });

  it('gives the file form the width at 1024 px (the household preview moves above it)', async () => {
    const { page } = e;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${e.url}#/files/new`);
    await page.getByTestId('file-name').waitFor();
    const widths = await page.evaluate(() => ({
      form: document.querySelector('[data-testid="file-name"]')!.closest('.ant-card')!.getBoundingClientRect().width,
      page: document.documentElement.clientWidth,
    }));
    expect(widths.form).toBeGreaterThan(640);
    await e.shot('presentation-05-file-form-1024');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('shows money boxes with one unit, and a click on the label puts the cursor in the box', async () => {
    const { page } = e;
    await page.goto(`${e.url}#/admin/settings`);
    const box = page.locator('#setting-reliefMinimumFen');
    await expect.poll(() => box.inputValue()).toBe('300.00');
    const wrapper = box.locator('xpath=ancestor::*[contains(@class,"ant-input-affix-wrapper")][1]');
    expect((await wrapper.textContent())?.trim()).toBe('¥');
    expect(await wrapper.locator('.ant-input-suffix').count()).toBe(0);
    await page.getByText('最低救助金额（元）', { exact: true }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('setting-reliefMinimumFen');
    await page.getByText('最低生活保障线（元/月）', { exact: true }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('minLivingLineFen');
    await e.shot('presentation-06-settings');
  });

  it('reads the audit log in Chinese, filters it by date and exports the filter', async () => {
    const { page } = e;
    await page.goto(`${e.url}#/admin/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    const login = page.locator('[data-testid="audit-row"][data-channel="auth.login"]').first();
    expect(await login.getByTestId('audit-user').textContent()).toBe(CLERK.username);
    const refused = page.locator('[data-testid="audit-row"][data-channel="users.list"]').first();
    expect(await refused.getByTestId('audit-user').textContent()).toBe(FRONT_DESK.username);
    expect(await refused.getByTestId('audit-text').textContent()).toBe('“用户列表”需要管理员角色，您没有这个权限。');
    await e.shot('presentation-07-audit');

    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill('2026-10-10');
    await page.getByPlaceholder('开始日期').press('Enter');
    await page.getByPlaceholder('结束日期').fill('2026-10-10');
    await page.getByPlaceholder('结束日期').press('Enter');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await page.getByTestId('audit-row').allTextContents()).every((t) => t.includes('2026-10-10'))).toBe(true);
    expect(await page.locator('[data-testid="audit-row"][data-channel="files.create"]').count()).toBe(0);
    await e.shot('presentation-08-audit-october');

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    expect((await download).suggestedFilename()).toBe('审计日志-2026-10-10至2026-10-10.xlsx');
  });
});
