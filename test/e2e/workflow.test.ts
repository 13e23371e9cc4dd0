import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import { addDays, localDate } from '../../shared/dates';
import { computeCheckDigit } from '../../shared/idcard';
import { ADMIN, clickUntil, login, logout, popoversClosed, setupAdmin, startE2e, type E2eApp } from './harness';

// Issue 15, a clerk's day: a petition's relief application, the director's inboxes with money totals,
// input rules (phones, stock quantities, settings, donations) and validation that throws nothing.

let e: E2eApp;
const withId = (first17: string) => first17 + computeCheckDigit(first17);
type User = { username: string; displayName: string; password: string };
const STAFF: User = { username: 'jiedai', displayName: '刘霞', password: 'Staff-pass-2026' };
const DIRECTOR: User = { username: 'zhuren', displayName: '张建国', password: 'Director-pass-2026' };
const FINANCE: User = { username: 'caiwu', displayName: '钱会计', password: 'Finance-pass-2026' };

async function coreLogin(u: { username: string; password: string }): Promise<string> {
  const r = await dispatch(e.app, 'auth.login', { username: u.username, password: u.password }, { token: null });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.token;
}
async function call<C extends Channel>(channel: C, input: InputOf<C>, token: string): Promise<OutputOf<C>> {
  const r = await dispatch(e.app, channel, input, { token });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as OutputOf<C>;
}
const go = (page: Page, path: string) => page.evaluate((p) => (window.location.hash = p), path);
const fieldErrors = (page: Page) => page.locator('.ant-form-item-explain-error:visible').allTextContents();

/** Uncaught errors and console errors while `body` runs (a failed load of a refused call is not one). */
async function errorsDuring(page: Page, body: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onPageError = (err: Error) => seen.push(`pageerror: ${err.message}`);
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) seen.push(`console: ${m.text()}`);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  try {
    await body();
    await page.waitForTimeout(800); // an unhandled rejection is reported a moment later
  } finally {
    page.off('pageerror', onPageError);
    page.off('console', onConsole);
  }
  return seen;
}

let admin = '';
let staff = '';
let director = '';
let finance = '';
const files: number[] = [];

beforeAll(async () => {
  e = await startE2e();
  await setupAdmin(e.page);
  admin = await coreLogin(ADMIN);
  for (const [u, roles] of [[STAFF, ['staff']], [DIRECTOR, ['director']], [FINANCE, ['finance']]] as const) {
    await call('users.create', { ...u, roles: [...roles] }, admin);
  }
  [staff, director, finance] = [await coreLogin(STAFF), await coreLogin(DIRECTOR), await coreLogin(FINANCE)];
  const workers = [
    { name: '孙立军', idNumber: withId('13020319750920001') },
    { name: '赵桂兰', idNumber: withId('13020319680412002') },
    { name: '周海涛', idNumber: withId('13020319800305003') },
  ];
  for (const w of workers) {
    const f = await call(
      'files.create',
      { ...w, workUnit: '开滦矿务局', employmentStatus: 'laid_off', medicalInsured: true, maritalStatus: 'unmarried', hardshipCauses: ['unemployment'], documents: ['file_form', 'household_ids', 'household_register', 'income_proof'] },
      staff,
    );
    files.push(f.id);
  }
}, 120_000);

afterAll(async () => {
  await e?.close();
});

