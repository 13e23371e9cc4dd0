// Finance opens the 收入支出表 for a month on the 报表 page, checks the totals and prints it; the
// relief report shows the grant paid. The books are filled straight through the core.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import { localDate } from '../../shared/dates';
import type { ApiResult } from '../../shared/errors';
import { formatYuan } from '../../shared/money';
import type { Role } from '../../shared/roles';
import { dispatch } from '../../electron/dispatch';
import type { TestCore } from '../fixtures/core';
import { poorFile, readyDraft } from '../fixtures/relief';
import { ADMIN, login, setupAdmin, startE2e, type E2eApp } from './harness';

let e: E2eApp;
const FINANCE = { username: 'caiwu', name: '赵会计', password: 'Finance-pass-2026' };
let month = '';
let previous = '';
/** What the report must show: this month's and this year's income and expenditure, in fen. */
const expected = { incomeMonth: 0, incomeYear: 0, expenseMonth: 0 };

async function ok<C extends Channel>(channel: C, payload: InputOf<C>, token: string | null): Promise<OutputOf<C>> {
  const r = (await dispatch(e.app, channel, payload, { token })) as ApiResult<OutputOf<C>>;
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}
async function user(admin: string, u: { username: string; name: string; password: string }, roles: Role[]): Promise<string> {
  await ok('users.create', { username: u.username, displayName: u.name, password: u.password, roles }, admin);
  return (await ok('auth.login', { username: u.username, password: u.password }, null)).token;
}
const accountId = (code: string) => (e.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number }).id;
const totalRow = (page: Page, name: string) => page.getByTestId('ie-total').filter({ hasText: name });

