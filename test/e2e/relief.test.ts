import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { computeCheckDigit, maskIdNumber } from '../../shared/idcard';
import type { ReliefStatus } from '../../shared/relief';
import { ADMIN, login, logout, setupAdmin, startE2e, type E2eApp, popoversClosed } from './harness';

let e: E2eApp;
const withId = (first17: string) => first17 + computeCheckDigit(first17);
const DAY_MS = 86_400_000;

type User = { username: string; name: string; password: string };
const STAFF: User = { username: 'jiedai', name: '刘霞', password: 'Staff-pass-2026' };
const DIRECTOR: User = { username: 'zhuren', name: '张建国', password: 'Director-pass-2026' };
const CHAIR: User = { username: 'zhuxi', name: '陈卫东', password: 'Chair-pass-2026' };
const DIRECTOR2: User = { username: 'fuzhuren', name: '李秀梅', password: 'Director2-pass-2026' };

// Worker files, created through the core to keep the test short: laid off, no income → within 150 % of the line.
const WORKERS = {
  a: { name: '孙立军', initials: 'slj', idNumber: withId('13020319750920001') },
  b: { name: '赵桂兰', initials: 'zgl', idNumber: withId('13020319680412002') },
  c: { name: '周海涛', initials: 'zht', idNumber: withId('13020319800305003') },
};
const fileIds: Record<keyof typeof WORKERS, number> = { a: 0, b: 0, c: 0 };
const LIVING_DOCS = ['file_form', 'household_ids', 'household_register', 'income_proof'];

async function createUser(page: Page, u: User, roles: string[]) {
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名（登录用）').fill(u.username);
  await dialog.getByLabel('姓名').fill(u.name);
  // The dialog starts with 接待员 ticked.
  for (const label of ['接待员', '中心主任', '工会主席', '财务', '管理员']) {
    const box = dialog.getByRole('checkbox', { name: label, exact: true });
    if (roles.includes(label)) await box.check();
    else await box.uncheck();
  }
  await dialog.getByLabel('初始密码（至少 8 位）').fill(u.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('cell', { name: u.username, exact: true }).waitFor();
}

/** The visible one of several (antd keeps closed popovers in the page). */
const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);
const statusText = (page: Page) => page.getByTestId('relief-status').textContent();
const dbStatus = (id: number) => (e.app.db.prepare('SELECT status FROM relief_applications WHERE id = ?').get(id) as { status: ReliefStatus }).status;
const pageToken = (page: Page) => page.evaluate(() => sessionStorage.getItem('centre.token'));

/** A screenshot without the passing toasts, which would hide what the picture is meant to show. */
async function cleanShot(name: string) {
  await e.page.evaluate(() => {
    const style = document.createElement('style');
    style.id = 'e2e-hide-toasts';
    style.textContent = '.ant-message { visibility: hidden !important; }';
    document.head.append(style);
  });
  await e.shot(name);
  await e.page.evaluate(() => document.getElementById('e2e-hide-toasts')?.remove());
}

async function coreLogin(u: { username: string; password: string }): Promise<string> {
  const r = await dispatch(e.app, 'auth.login', { username: u.username, password: u.password }, { token: null });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.token;
}

async function setNoticeRequired(required: boolean) {
  const r = await dispatch(e.app, 'settings.update', { changes: { reliefNoticeRequired: required } }, { token: await coreLogin(ADMIN) });
  expect(r.ok).toBe(true);
}

/** Staff (or a director) fills the new-application form for a worker and saves it; returns the new id. */
async function fillProposal(page: Page, worker: keyof typeof WORKERS, yuan: string) {
  const w = WORKERS[worker];
  await page.getByRole('menuitem', { name: '救助审批' }).click();
  await page.getByTestId('relief-new').click();
  await page.getByTestId('relief-worker').getByTestId('petition-file-search').click();
  await page.keyboard.type(w.initials);
  await page.getByTestId('worker-hit').filter({ hasText: w.name }).click();
  await page.getByTestId('relief-worker-facts').waitFor();
  await page.getByTestId('relief-category').getByText('生活困难救助', { exact: true }).click();
  await page.getByTestId('relief-amount').locator('input').fill(yuan);
  await page.getByTestId('relief-reasons').fill(`${w.name}下岗在家，家庭无收入来源，生活十分困难，申请生活困难救助。`);
  await page.getByTestId('advice-verdict').waitFor();
  // The advice follows the amount (debounced): wait until it is for this one.
  await expect.poll(() => page.getByTestId('advice-panel').locator('.ant-spin').count()).toBe(0);
}