describe('failed validation throws nothing', () => {
  it('Users: saving an empty new-user form shows the messages and no uncaught error', async () => {
    const { page } = e;
    const errors = await errorsDuring(page, async () => {
      await page.getByRole('menuitem', { name: '用户管理' }).click();
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('用户名（登录用）').waitFor();
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => fieldErrors(page)).not.toEqual([]);
      await e.shot('workflow-01-users-invalid');
    });
    expect(errors).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  it('Settings: amounts out of order and a 2-day 公示 are refused beside both fields, with no uncaught error', async () => {
    const { page } = e;
    const errors = await errorsDuring(page, async () => {
      await page.getByRole('menuitem', { name: '系统设置' }).click();
      await page.getByTestId('setting-reliefNoticeDays').fill('2');
      await page.locator('#setting-reliefMinimumFen').fill('1500');
      await clickUntil(
        () => page.getByTestId('settings-save').click(),
        async () => (await page.locator('.ant-popconfirm:visible').count()) > 0,
      );
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '保存' }).click();
      await expect.poll(async () => (await fieldErrors(page)).join('\n')).toContain('公示天数不能少于 5 天（现填 2 天）');
      const shown = (await fieldErrors(page)).join('\n');
      expect(shown).toContain('最低救助金额 ¥1,500.00 不能高于须报工会主席的金额 ¥1,000.00');
      await page.getByTestId('setting-reliefNoticeDays').scrollIntoViewIfNeeded();
      await e.shot('workflow-02-settings-invalid');
      // An empty required field: antd's rejected validateFields must stay inside the page.
      await page.getByTestId('setting-maxFailedLogins').fill('');
      await popoversClosed(page);
      await clickUntil(
        () => page.getByTestId('settings-save').click(),
        async () => (await page.locator('.ant-popconfirm:visible').count()) > 0,
      );
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '保存' }).click();
      await expect.poll(async () => (await fieldErrors(page)).join('\n')).toContain('请填写连续登录失败几次锁定');
    });
    expect(errors).toEqual([]);
    // Nothing was saved.
    expect(await call('settings.get', {}, admin)).toMatchObject({ reliefNoticeDays: 5, reliefMinimumFen: 30_000, maxFailedLogins: 5 });
    await logout(page);
  });
});

describe('a petition and its relief application', () => {
  it('shows the application it led to and no longer offers 申请救助; a phone with dashes is accepted', async () => {
    const { page } = e;
    const petition = await call('petitions.register', { channel: 'visit', fileId: files[0]!, visitorName: '', category: 'relief', request: '下岗后无收入，申请生活救助。' }, staff);
    await login(page, STAFF.username, STAFF.password);
    await go(page, `/petitions/${petition.id}`);
    await expect.poll(() => page.getByTestId('petition-relief').isEnabled()).toBe(true);
    const app = await call('relief.create', { fileId: files[0]!, petitionId: petition.id, category: 'living', amountFen: 50_000, reasons: '下岗无收入，生活困难。' }, staff);
    await page.reload();
    await page.getByTestId('petition-outcome-relief').waitFor();
    expect(await page.getByTestId('petition-outcome-relief').textContent()).toContain(app.number);
    expect(await page.getByTestId('petition-relief').isDisabled()).toBe(true);
    await e.shot('workflow-03-petition-relief');
    await page.getByTestId('petition-outcome-relief').click();
    await page.getByTestId('relief-status').waitFor();

    await go(page, '/petitions/new');
    const phone = page.getByLabel('联系电话');
    await phone.fill('0371-6789-1234');
    await phone.blur();
    await page.waitForTimeout(300);
    expect((await fieldErrors(page)).join('')).not.toContain('电话');
    await phone.fill('0371-6789-12');
    await phone.blur();
    await expect.poll(async () => (await fieldErrors(page)).join('')).toContain('电话应为 11 位手机号或带区号的固定电话');
    await logout(page);
  });
});