beforeAll(async () => {
  e = await startE2e();
  const today = localDate(e.clock.now());
  month = today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  await setupAdmin(e.page);
  const admin = (await ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
  const staff = await user(admin, { username: 'jiedai', name: '刘霞', password: 'Staff-pass-2026' }, ['staff']);
  const director = await user(admin, { username: 'zhuren', name: '张建国', password: 'Director-pass-2026' }, ['director']);
  const finance = await user(admin, FINANCE, ['finance']);
  const income = (date: string, code: string, amountFen: number, memo: string) =>
    ok('vouchers.income', { date, accountId: accountId(code), fundId: 1, method: 'bank', amountFen, memo }, finance);
  await income(`${previous}-15`, '400305', 1_200_000, '市总工会送温暖补助');
  await income(`${month}-01`, '400304', 3_000_050, '市总工会帮扶补助');
  await income(`${month}-01`, '4002', 1_000_000, '本级工会经费拨入');
  await ok('vouchers.expense', { date: `${month}-01`, accountId: accountId('500801'), fundId: 1, method: 'bank', amountFen: 1_250, memo: '转账手续费' }, finance);
  // An approved 800-yuan grant, paid this month.
  await ok('settings.update', { changes: { reliefNoticeRequired: false } }, admin);
  const core = { app: e.app, ok: (c: Channel, p: unknown, t: string) => ok(c, p as never, t) } as unknown as TestCore;
  const id = await readyDraft(core, staff, await poorFile(core, staff), 80_000);
  await ok('relief.submit', { id }, staff);
  await ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
  await ok('ledger.payRelief', { applicationId: id, fundId: 1, method: 'bank', accountId: null }, finance);
  expected.incomeMonth = 3_000_050 + 1_000_000;
  expected.incomeYear = expected.incomeMonth + (previous.slice(0, 4) === month.slice(0, 4) ? 1_200_000 : 0);
  expected.expenseMonth = 1_250 + 80_000;
  await e.page.getByRole('button', { name: '退出登录' }).click();
  await e.page.getByRole('button', { name: '登录' }).waitFor();
});
afterAll(async () => {
  await e?.close();
});

describe('reports in Chromium', () => {
  it('finance opens the 收入支出表 for the month from the menu', async () => {
    const { page } = e;
    await login(page, FINANCE.username, FINANCE.password);
    await page.getByRole('menuitem', { name: '报表' }).click();
    await page.getByTestId('reports-tabs').waitFor();
    // By the 5th the page opens on last month (the one to send); this test wants this month's.
    await page.goto(`${e.url}/#/reports?month=${month}`);
    await page.reload();
    await page.getByTestId('reports-tabs').waitFor();
    await expect.poll(async () => (await totalRow(page, '本期收入合计').textContent()) ?? '').toContain(formatYuan(expected.incomeMonth));
    expect(await totalRow(page, '本期收入合计').textContent()).toContain(formatYuan(expected.incomeYear));
    expect(await totalRow(page, '本期支出合计').textContent()).toContain(formatYuan(expected.expenseMonth));
    expect(await totalRow(page, '收支结余').textContent()).toContain(formatYuan(expected.incomeMonth - expected.expenseMonth));
    // The detail accounts carry the chart's codes.
    const grant = page.getByTestId('ie-row').filter({ hasText: '400304' });
    expect(await grant.textContent()).toContain('帮扶补助');
    expect(await grant.textContent()).toContain(formatYuan(3_000_050));
    expect(await page.getByTestId('ie-row').filter({ hasText: '50020401' }).textContent()).toContain(formatYuan(80_000));
    await e.shot('reports-01-income-expenditure');
  });

  it('prints it with the figures, the capitals and the signature lines', async () => {
    const { page } = e;
    await page.getByTestId('ie-print').click();
    await page.getByTestId('pdf-frame').waitFor();
    await page.waitForTimeout(800); // let the PDF viewer paint
    await e.shot('reports-02-income-expenditure-print');
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    // The same document, as the page's own session fetches it.
    const pdf = await page.evaluate(async (m) => {
      const token = sessionStorage.getItem('centre.token');
      const r = await fetch('/api/reports.incomeExpenditurePdf', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ month: m }) });
      return ((await r.json()) as { data: { base64: string } }).data.base64;
    }, month);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uhc-e2e-reports-'));
    try {
      const file = path.join(dir, 'ie.pdf');
      fs.writeFileSync(file, Buffer.from(pdf, 'base64'));
      fs.copyFileSync(file, path.resolve('test-results/reports-income-expenditure.pdf'));
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      for (const s of ['收入支出表', '400304', formatYuan(expected.incomeYear).slice(1), '单位负责人', '财务负责人', '制表', '赵会计']) expect(text).toContain(s);
      expect(text.replace(/\s+/g, '')).toContain('本年累计收入合计（大写）：人民币');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the relief paid this year on the second tab', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: '救助发放统计' }).click();
    await expect.poll(async () => (await page.getByTestId('relief-by-category').textContent()) ?? '').toContain('生活困难救助');
    expect(await page.getByTestId('relief-by-approver').textContent()).toContain('张建国');
    expect(await page.getByTestId('relief-by-category').textContent()).toContain(formatYuan(80_000));
    await e.shot('reports-03-relief');
  });

  it('shows the year summary and the petitions of the year on their tabs', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: '年度汇总' }).click();
    await expect.poll(async () => (await page.getByTestId('year-summary-figures').textContent()) ?? '').toContain('救助发放（人次）1');
    await e.shot('reports-04-year-summary');
    await page.getByRole('tab', { name: '来访统计' }).click();
    await page.getByTestId('petitions-report-print').waitFor();
    await e.shot('reports-05-petitions');
  });

  it('finance adds a detail account under a chart account, sees its code, and deletes it while unused', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '账簿' }).click();
    await page.getByRole('tab', { name: '科目与资金' }).click();
    await page.getByTestId('account-table').waitFor();
    await page.getByTestId('account-add').click();
    await page.getByTestId('account-parent').locator('input').fill('500203');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('account-code').inputValue()).toBe('50020301');
    await page.getByTestId('account-name').fill('律师代理费');
    await page.getByTestId('account-save').click();
    const row = page.getByTestId('account-table').locator('tr').filter({ hasText: '50020301' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('维权支出—法律援助费—律师代理费');
    expect(await row.textContent()).toContain('本中心增设');
    expect(await page.getByTestId('account-table').locator('tr').filter({ hasText: '500203' }).first().textContent()).toContain('汇总');
    await e.shot('reports-06-accounts');
    await row.getByTestId('account-delete').click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => row.count()).toBe(0);
  });
});

