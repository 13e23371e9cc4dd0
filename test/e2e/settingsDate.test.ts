// A PC whose clock is years ahead must not date a new setting version by it: the settings page's
// default effective date, and the earliest it offers, come from the server's clock. Nor may it open
// the month-based lists (donations, payments, stock documents, books, monitoring ledger, reports) on
// its own month: they open on the server's. Nor may the forms default to its day, or the year views
// and the relief report's range open on its year.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { ADMIN, clickUntil, login, setupAdmin, startE2e, type E2eApp } from './harness';

const CASHIER = { username: 'caiwu', password: 'Cashier-pass-2026' };
const PC_CLOCK = new Date('2031-06-01T10:00:00+08:00');

async function ok<T>(channel: string, payload: unknown, token: string | null = null): Promise<T> {
  const r = await dispatch(e.app, channel, payload, { token });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

/** The text a picker or number field shows (the test id lands on its input or on a wrapper around it); a range's ends joined by ' ~ '. */
/** A browser page whose clock says PC_CLOCK, opened on the app. */
async function pageOnWrongClock(): Promise<Page> {
  const page = await e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(PC_CLOCK);
  await page.goto(e.url);
  return page;
}

async function pickedMonth(page: Page, testId: string): Promise<string> {
  const found = page.getByTestId(testId);
  await found.first().waitFor();
  const values: string[] = [];
  for (const el of await found.all()) {
    const inputs = (await el.evaluate((n) => n.tagName)) === 'INPUT' ? [el] : await el.locator('input').all();
    for (const input of inputs) values.push(await input.inputValue());
  }
  return values.join(' ~ ');
}

/**
 * The open date panel: the server's today can be picked, its tomorrow cannot (the PC's 2031 is far beyond
 * both); the day marked as today is the server's, and so is the one its 今天 link enters (after picking the
 * 9th, 今天 puts the 10th back).
 */
async function expectTodayIsLatest(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await expect.poll(() => panel.locator('td[title="2026-03-11"].ant-picker-cell-disabled').count()).toBe(1);
  expect(await panel.locator('td[title="2026-03-10"].ant-picker-cell-disabled').count()).toBe(0);
  expect(await panel.locator('td.ant-picker-cell-today').getAttribute('title')).toBe('2026-03-10');
  await panel.locator('td[title="2026-03-09"]').click();
  await expect.poll(() => pickedMonth(page, testId)).toBe('2026年3月9日');
  await page.getByTestId(testId).click();
  await panel.locator('.ant-picker-now-btn').click();
  await expect.poll(() => pickedMonth(page, testId)).toBe('2026年3月10日');
}

let e: E2eApp;
beforeAll(async () => {
  e = await startE2e();
  e.clock.set(new Date('2026-03-10T10:00:00+08:00'));
});
afterAll(async () => {
  await e?.close();
});

describe('the settings page on a PC with a wrong clock', () => {
  it("defaults the effective date to the server's today and saves the version on it", async () => {
    const page = await pageOnWrongClock();
    await setupAdmin(page);
    await page.goto(`${e.url}#/admin/settings`);
    const effective = page.getByLabel('生效日期');
    await expect.poll(() => effective.inputValue()).toBe('2026-03-10');

    await page.getByLabel('中心名称').fill('城东帮扶中心');
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)');
    await clickUntil(() => page.getByTestId('settings-save').click(), () => confirm.isVisible());
    await confirm.getByRole('button', { name: '保存' }).click();
    await page.getByText('设置已保存').waitFor();
    const history = await page.evaluate(async () => {
      const token = sessionStorage.getItem('centre.token');
      const r = await fetch('/api/settings.history', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
      return ((await r.json()) as { data: { key: string; effectiveFrom: string }[] }).data;
    });
    expect(history.find((h) => h.key === 'centreName')?.effectiveFrom).toBe('2026-03-10');
    await page.screenshot({ path: 'test-results/settings-server-date.png' });
    await page.close();
  });

  it("opens the donation, payment, stock document and other month lists on the server's month", async () => {
    const admin = (await ok<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
    await ok('users.create', { username: CASHIER.username, displayName: '孙会计', password: CASHIER.password, roles: ['finance'] }, admin);
    const finance = (await ok<{ token: string }>('auth.login', CASHIER)).token;
    const donorId = (await ok<{ id: number }>('ledger.addDonor', { kind: 'unit', name: '红星机械厂', contact: '', phone: '', address: '' }, finance)).id;
    await ok('ledger.donate', { donorId, date: '2026-03-10', amountFen: 123_400, method: 'cash', fundId: 4 }, finance);

    const page = await pageOnWrongClock();
    await login(page, CASHIER.username, CASHIER.password);

    await page.goto(`${e.url}#/finance/donations`);
    expect(await pickedMonth(page, 'donation-month')).toBe('2026年3月');
    // the month's list itself: today's donation is in it (the PC's June 2031 would show none)
    await page.getByTestId('donation-table').getByText('红星机械厂').waitFor();

    await page.goto(`${e.url}#/finance/pay`);
    expect(await pickedMonth(page, 'paid-month')).toBe('2026年3月');

    await page.goto(`${e.url}#/materials/moves`);
    await page.getByRole('tab', { name: '单据记录' }).click();
    expect(await pickedMonth(page, 'documents-month')).toBe('2026年3月');

    await page.goto(`${e.url}#/finance/books`);
    expect(await pickedMonth(page, 'entries-month')).toBe('2026年3月');

    await page.goto(`${e.url}#/monitoring`);
    await page.getByTestId('tab-ledger').click();
    expect(await pickedMonth(page, 'monitor-ledger-month')).toBe('2026年3月');

    // the 10th is past the 5th: the report opens on this month, not the last
    await page.goto(`${e.url}#/reports`);
    expect(await pickedMonth(page, 'ie-month')).toBe('2026年3月');

    // months after the server's cannot be picked, whatever the PC says
    await page.getByTestId('ie-month').click();
    const picker = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await expect.poll(() => picker.locator('.ant-picker-cell-disabled').count()).toBe(9);
    await page.screenshot({ path: 'test-results/settings-server-month.png' });
    await page.close();
  });

  // uses the cashier created by the test above
  it("defaults the forms' dates, the year views and the relief report's range to the server's today", async () => {
    const page = await pageOnWrongClock();
    await login(page, CASHIER.username, CASHIER.password);

    // 登记捐款
    await page.goto(`${e.url}#/finance/donations`);
    await page.getByTestId('donation-new').click();
    expect(await pickedMonth(page, 'donation-date')).toBe('2026年3月10日');
    await expectTodayIsLatest(page, 'donation-date');

    // 其他收入, 费用支出 and 填制记账凭证
    await page.goto(`${e.url}#/finance/entries`);
    expect(await pickedMonth(page, 'income-date')).toBe('2026年3月10日');
    await expectTodayIsLatest(page, 'income-date');
    await page.getByRole('tab', { name: '费用支出' }).click();
    expect(await pickedMonth(page, 'expense-date')).toBe('2026年3月10日');
    await page.getByRole('tab', { name: '填制记账凭证' }).click();
    expect(await page.locator('#voucher-draft_date').inputValue()).toBe('2026年3月10日');

    // 物资入库
    await page.goto(`${e.url}#/materials/receive`);
    expect(await pickedMonth(page, 'receive-date')).toBe('2026年3月10日');
    await expectTodayIsLatest(page, 'receive-date');

    // 报表: the relief report from the server's new year's day to its today; the yearly views on its year
    await page.goto(`${e.url}#/reports`);
    await page.getByRole('tab', { name: '救助发放统计' }).click();
    expect(await pickedMonth(page, 'relief-range')).toBe('2026-01-01 ~ 2026-03-10');
    await page.getByRole('tab', { name: '来访统计' }).click();
    expect(await pickedMonth(page, 'stats-year')).toBe('2026');
    await page.getByRole('tab', { name: '年度汇总' }).click();
    expect(await pickedMonth(page, 'year-summary-year')).toBe('2026');

    // 年审 on the server's year (and the one before), not 2031
    await page.goto(`${e.url}#/monitoring`);
    await page.getByTestId('tab-reviews').click();
    const years = page.locator('.ant-segmented').filter({ hasText: ' 年' });
    await expect.poll(() => years.textContent()).toBe('2025 年2026 年');
    expect(await years.locator('.ant-segmented-item:has(input:checked)').textContent()).toBe('2026 年');
    await page.screenshot({ path: 'test-results/settings-server-forms.png' });
    await page.close();
  });
});