describe('input rules for money and stock', () => {
  it('refuses an over-large write-off quantity with a message instead of clamping it', async () => {
    const { page } = e;
    const donor = await call('ledger.addDonor', { kind: 'unit', name: '唐山丰收粮油有限公司', contact: '王经理', phone: '0315-2801234', address: '唐山市路北区建设北路88号' }, finance);
    const item = await call('materials.addItem', { name: '大米', spec: '10kg/袋', unit: '袋', category: 'food', shelfLifeDays: 365, lowStock: 0 }, finance);
    const store = (await call('materials.locations', {}, finance)).find((l) => l.kind === 'store')!;
    const today = localDate(e.clock.now());
    await call('materials.receiveDonation', { donorId: donor.id, locationId: store.id, date: today, lines: [{ itemId: item.id, quantity: 10, unitValueFen: 6_500, expiryDate: addDays(today, 300) }] }, finance);

    await login(page, STAFF.username, STAFF.password);
    await page.getByRole('menuitem', { name: '调拨、报损与盘点' }).click();
    await page.getByRole('tab', { name: '报损申请' }).click();
    await page.getByTestId('writeoff-location').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: store.name }).first().click();
    await page.getByTestId('writeoff-item').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '大米' }).first().click();
    const qty = page.getByTestId('writeoff-qty');
    await qty.fill('999');
    await qty.blur();
    await expect.poll(async () => (await fieldErrors(page)).join('')).toContain('超过库存：这里只有 10 袋');
    expect(await qty.inputValue()).toBe('999');
    await e.shot('workflow-04-writeoff-too-many');
    await logout(page);
  });

  it('a negative donation is refused and never shows 负… as its capitals', async () => {
    const { page } = e;
    await login(page, FINANCE.username, FINANCE.password);
    await page.getByRole('menuitem', { name: '捐款登记' }).click();
    await page.getByTestId('donation-new').click();
    const amount = page.getByTestId('donation-amount').locator('input');
    await amount.fill('-5000');
    await amount.blur();
    await expect.poll(async () => (await fieldErrors(page)).join('')).toContain('捐款金额不能为负');
    expect(await page.getByTestId('donation-capitals').count()).toBe(0);
    expect(await page.getByRole('dialog').textContent()).not.toContain('负伍仟');
    await e.shot('workflow-05-negative-donation');
    await amount.fill('5000');
    await expect.poll(() => page.getByTestId('donation-capitals').textContent()).toContain('伍仟元整');
    await page.keyboard.press('Escape');
    await logout(page);
  });
});

describe('the director’s 工作台', () => {
  it('lists the notice whose period has ended, and every inbox shows its count and money total', async () => {
    const { page } = e;
    const approved = async (fileId: number, fen: number) => {
      const a = await call('relief.create', { fileId, category: 'living', amountFen: fen, reasons: '下岗无收入，生活困难。' }, staff);
      await call('relief.submit', { id: a.id }, staff);
      await call('relief.decide', { id: a.id, decision: 'approve', comment: '' }, director);
      return a.id;
    };
    const today = localDate(e.clock.now());
    const a = await approved(files[1]!, 60_000);
    const b = await approved(files[2]!, 45_000);
    const notice = await call('relief.notices.create', { applicationIds: [a, b], startDate: today, endDate: addDays(today, 5) }, director);
    // The petition's application of the scene above waits for the director's decision.
    const pending = (await call('relief.list', { page: 1, pageSize: 20, status: 'draft' }, staff)).rows[0]!;
    await call('relief.submit', { id: pending.id }, staff);

    e.clock.set(new Date(e.clock.now().getTime() + 6 * 86_400_000));
    await login(page, DIRECTOR.username, DIRECTOR.password);
    await page.getByTestId('dash-notices-due').waitFor();
    await expect.poll(() => page.getByTestId('dash-notices-due').textContent()).toBe('1');
    expect(await page.getByTestId('dash-notices-due-money').textContent()).toBe('¥1,050.00');
    expect(await page.getByTestId('dash-relief-inbox').textContent()).toBe('1');
    expect(await page.getByTestId('dash-relief-inbox-money').textContent()).toBe('¥500.00');
    expect(await page.getByTestId('dash-relief-awaiting-notice-money').textContent()).toBe('¥0.00');
    const due = page.getByTestId('dash-due-notices');
    expect(await due.textContent()).toContain(notice.number);
    expect(await due.textContent()).toContain('¥1,050.00');
    await e.shot('workflow-06-director-dashboard');
    await due.getByText(notice.number).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/relief/notices/${notice.id}$`));
    await logout(page);

    // Finance sees only its own inbox, which is empty until the director concludes the notice.
    await login(page, FINANCE.username, FINANCE.password);
    await page.getByTestId('dash-relief-to-pay').waitFor();
    await expect.poll(() => page.getByTestId('dash-relief-to-pay-money').textContent()).toBe('¥0.00');
    expect(await page.getByTestId('dash-notices-due').count()).toBe(0);
    expect(await page.getByTestId('dash-due-notices').count()).toBe(0);
    await call('relief.notices.conclude', { id: notice.id }, await coreLogin(DIRECTOR));
    await page.reload();
    await expect.poll(() => page.getByTestId('dash-relief-to-pay').textContent()).toBe('2');
    expect(await page.getByTestId('dash-relief-to-pay-money').textContent()).toBe('¥1,050.00');
    await e.shot('workflow-07-finance-dashboard');
  });
});
