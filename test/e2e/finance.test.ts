import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import { localDate } from '../../shared/dates';
import { monthLabel, nextMonth as nextMonthOf } from '../../shared/months';
import type { ApiResult } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { dispatch } from '../../electron/dispatch';
import type { TestCore } from '../fixtures/core';
import { poorFile, readyDraft } from '../fixtures/relief';
import { ADMIN, login, logout, setupAdmin, startE2e, type E2eApp, popoversClosed } from './harness';

let e: E2eApp;
const STAFF = { username: 'jiedai', name: '刘霞', password: 'Staff-pass-2026' };
const DIRECTOR = { username: 'zhuren', name: '张建国', password: 'Director-pass-2026' };
const FINANCE = { username: 'caiwu', name: '赵会计', password: 'Finance-pass-2026' };

let workerName = '';
let appNumber = '';
/** The month the books are kept in; it can be closed only once it has ended. */
let bookMonth = '';

/** Calls the core as a given session, failing the test with the Chinese message on a refusal. */
async function ok<C extends Channel>(channel: C, payload: InputOf<C>, token: string | null): Promise<OutputOf<C>> {
  const r = (await dispatch(e.app, channel, payload, { token })) as ApiResult<OutputOf<C>>;
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

async function user(adminToken: string, u: { username: string; name: string; password: string }, roles: Role[]): Promise<string> {
  await ok('users.create', { username: u.username, displayName: u.name, password: u.password, roles }, adminToken);
  return (await ok('auth.login', { username: u.username, password: u.password }, null)).token;
}

/** The browser's own session calling the browser door, as the page would. */
async function api<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([ch, body]) => {
      const token = sessionStorage.getItem('centre.token');
      const r = await fetch(`/api/${ch}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return (await r.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
    },
    [channel, payload] as const,
  );
  if (!res.ok) throw new Error(`${channel}: ${res.error?.message}`);
  return res.data as T;
}

function pdfText(base64: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uhc-e2e-finance-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);
const pickOption = (page: Page, text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
const accountId = (code: string) => (e.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number }).id;

/** After the clock jumps the session has lapsed: reload and log in again as finance. */
async function freshLogin(page: Page) {
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${e.url}/#/`);
  await page.reload();
  await login(page, FINANCE.username, FINANCE.password);
}

/** What a month picker shows ('2026年11月'); the test id lands on the input or on a wrapper around it. */
async function pickedMonth(page: Page, testId: string): Promise<string> {
  const found = page.getByTestId(testId);
  await found.waitFor();
  return (await found.evaluate((n) => n.tagName)) === 'INPUT' ? found.inputValue() : found.locator('input').inputValue();
}

/** Picks a month the way a clerk does: open the picker, go back to the month's year, click the month. */
async function pickMonth(page: Page, testId: string, month: string) {
  await page.getByTestId(testId).click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  const shownYear = async () => Number((await panel.locator('.ant-picker-year-btn').textContent())?.replace(/\D/g, ''));
  while ((await shownYear()) > Number(month.slice(0, 4))) await panel.locator('.ant-picker-header-super-prev-btn').click();
  await panel.locator(`td[title="${month}"]`).click();
  await expect.poll(() => pickedMonth(page, testId)).toBe(monthLabel(month));
}

async function closePreview(page: Page) {
  await page.waitForTimeout(500); // let the PDF viewer paint
  await page.keyboard.press('Escape');
  await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  e = await startE2e();
  bookMonth = localDate(e.clock.now()).slice(0, 7);
  await setupAdmin(e.page);
  // Everything before the money is set up straight through the core: users, a file, an approved 800-yuan grant.
  const admin = (await ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
  const staff = await user(admin, STAFF, ['staff']);
  const director = await user(admin, DIRECTOR, ['director']);
  await user(admin, FINANCE, ['finance']);
  await ok('settings.update', { changes: { reliefNoticeRequired: false } }, admin);
  const core = { app: e.app, ok: (c: Channel, p: unknown, t: string) => ok(c, p as never, t) } as unknown as TestCore;
  const fileId = await poorFile(core, staff);
  const id = await readyDraft(core, staff, fileId, 80_000);
  await ok('relief.submit', { id }, staff);
  const decided = await ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
  expect(decided.status).toBe('payable');
  appNumber = decided.number;
  workerName = (await ok('files.get', { id: fileId }, staff)).name;
  await logout(e.page);
});
afterAll(async () => {
  await e?.close();
});

describe('finance in Chromium', () => {
  it('finance sees the grant waiting to be paid on the dashboard', async () => {
    const { page } = e;
    await login(page, FINANCE.username, FINANCE.password);
    await expect.poll(async () => page.getByTestId('dash-relief-to-pay').textContent()).toBe('1');
    // Nothing on the books yet: no month to close.
    expect(await page.getByTestId('dash-month-close').count()).toBe(0);
    await e.shot('finance-01-dashboard');
  });

  it('records a 5,000-yuan donation from a new donor and prints its receipt', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '捐款登记' }).click();
    await page.getByTestId('donation-new').click();
    // Saving empty says what is missing and posts nothing.
    await page.getByTestId('donation-save').click();
    await page.getByText('请选择捐赠人').first().waitFor();

    await page.getByTestId('donor-new').click();
    await page.getByTestId('donor-name').fill('红星机械厂');
    await page.getByTestId('donor-contact').fill('李厂长');
    await page.getByTestId('donor-save').click();
    await page.getByTestId('donor-name').waitFor({ state: 'detached' });
    expect(await page.getByTestId('donation-donor').textContent()).toContain('红星机械厂');
    // A unit's gift goes to 单位捐赠 unless the clerk says otherwise.
    expect(await page.getByTestId('donation-fund').textContent()).toContain('单位捐赠');

    await page.getByTestId('donation-amount').locator('input').fill('5000');
    await page.getByTestId('donation-method').getByText('现金', { exact: true }).click();
    await page.getByTestId('donation-use').fill('用于困难职工生活救助');
    expect(await page.getByTestId('donation-capitals').textContent()).toContain('伍仟元整');
    await expect.poll(() => page.locator('.ant-form-item-explain-error:visible').count()).toBe(0);
    await e.shot('finance-02-donation-form');

    await page.getByTestId('donation-save').click();
    await visible(page, 'donation-confirm').waitFor();
    await e.shot('finance-03-donation-confirm');
    expect((e.app.db.prepare('SELECT count(*) AS n FROM donations').get() as { n: number }).n).toBe(0);
    await visible(page, 'donation-confirm').click();
    await page.getByTestId('pdf-frame').waitFor();
    await e.shot('finance-04-donation-receipt');
    await closePreview(page);

    const row = page.getByTestId('donation-row').filter({ hasText: '红星机械厂' });
    await expect.poll(() => row.getByTestId('receipt-number').textContent()).toMatch(/^JZSJ-\d{4}-000001$/);
    expect(await row.getByTestId('receipt-print').textContent()).toContain('补打');
    expect(await row.textContent()).toContain('¥5,000.00');
    await e.shot('finance-05-donations');

    // The same receipt through the API: amount in figures and in capitals.
    const receipt = e.app.db.prepare("SELECT id, number, print_count FROM receipts WHERE kind = 'donation'").get() as { id: number; number: string; print_count: number };
    expect(receipt.print_count).toBe(1);
    const pdf = await api<{ base64: string }>(page, 'ledger.printReceipt', { receiptId: receipt.id });
    const text = pdfText(pdf.base64);
    expect(text).toContain('5,000.00');
    expect(text).toContain('伍仟元整');
    expect(text).toContain(receipt.number);
    expect(text).toContain('红星机械厂');
  });

  it('voids a spoiled receipt and reissues the next number', async () => {
    const { page } = e;
    const row = page.getByTestId('donation-row').filter({ hasText: '红星机械厂' });
    await row.getByTestId('receipt-void').click();
    await page.getByTestId('void-dialog-reason').fill('打印时卡纸，收据损坏');
    await popoversClosed(page);
    await page.getByTestId('void-dialog-ok').click();
    await visible(page, 'void-dialog-confirm').click();
    await page.getByTestId('pdf-frame').waitFor();
    await closePreview(page);
    await expect.poll(() => row.getByTestId('receipt-number').textContent()).toMatch(/^JZSJ-\d{4}-000002$/);
    expect(await row.getByTestId('receipt-number-void').textContent()).toMatch(/^JZSJ-\d{4}-000001$/);
    await e.shot('finance-06-receipt-voided');
  });

  it('pays the 800-yuan grant: the core refuses an empty fund, then pays from 单位捐赠 in cash', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '救助发放' }).click();
    const row = page.getByTestId('pay-row').filter({ hasText: appNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain('¥800.00');
    await row.getByTestId('pay-open').click();
    expect(await page.getByTestId('pay-capitals').textContent()).toContain('捌佰元整');
    // Bank transfer goes to the card on the file, shown masked.
    expect(await page.getByTestId('pay-card').textContent()).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);

    // 工会经费 holds nothing: the core says so, naming the fund and its balance.
    await page.getByTestId('pay-fund').click();
    await pickOption(page, '工会经费');
    await page.getByTestId('pay-method').getByText(/^现金/).click();
    await page.getByTestId('pay-confirm').click();
    await page.getByTestId('pay-error').waitFor();
    const refusal = (await page.getByTestId('pay-error').textContent()) ?? '';
    expect(refusal).toContain('工会经费');
    expect(refusal).toContain('余额不足');
    expect(refusal).toContain('¥0.00');
    await e.shot('finance-07-pay-refused');
    expect((e.app.db.prepare('SELECT count(*) AS n FROM relief_payments').get() as { n: number }).n).toBe(0);

    await page.getByTestId('pay-fund').click();
    await pickOption(page, '单位捐赠');
    expect(await page.getByTestId('pay-fund').textContent()).toContain('¥5,000.00');
    await e.shot('finance-08-pay-dialog');
    await page.getByTestId('pay-confirm').click();
    await page.getByTestId('pdf-frame').waitFor();
    await e.shot('finance-09-pay-receipt');
    await closePreview(page);

    await expect.poll(() => page.getByTestId('pay-row').count()).toBe(0);
    const paid = page.getByTestId('paid-row').filter({ hasText: appNumber });
    expect(await paid.getByTestId('receipt-number').textContent()).toMatch(/^LQPZ-\d{4}-000001$/);
    expect(await paid.textContent()).toContain(workerName);
    await e.shot('finance-10-paid');
    // 申请编号 and 状态 sort on the server like 发放时间 and 金额 (ledger.payments sort 'number' and 'status').
    for (const title of ['申请编号', '状态']) {
      const header = page.getByTestId('paid-table').locator('th', { hasText: title });
      await header.click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
      await expect.poll(() => paid.count()).toBe(1);
    }
    expect(await paid.getByTestId('paid-status').textContent()).toBe('已发放');

    const receipt = e.app.db.prepare("SELECT id FROM receipts WHERE kind = 'relief_payment'").get() as { id: number };
    const text = pdfText((await api<{ base64: string }>(page, 'ledger.printReceipt', { receiptId: receipt.id })).base64);
    expect(text).toContain('800.00');
    expect(text).toContain('捌佰元整');
  });

  it('closes the month: a short count needs an explanation, the matching count closes it', async () => {
    const { page } = e;
    // A month can be closed only after it has ended: the core says so while it is running.
    await page.goto(`${e.url}/#/finance/close?month=${bookMonth}`);
    await page.getByTestId('close-blocked').waitFor();
    expect(await page.getByTestId('close-blocked').textContent()).toContain('尚未结束');
    await e.shot('finance-11a-close-not-ended');
    e.clock.set(new Date(`${nextMonthOf(bookMonth)}-02T09:00:00+08:00`));
    await freshLogin(page);
    await page.goto(`${e.url}/#/finance/close?month=${bookMonth}`);
    const cash = accountId('1001');
    const bank = accountId('1002');
    await page.getByTestId(`count-${cash}`).waitFor();
    await page.getByTestId(`count-${cash}`).locator('input').fill('4100');
    await page.getByTestId(`count-${bank}`).locator('input').fill('0');
    await expect.poll(() => page.getByTestId(`diff-${cash}`).textContent()).toBe('-¥100.00');
    expect(await page.getByTestId(`diff-${bank}`).textContent()).toBe('相符');
    await page.getByTestId('close-submit').click();
    await page.getByText('账实不符，请写明差异原因').waitFor();
    await e.shot('finance-11-close-difference');

    await page.getByTestId(`count-${cash}`).locator('input').fill('4200');
    await expect.poll(() => page.getByTestId(`diff-${cash}`).textContent()).toBe('相符');
    await e.shot('finance-12-close-counted');
    await popoversClosed(page);
    await page.getByTestId('close-submit').click();
    await visible(page, 'close-confirm').click();
    await page.getByTestId('close-done').waitFor();
    expect(await page.getByTestId('close-status').textContent()).toContain('已结账');
    expect(await page.getByTestId('close-history').textContent()).toContain(FINANCE.name);
    // Finance cannot reopen: that is the chair's.
    expect(await page.getByTestId('reopen').count()).toBe(0);
    await e.shot('finance-13-closed');
  });

  it('prints the monthly statement: opening 0.00, in 5,000.00, out 800.00, closing 4,200.00', async () => {
    const { page } = e;
    const month = bookMonth;
    await page.goto(`${e.url}/#/finance/statement?month=${month}`);
    await expect.poll(() => page.getByTestId('statement-total-closing').textContent()).toBe('¥4,200.00');
    expect(await page.getByTestId('statement-total-receipts').textContent()).toBe('¥5,000.00');
    expect(await page.getByTestId('statement-total-payments').textContent()).toBe('¥800.00');
    const fundRow = page.getByTestId('statement-row').filter({ hasText: '单位捐赠' });
    await fundRow.click();
    await page.getByTestId('statement-lines').waitFor();
    // Lines come a page at a time, each with the fund's money after it: the last one is the fund's 期末余额.
    const fundClosing = await fundRow.locator('td').last().textContent();
    expect(await page.getByTestId('statement-line-balance').last().textContent()).toBe(fundClosing);
    expect(await page.getByText(/^共 \d+ 笔$/).count()).toBe(1);
    await e.shot('finance-14-statement');

    await page.getByTestId('statement-print').click();
    await page.getByTestId('pdf-frame').waitFor();
    await e.shot('finance-15-statement-print');
    await closePreview(page);

    const download = page.waitForEvent('download');
    await page.getByTestId('statement-xlsx').click();
    expect((await download).suggestedFilename()).toBe(`月度收支明细表-${month}.xlsx`);

    const text = pdfText((await api<{ base64: string }>(page, 'ledger.statementPdf', { month })).base64);
    expect(text).toContain('单位捐赠');
    expect(text).toMatch(/期初余额\s*0\.00/);
    expect(text).toMatch(/期末余额\s*4,200\.00/);
    expect(text).toContain('5,000.00');
    expect(text).toContain('800.00');
    expect(text).toContain('4,200.00');
  });

  it('shows the books: vouchers with their lines, the cash journal, a balanced trial balance, funds', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '账簿' }).click();
    // The books open on the program's month (the clock moved on to close bookMonth): nothing booked in it yet.
    expect(await pickedMonth(page, 'entries-month')).toBe(monthLabel(nextMonthOf(bookMonth)));
    await page.getByTestId('entries-table').getByText(`${monthLabel(nextMonthOf(bookMonth))}没有凭证`).waitFor();
    // The clerk goes back to the closed month: the donation and the payment.
    await pickMonth(page, 'entries-month', bookMonth);
    await expect.poll(() => page.getByTestId('entry-row').count()).toBe(2);
    await page.getByTestId('entry-row').last().click();
    await page.getByTestId('entry-lines').waitFor();
    await e.shot('finance-16-books-entries');

    await page.getByRole('tab', { name: '现金/银行日记账' }).click();
    // One month for every tab: the journal stays on the month picked under 记账凭证.
    expect(await pickedMonth(page, 'cashbook-month')).toBe(monthLabel(bookMonth));
    await expect.poll(() => page.getByTestId('cashbook-table').textContent()).toContain('¥4,200.00');
    await e.shot('finance-17-books-cashbook');

    await page.getByRole('tab', { name: '试算平衡' }).click();
    await expect.poll(() => page.getByTestId('trial-result').textContent()).toContain('借贷平衡');
    await e.shot('finance-18-books-trial');

    await page.getByRole('tab', { name: '科目与资金' }).click();
    await expect.poll(() => page.getByTestId('fund-table').textContent()).toContain('¥4,200.00');
    await e.shot('finance-19-books-funds');
  });

  it('reminds finance on the dashboard to close last month by the 5th, in red after it', async () => {
    const { page } = e;
    // Into January: December (after the closed November) is still open and must be closed.
    const next = nextMonthOf(bookMonth);
    const after = nextMonthOf(next);
    const label = `${next.slice(0, 4)}年${Number(next.slice(5))}月`;

    e.clock.set(new Date(`${after}-03T09:00:00+08:00`));
    await freshLogin(page);
    await page.getByTestId('dash-month-close').waitFor();
    expect(await page.getByTestId('dash-month-close').textContent()).toContain(`请在 5 日前完成 ${label} 的月末结账`);
    expect(await page.getByTestId('dash-month-close').getAttribute('class')).toContain('ant-alert-warning');
    await e.shot('finance-20-dashboard-reminder');

    e.clock.set(new Date(`${after}-08T09:00:00+08:00`));
    await freshLogin(page);
    await page.getByTestId('dash-month-close').waitFor();
    expect(await page.getByTestId('dash-month-close').getAttribute('class')).toContain('ant-alert-error');
    await e.shot('finance-21-dashboard-overdue');
  });
});