async function saveAndSubmit(page: Page): Promise<{ id: number; number: string }> {
  await page.getByTestId('relief-save').click();
  await page.getByTestId('relief-number').waitFor();
  const id = Number(/#\/relief\/(\d+)/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  const number = (await page.getByTestId('relief-number').textContent()) ?? '';
  expect(number).toMatch(/^JZ-\d{4}-\d{6}$/);
  expect(await statusText(page)).toBe('草稿');
  await page.getByTestId('relief-missing-docs').waitFor();
  for (const doc of LIVING_DOCS) {
    await page.getByTestId(`doc-${doc}`).click();
    await expect.poll(() => page.getByTestId(`doc-${doc}`).isChecked()).toBe(true);
  }
  await page.getByTestId('relief-missing-docs').waitFor({ state: 'detached' });
  await popoversClosed(page);
  await page.getByTestId('action-submit').click();
  await visible(page, 'confirm-ok').click();
  await expect.poll(() => statusText(page)).toBe('待主任审批');
  expect(dbStatus(id)).toBe('pending_director');
  return { id, number };
}

/** An approver opens the application from the dashboard's 待我审批 tile. */
async function openFromInbox(page: Page, number: string) {
  await page.getByTestId('dash-relief-inbox').waitFor();
  await expect.poll(async () => Number(await page.getByTestId('dash-relief-inbox').textContent())).toBeGreaterThanOrEqual(1);
  await page.getByTestId('dash-relief-inbox-card').click();
  await page.getByTestId('relief-row').filter({ hasText: number }).click();
  await page.getByTestId('relief-number').waitFor();
  expect(await page.getByTestId('relief-number').textContent()).toBe(number);
}

async function approve(page: Page, comment: string) {
  await page.getByTestId('decide-approve').click();
  await page.getByTestId('decide-comment').fill(comment);
  await page.getByTestId('decide-ok').click();
  await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
}

beforeAll(async () => {
  e = await startE2e();
  await setupAdmin(e.page);
  await createUser(e.page, STAFF, ['接待员']);
  await createUser(e.page, DIRECTOR, ['中心主任']);
  await createUser(e.page, CHAIR, ['工会主席']);
  await createUser(e.page, DIRECTOR2, ['中心主任']);
  await e.shot('relief-01-users');
  await logout(e.page);
  const staffToken = await coreLogin(STAFF);
  for (const key of Object.keys(WORKERS) as (keyof typeof WORKERS)[]) {
    const w = WORKERS[key];
    const r = await dispatch(
      e.app,
      'files.create',
      { name: w.name, idNumber: w.idNumber, workUnit: '开滦矿务局', employmentStatus: 'laid_off', medicalInsured: true, maritalStatus: 'married', hardshipCauses: ['unemployment'] },
      { token: staffToken },
    );
    if (!r.ok) throw new Error(r.error.message);
    fileIds[key] = r.data.id;
  }
});
afterAll(async () => {
  await e?.close();
});

let first = { id: 0, number: '' };
let second = { id: 0, number: '' };

describe('relief in Chromium', () => {
  it('800 yuan: staff proposes, the director approves, and without a notice it is payable', async () => {
    const { page } = e;
    await setNoticeRequired(false);
    await login(page, STAFF.username, STAFF.password);
    await fillProposal(page, 'a', '800');
    await expect.poll(() => page.getByTestId('advice-verdict').getAttribute('data-verdict')).toBe('eligible');
    expect(await page.getByTestId('advice-approvers').textContent()).toBe('中心主任');
    expect(await page.getByTestId('advice-rule').and(page.locator('[data-rule="yearly"]')).getAttribute('data-outcome')).toBe('pass');
    await e.shot('relief-02-form-800');
    first = await saveAndSubmit(page);
    await e.shot('relief-03-submitted-800');
    // Staff holds no approver role: no decision buttons.
    expect(await page.getByTestId('decide-approve').count()).toBe(0);
    await logout(page);

    await login(page, DIRECTOR.username, DIRECTOR.password);
    await e.shot('relief-04-director-dashboard');
    await openFromInbox(page, first.number);
    await e.shot('relief-05-director-view-800');
    await approve(page, '情况属实，同意救助。');
    await expect.poll(() => statusText(page)).toBe('可发放');
    expect(dbStatus(first.id)).toBe('payable');
    const row = e.app.db.prepare('SELECT approved_date, needs_chair FROM relief_applications WHERE id = ?').get(first.id) as { approved_date: string | null; needs_chair: number };
    expect(row.approved_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.needs_chair).toBe(0);
    await e.shot('relief-06-payable-800');
    await logout(page);
    await setNoticeRequired(true);
  });

  it('1,000 yuan: director, then chair, then a public notice concluded after its end date', async () => {
    const { page } = e;
    await login(page, STAFF.username, STAFF.password);
    await fillProposal(page, 'b', '1000');
    await expect.poll(() => page.getByTestId('advice-approvers').textContent()).toBe('中心主任→工会主席');
    expect(await page.getByTestId('advice-verdict').getAttribute('data-verdict')).toBe('eligible');
    await e.shot('relief-07-form-1000');
    second = await saveAndSubmit(page);
    await logout(page);

    await login(page, DIRECTOR.username, DIRECTOR.password);
    await openFromInbox(page, second.number);
    await approve(page, '同意，报工会主席。');
    await expect.poll(() => statusText(page)).toBe('待主席审批');
    expect(dbStatus(second.id)).toBe('pending_chair');
    await logout(page);

    await login(page, CHAIR.username, CHAIR.password);
    await openFromInbox(page, second.number);
    await e.shot('relief-08-chair-view');
    await approve(page, '同意。');
    await expect.poll(() => statusText(page)).toBe('待公示');
    expect(dbStatus(second.id)).toBe('awaiting_notice');
    await logout(page);

    await login(page, DIRECTOR.username, DIRECTOR.password);
    await page.getByRole('menuitem', { name: '救助公示' }).click();
    await page.getByTestId('notice-awaiting').waitFor();
    await page.getByTestId('notice-new').click();
    await page.getByTestId('notice-candidate').first().waitFor();
    expect(await page.getByTestId('notice-candidate').count()).toBe(1);
    expect(await page.getByTestId('notice-candidate').textContent()).toContain(WORKERS.b.name);
    await page.waitForTimeout(400); // let the dialog finish opening
    await cleanShot('relief-09-notice-create');
    await page.getByTestId('notice-create').click();
    await page.getByTestId('notice-line').first().waitFor();
    expect(await page.getByTestId('notice-line').count()).toBe(1);
    expect(await page.getByTestId('notice-line').textContent()).toContain('公示中');
    // The ID number is masked on the notice.
    expect(await page.getByTestId('notice-line').textContent()).not.toContain(WORKERS.b.idNumber);
    expect(dbStatus(second.id)).toBe('in_notice');
    const notice = e.app.db.prepare('SELECT id, start_date, end_date FROM relief_notices').get() as { id: number; start_date: string; end_date: string };
    expect((Date.parse(notice.end_date) - Date.parse(notice.start_date)) / DAY_MS).toBeGreaterThanOrEqual(5);
    await e.shot('relief-10-notice');

    // Before the end date the core refuses to conclude it.
    const early = await dispatch(e.app, 'relief.notices.conclude', { id: notice.id }, { token: await pageToken(page) });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('期满后才能确认发放');

    await page.getByTestId('notice-print').click();
    await page.getByTestId('pdf-frame').waitFor();
    await page.waitForTimeout(1500); // let the PDF viewer paint
    await e.shot('relief-11-notice-print');
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    // The printed notice names the worker with the ID number masked.
    const pdf = await dispatch(e.app, 'relief.notices.print', { id: notice.id }, { token: await pageToken(page) });
    if (!pdf.ok) throw new Error(pdf.error.message);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uhc-e2e-notice-'));
    try {
      const file = path.join(dir, 'notice.pdf');
      fs.writeFileSync(file, Buffer.from(pdf.data.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(WORKERS.b.name);
      expect(text).toContain(maskIdNumber(WORKERS.b.idNumber));
      expect(text).not.toContain(WORKERS.b.idNumber);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await logout(page);

    // Past the end date (the session has long expired: log in again).
    e.clock.advance(6 * DAY_MS);
    await login(page, DIRECTOR.username, DIRECTOR.password);
    await page.getByRole('menuitem', { name: '救助公示' }).click();
    await page.getByTestId('notice-row').first().click();
    await page.getByTestId('notice-line').first().waitFor();
    await popoversClosed(page);
    await page.getByTestId('notice-conclude').click();
    await visible(page, 'confirm-ok').click();
    await expect.poll(() => page.getByTestId('notice-line').textContent()).toContain('可发放');
    expect(await page.getByTestId('notice-conclude').count()).toBe(0);
    expect(dbStatus(second.id)).toBe('payable');
    expect((e.app.db.prepare('SELECT concluded_at FROM relief_notices WHERE id = ?').get(notice.id) as { concluded_at: string | null }).concluded_at).not.toBeNull();
    await e.shot('relief-12-notice-concluded');

    await page.getByTestId('notice-line').getByText(WORKERS.b.name).click();
    await page.getByTestId('relief-number').waitFor();
    expect(await statusText(page)).toBe('可发放');
    await e.shot('relief-13-payable-1000');
    await logout(page);
  }, 60_000);

  it('a director cannot approve their own proposal, in the page or in the core', async () => {
    const { page } = e;
    await login(page, DIRECTOR.username, DIRECTOR.password);
    await fillProposal(page, 'c', '500');
    await expect.poll(() => page.getByTestId('advice-verdict').getAttribute('data-verdict')).toBe('eligible');
    const own = await saveAndSubmit(page);
    await page.getByTestId('decide-blocked').waitFor();
    expect(await page.getByTestId('decide-blocked').textContent()).toContain('不能审批自己提出');
    expect(await page.getByTestId('decide-approve').count()).toBe(0);
    expect(await page.getByTestId('decide-reject').count()).toBe(0);
    expect(await page.getByTestId('decide-return').count()).toBe(0);
    await cleanShot('relief-14-own-proposal-blocked');

    const refused = await dispatch(e.app, 'relief.decide', { id: own.id, decision: 'approve', comment: '' }, { token: await pageToken(page) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('RULE');
      expect(refused.error.message).toContain('不能审批自己提出');
    }
    expect(dbStatus(own.id)).toBe('pending_director');
    // Nor is it in their own 待我审批.
    const inbox = await dispatch(e.app, 'relief.list', { inbox: true }, { token: await pageToken(page) });
    expect(inbox.ok && inbox.data.rows.map((r) => r.id)).not.toContain(own.id);
    await logout(page);

    // Another director decides it.
    await login(page, DIRECTOR2.username, DIRECTOR2.password);
    await openFromInbox(page, own.number);
    expect(await page.getByTestId('decide-blocked').count()).toBe(0);
    await approve(page, '同意。');
    await expect.poll(() => statusText(page)).toBe('待公示');
    expect(dbStatus(own.id)).toBe('awaiting_notice');
    await logout(page);
  }, 45_000);

  it('a second grant for the same family within the year needs the chair, live in the advice panel', async () => {
    const { page } = e;
    await login(page, STAFF.username, STAFF.password);
    await fillProposal(page, 'a', '500');
    await expect.poll(() => page.getByTestId('advice-verdict').getAttribute('data-verdict')).toBe('override');
    expect(await page.getByTestId('advice-verdict').textContent()).toContain('须主席批准例外');
    const yearly = page.getByTestId('advice-rule').and(page.locator('[data-rule="yearly"]'));
    expect(await yearly.getAttribute('data-outcome')).toBe('override');
    expect(await yearly.textContent()).toContain(first.number);
    expect(await page.getByTestId('advice-approvers').textContent()).toBe('中心主任→工会主席');
    await page.getByTestId('relief-override-reason').waitFor();
    await cleanShot('relief-15-second-grant-advice');

    // Without an exception reason the form refuses to save.
    await page.getByTestId('relief-save').click();
    await page.getByText('政策预审须例外处理：请写明例外理由，由工会主席批准').waitFor();
    await page.getByTestId('relief-override-reason').fill('本年度已救助一次，但近期突发重病住院，家庭无力承担，申请例外救助。');
    await page.getByTestId('relief-save').click();
    await page.getByTestId('relief-number').waitFor();
    expect(await statusText(page)).toBe('草稿');
    const id = Number(/#\/relief\/(\d+)/.exec(page.url())?.[1]);
    const row = e.app.db.prepare('SELECT status, override_reason FROM relief_applications WHERE id = ?').get(id) as { status: string; override_reason: string };
    expect(row.status).toBe('draft');
    expect(row.override_reason).toContain('突发重病');
    await cleanShot('relief-16-second-grant-saved');
  });
});
