import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import { addDays, localDate } from '../../shared/dates';
import { computeCheckDigit } from '../../shared/idcard';
import { ADMIN, login, logout, setupAdmin, startE2e, type E2eApp, popoversClosed } from './harness';

let e: E2eApp;
const withId = (first17: string) => first17 + computeCheckDigit(first17);

type User = { username: string; name: string; password: string };
const FINANCE: User = { username: 'caiwu', name: '钱会计', password: 'Finance-pass-2026' };
const STAFF: User = { username: 'jiedai', name: '刘霞', password: 'Staff-pass-2026' };
const DIRECTOR: User = { username: 'zhuren', name: '张建国', password: 'Director-pass-2026' };

const WORKER = { name: '孙立军', idNumber: withId('13020319750920001') };
const DONOR = { name: '唐山丰收粮油有限公司', contact: '王经理', phone: '0315-2801234', address: '唐山市路北区建设北路88号丰收粮库' };
const LOCATION_NAME = `${DONOR.name}代管`;
const RICE = { name: '大米', spec: '10kg/袋', unit: '袋' };
/** How the ledger, the statement and every printout name it (issue 15). */
const RICE_LABEL = `${RICE.name}（${RICE.spec}）`;
const month = () => localDate(e.clock.now()).slice(0, 7);

let applicationId = 0;

async function createUser(page: Page, u: User, roles: string[]) {
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名（登录用）').fill(u.username);
  await dialog.getByLabel('姓名').fill(u.name);
  for (const label of ['接待员', '中心主任', '工会主席', '财务', '管理员']) {
    const box = dialog.getByRole('checkbox', { name: label, exact: true });
    if (roles.includes(label)) await box.check();
    else await box.uncheck();
  }
  await dialog.getByLabel('初始密码（至少 8 位）').fill(u.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('cell', { name: u.username, exact: true }).waitFor();
}

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

const pageToken = async (page: Page) => (await page.evaluate(() => sessionStorage.getItem('centre.token'))) ?? '';

/** Opens an antd Select by its test id, types to filter and clicks the option showing `text`. */
async function pick(page: Page, testId: string, text: string, type = true) {
  await page.getByTestId(testId).click();
  if (type) await page.keyboard.type(text.slice(0, 2));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** The visible one of several (antd keeps closed popovers in the page). */
const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);

/** A screenshot without the passing toasts. */
async function cleanShot(name: string) {
  await e.page.waitForTimeout(400); // let dropdowns and dialogs finish their animations
  await e.page.evaluate(() => {
    const style = document.createElement('style');
    style.id = 'e2e-hide-toasts';
    style.textContent = '.ant-message { visibility: hidden !important; }';
    document.head.append(style);
  });
  await e.shot(name);
  await e.page.evaluate(() => document.getElementById('e2e-hide-toasts')?.remove());
}

function pdfText(base64: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uhc-e2e-materials-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function showPdf(page: Page, shot: string) {
  await page.getByTestId('pdf-frame').waitFor({ timeout: 45_000 }); // worker-made PDFs (stock ledger) can take longer than the default under load
  await page.waitForTimeout(1500); // let the PDF viewer paint
  await cleanShot(shot);
  await page.keyboard.press('Escape');
  await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  e = await startE2e();
  await setupAdmin(e.page);
  await createUser(e.page, FINANCE, ['财务']);
  await createUser(e.page, STAFF, ['接待员']);
  await createUser(e.page, DIRECTOR, ['中心主任']);
  await e.shot('materials-01-users');
  await logout(e.page);

  // A worker file and a relief application approved for payment, through the core.
  const admin = await coreLogin(ADMIN);
  await call('settings.update', { changes: { reliefNoticeRequired: false } }, admin);
  const staff = await coreLogin(STAFF);
  const director = await coreLogin(DIRECTOR);
  const file = await call(
    'files.create',
    { name: WORKER.name, idNumber: WORKER.idNumber, workUnit: '开滦矿务局', employmentStatus: 'laid_off', medicalInsured: true, maritalStatus: 'married', hardshipCauses: ['unemployment'] },
    staff,
  );
  const draft = await call('relief.create', { fileId: file.id, category: 'living', amountFen: 80_000, reasons: `${WORKER.name}下岗在家，家庭无收入来源，申请生活困难救助并发放米面。` }, staff);
  for (const d of draft.documents.filter((x) => x.required)) await call('relief.markDocument', { id: draft.id, doc: d.doc, received: true }, staff);
  await call('relief.submit', { id: draft.id }, staff);
  const approved = await call('relief.decide', { id: draft.id, decision: 'approve', comment: '情况属实，同意。' }, director);
  expect(approved.status).toBe('payable');
  applicationId = approved.id;
});
afterAll(async () => {
  await e?.close();
});

describe('materials in Chromium', () => {
  it('finance receives 100 bags of rice left with the donor, with a numbered 物资捐赠收据', async () => {
    const { page } = e;
    await login(page, FINANCE.username, FINANCE.password);
    await page.getByRole('menuitem', { name: '物资库存' }).click();
    await page.getByTestId('stock-table').waitFor();
    await cleanShot('materials-02-stock-empty');

    await page.getByTestId('stock-receive').click();
    await page.getByTestId('receive-donor').waitFor();

    // A new donor, who keeps the rice in their own granary (谁捐助谁代管).
    await page.getByTestId('donor-new').click();
    await page.getByTestId('donor-name').fill(DONOR.name);
    await page.getByTestId('donor-contact').fill(DONOR.contact);
    await page.getByTestId('donor-phone').fill(DONOR.phone);
    await page.getByTestId('donor-address').fill(DONOR.address);
    await page.getByTestId('donor-save').click();
    await page.getByTestId('donor-name').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('receive-donor').textContent()).toContain(DONOR.name);

    await page.getByTestId('location-new').click();
    await page.getByTestId('location-kind').getByText('捐赠方代管', { exact: true }).click();
    // The donor on the form and their address fill the new place.
    await expect.poll(() => page.getByTestId('location-address').inputValue()).toBe(DONOR.address);
    expect(await page.getByTestId('location-name').inputValue()).toBe(LOCATION_NAME);
    expect(await page.getByTestId('location-donor').textContent()).toContain(DONOR.name);
    await cleanShot('materials-03-new-location');
    await page.getByTestId('location-save').click();
    await page.getByTestId('location-name').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('receive-location').textContent()).toContain(LOCATION_NAME);

    await page.getByTestId('item-new').click();
    await page.getByTestId('item-name').fill(RICE.name);
    await page.getByTestId('item-spec').fill(RICE.spec);
    await page.getByTestId('item-unit').fill(RICE.unit);
    await page.getByTestId('item-shelf-life').fill('365');
    await page.getByTestId('item-low-stock').fill('100');
    await page.getByTestId('item-save').click();
    await page.getByTestId('item-name').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('receive-line-item-0').textContent()).toContain(RICE.name);

    await page.getByTestId('receive-line-qty-0').fill('100');
    await page.getByTestId('receive-line-value-0').locator('input').fill('50');
    const expiry = addDays(localDate(e.clock.now()), 300);
    const expiryBox = page.locator('[data-testid="receive-line-expiry-0"] input, input[data-testid="receive-line-expiry-0"]').first();
    await expiryBox.click();
    await expiryBox.fill(expiry);
    await expiryBox.press('Enter');
    await expiryBox.press('Escape');
    await expect.poll(() => page.getByTestId('receive-total').textContent()).toBe('¥5,000.00');
    await page.getByTestId('receive-note').click(); // close any popup before the picture
    await cleanShot('materials-04-receive-form');

    await popoversClosed(page);
    await page.getByTestId('receive-save').click();
    await visible(page, 'receive-confirm').click();
    await showPdf(page, 'materials-05-donation-receipt');
    await page.getByTestId('receive-saved').waitFor();

    const doc = e.app.db.prepare("SELECT id, status, receipt_id FROM material_documents WHERE kind = 'donation'").get() as { id: number; status: string; receipt_id: number | null };
    expect(doc.status).toBe('done');
    expect(doc.receipt_id).not.toBeNull();

    await page.getByTestId('receive-back').click();
    await page.getByTestId('stock-row').first().waitFor();
    expect(await page.getByTestId('stock-row').count()).toBe(1);
    const row = page.getByTestId('stock-row').first();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(RICE.name);
    expect(text).toContain(RICE.spec);
    expect(text).toContain('捐赠方代管');
    expect(text).toContain(LOCATION_NAME);
    expect(text).toContain(DONOR.address);
    expect(await row.getByTestId('stock-qty').textContent()).toBe('100 袋');
    expect(await page.getByTestId('stock-total').textContent()).toBe('¥5,000.00');
    await cleanShot('materials-06-stock');
  });

  it('issues 2 bags to the worker with approved relief and prints the 物资领取单', async () => {
    const { page } = e;
    // From the relief application: 发放物资.
    await page.evaluate((id) => (window.location.hash = `/relief/${id}`), applicationId);
    await page.getByTestId('action-issue-materials').click();
    await page.getByTestId('issue-application').waitFor();
    await expect.poll(() => page.getByTestId('issue-application').textContent()).toContain(WORKER.name);
    await page.getByTestId('issue-recipient').waitFor();

    await pick(page, 'issue-location', LOCATION_NAME, false);
    await pick(page, 'issue-line-item-0', RICE.name);
    await page.getByTestId('issue-line-qty-0').fill('2');
    await page.getByTestId('issue-note').click();
    await cleanShot('materials-07-issue-form');

    await page.getByTestId('issue-save').click();
    await expect.poll(() => visible(page, 'issue-confirm-text').textContent()).toContain(WORKER.name);
    await visible(page, 'issue-confirm').click();
    await showPdf(page, 'materials-08-issue-slip');
    await page.getByTestId('issue-saved').waitFor();

    const issue = e.app.db.prepare("SELECT id FROM material_documents WHERE kind = 'issue'").get() as { id: number };
    const pdf = await call('materials.printDocument', { documentId: issue.id }, await pageToken(page));
    const text = pdfText(pdf.base64, 'issue.pdf');
    expect(text).toContain(RICE.name);
    expect(text).toMatch(/(^|\D)2(\D|$)/);
    expect(text).toContain(WORKER.name);

    // The place now holds 98.
    await page.getByTestId('issue-back').click();
    await page.getByTestId('stock-row').first().waitFor();
    await expect.poll(() => page.getByTestId('stock-row').first().getByTestId('stock-qty').textContent()).toBe('98 袋');
    // 98 is below the low-stock line of 100.
    await page.getByTestId('stock-alerts').waitFor();
    expect(await page.getByTestId('stock-alerts-low').textContent()).toContain(RICE.name);
    await cleanShot('materials-09-stock-after-issue');
  });

  it("shows the month's stock ledger: 100 in, 2 out, 98 at the donor's place; the statement carries it", async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '物资收发存月报' }).click();
    await page.getByTestId('ledger-month').waitFor();
    const row = page.locator(`[data-testid="ledger-row"][data-item="${RICE_LABEL}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-location')).toBe(LOCATION_NAME);
    expect(await row.getByTestId('ledger-opening').textContent()).toBe('0');
    expect(await row.getByTestId('ledger-in').textContent()).toBe('100');
    expect(await row.getByTestId('ledger-out').textContent()).toBe('2');
    expect(await row.getByTestId('ledger-closing').textContent()).toBe('98');
    await cleanShot('materials-10-ledger');

    await page.getByTestId('ledger-print').click();
    await showPdf(page, 'materials-11-ledger-print');

    const token = await pageToken(page);
    const statement = await call('ledger.statement', { month: month() }, token);
    const rice = statement.materials.filter((m) => m.itemName === RICE_LABEL);
    expect(rice).toHaveLength(1);
    expect(rice[0]).toMatchObject({ locationName: LOCATION_NAME, openingQty: 0, inQty: 100, outQty: 2, closingQty: 98, inFen: 5_000_00, outFen: 100_00, closingFen: 4_900_00 });
    const statementPdf = await call('ledger.statementPdf', { month: month() }, token);
    const text = pdfText(statementPdf.base64, 'statement.pdf');
    expect(text).toContain(RICE.name);
    const riceLine = text.split('\n').find((l) => l.includes(RICE.name)) ?? '';
    expect(riceLine).toMatch(/(^|\D)98(\D|$)/);

    // The dashboard warns: 大米 is below its line.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByTestId('dash-stock-alerts').waitFor();
    await expect.poll(() => page.getByTestId('dash-stock-low').textContent()).toBe('1');
    await cleanShot('materials-12-dashboard');
    await logout(page);
  });

  it('a write-off waits for the director, who approves it after a confirmation', async () => {
    const { page } = e;
    await login(page, STAFF.username, STAFF.password);
    await page.getByRole('menuitem', { name: '调拨、报损与盘点' }).click();
    await page.getByRole('tab', { name: '报损申请' }).click();
    await pick(page, 'writeoff-location', LOCATION_NAME, false);
    await pick(page, 'writeoff-item', RICE.name);
    await page.getByTestId('writeoff-qty').fill('1');
    await page.getByTestId('writeoff-reason').fill('搬运时包装破损，受潮结块');
    await cleanShot('materials-13-writeoff');
    await popoversClosed(page);
    await page.getByTestId('writeoff-save').click();
    await visible(page, 'writeoff-confirm').click();
    await expect.poll(() => (e.app.db.prepare("SELECT status FROM material_documents WHERE kind = 'write_off'").get() as { status: string } | undefined)?.status).toBe('pending');
    // Nothing leaves the books before the director agrees.
    const staffToken = await pageToken(page);
    const before = await call('materials.stock', {}, staffToken);
    expect(before.reduce((s, r) => s + r.quantity, 0)).toBe(98);
    await logout(page);

    await login(page, DIRECTOR.username, DIRECTOR.password);
    await page.getByRole('menuitem', { name: '调拨、报损与盘点' }).click();
    await page.getByTestId('pending-row').first().waitFor();
    expect(await page.getByTestId('pending-row').first().textContent()).toContain(RICE.name);
    await cleanShot('materials-14-pending');
    await page.getByTestId('pending-approve').first().click();
    await page.getByTestId('material-decide-comment').fill('同意报损。');
    await popoversClosed(page);
    await page.getByTestId('material-decide-ok').click();
    await visible(page, 'material-decide-confirm').click();
    await expect.poll(() => (e.app.db.prepare("SELECT status FROM material_documents WHERE kind = 'write_off'").get() as { status: string }).status).toBe('done');
    await expect.poll(() => page.getByTestId('pending-row').count()).toBe(0);
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
    const after = await call('materials.stock', {}, await pageToken(page));
    expect(after.reduce((s, r) => s + r.quantity, 0)).toBe(97);
    // The month's documents: the donation, the issue and the approved write-off.
    await page.getByRole('tab', { name: '单据记录' }).click();
    await page.getByTestId('document-row').first().waitFor();
    expect(await page.getByTestId('document-row').count()).toBe(3);
    expect(await page.getByTestId('documents-table').textContent()).toContain('已完成');
    await cleanShot('materials-15-documents');

    // A stocktake that finds one bag fewer waits for approval too.
    await page.getByRole('tab', { name: '盘点' }).click();
    await pick(page, 'stocktake-location', LOCATION_NAME, false);
    await page.getByTestId('stocktake-row').first().waitFor();
    expect(await page.getByTestId('stocktake-row').first().textContent()).toContain('97 袋');
    await page.getByTestId('stocktake-count-0').fill('96');
    await expect.poll(() => page.getByTestId('stocktake-row').first().textContent()).toContain('盘亏 -1');
    await cleanShot('materials-16-stocktake');
    await popoversClosed(page);
    await page.getByTestId('stocktake-save').click();
    await visible(page, 'stocktake-confirm').click();
    await expect.poll(() => (e.app.db.prepare("SELECT status FROM material_documents WHERE kind = 'stocktake'").get() as { status: string } | undefined)?.status).toBe('pending');
    await logout(page);
  });
});
