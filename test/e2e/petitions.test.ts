import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCheckDigit, maskIdNumber } from '../../shared/idcard';
import { login, logout, setupAdmin, startE2e, type E2eApp, popoversClosed, clickUntil } from './harness';

let e: E2eApp;
const withId = (first17: string) => first17 + computeCheckDigit(first17);
const VISITOR_ID = withId('13020319680412002'); // born 1968-04-12, even order digit → female
const STAFF = { username: 'jiedai', name: '刘霞', password: 'Staff-pass-2026' };
const DIRECTOR = { username: 'zhuren', name: '张建国', password: 'Director-pass-2026' };
const DAY_MS = 86_400_000;

let petitionId = 0;
let petitionNumber = '';

async function createUser(page: Page, u: { username: string; name: string; password: string }, roles: string[]) {
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

async function openPetition(page: Page) {
  await page.getByRole('menuitem', { name: '来访接待' }).click();
  await page.getByTestId('petition-row').first().waitFor();
  await page.getByTestId('petition-row').filter({ hasText: petitionNumber }).click();
  await page.getByTestId('petition-number').waitFor();
  expect(await page.getByTestId('petition-number').textContent()).toBe(petitionNumber);
}

const status = (page: Page) => page.getByTestId('petition-status').textContent();

beforeAll(async () => {
  e = await startE2e();
  await setupAdmin(e.page);
  await createUser(e.page, STAFF, ['接待员']);
  await createUser(e.page, DIRECTOR, ['中心主任']);
  await e.shot('petitions-01-users');
  await logout(e.page);
});
afterAll(async () => {
  await e?.close();
});

describe('petitions in Chromium', () => {
  it('staff registers a walk-in typed by name and the acknowledgement slip opens', async () => {
    const { page } = e;
    await login(page, STAFF.username, STAFF.password);
    await page.getByRole('menuitem', { name: '来访接待' }).click();
    await page.getByTestId('petition-new').click();
    await page.getByTestId('petition-file-search').waitFor();

    // Saving empty says what is missing, in Chinese, and registers nothing.
    await page.getByTestId('petition-save').click();
    await page.getByText('请选择已建档职工，或填写来访人姓名').waitFor();

    await page.getByTestId('petition-channel').getByText('来访', { exact: true }).click();
    await page.getByTestId('petition-visitor-name').fill('赵桂兰');
    await page.getByTestId('petition-visitor-id').fill(VISITOR_ID);
    await page.getByTestId('petition-visitor-phone').fill('13803150123');
    // No file for this ID number: the form offers to build one.
    await page.getByTestId('petition-no-file').waitFor();
    expect(await page.getByTestId('petition-create-file').textContent()).toContain('为其建档');
    await page.getByTestId('petition-category').getByText('协助办理低保').click();
    await page.getByTestId('petition-request').fill('丈夫去年病故，本人下岗无收入，想了解如何申请低保，希望工会帮助协调。');
    await expect.poll(() => page.locator('.ant-form-item-explain-error:visible').count()).toBe(0);
    await e.shot('petitions-02-form');
    expect((e.app.db.prepare('SELECT count(*) AS n FROM petitions').get() as { n: number }).n).toBe(0);

    await page.getByTestId('petition-save').click();
    await page.getByTestId('pdf-frame').waitFor();
    petitionNumber = (await page.getByTestId('petition-number').textContent()) ?? '';
    expect(petitionNumber).toMatch(/^XF-\d{4}-\d{6}$/);
    petitionId = Number(/#\/petitions\/(\d+)/.exec(page.url())?.[1]);
    expect(petitionId).toBeGreaterThan(0);
    await page.waitForTimeout(500); // let the PDF viewer paint
    await e.shot('petitions-03-slip-preview');
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    expect(await status(page)).toBe('已登记');
    await e.shot('petitions-04-registered');

    // The same slip fetched through the API reads back with the number and only the masked ID.
    const res = await page.evaluate(async (id) => {
      const token = sessionStorage.getItem('centre.token');
      const r = await fetch('/api/petitions.printSlip', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id }),
      });
      return (await r.json()) as { ok: boolean; data?: { fileName: string; base64: string } };
    }, petitionId);
    expect(res.ok).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uhc-e2e-slip-'));
    try {
      const file = path.join(dir, 'slip.pdf');
      fs.writeFileSync(file, Buffer.from(res.data!.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(petitionNumber);
      expect(text).toContain('赵桂兰');
      expect(text).toContain(maskIdNumber(VISITOR_ID));
      expect(text).not.toContain(VISITOR_ID);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await logout(page);
  });

  it('sixteen days later the director sees it overdue on the dashboard and in the list', async () => {
    const { page } = e;
    e.clock.advance(16 * DAY_MS);
    await login(page, DIRECTOR.username, DIRECTOR.password);
    await page.getByTestId('dash-overdue').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('dash-overdue').textContent())).toBeGreaterThanOrEqual(1);
    await e.shot('petitions-05-dashboard-overdue');

    await page.getByTestId('dash-overdue-card').click();
    await page.getByTestId('petition-overdue-tag').first().waitFor();
    expect(await page.getByTestId('filter-overdue').isChecked()).toBe(true);
    const row = page.getByTestId('petition-row').filter({ hasText: petitionNumber });
    expect(await row.getByTestId('petition-overdue-tag').textContent()).toBe('逾期未受理');
    await e.shot('petitions-06-list-overdue');

    await row.click();
    await page.getByTestId('petition-overdue-alert').waitFor();
    // The director may act on it, reassign it, but not reopen what is not yet answered.
    expect(await page.getByTestId('action-accept').count()).toBe(1);
    expect(await page.getByTestId('action-reassign').count()).toBe(1);
    expect(await page.getByTestId('action-reopen').count()).toBe(0);
    await e.shot('petitions-07-director-view');
    await logout(page);
  });

  it('staff accepts, answers and closes it', async () => {
    const { page } = e;
    await login(page, STAFF.username, STAFF.password);
    await openPetition(page);
    expect(await page.getByTestId('action-answer').count()).toBe(0);

    await popoversClosed(page);
    await page.getByTestId('action-accept').click();
    await visible(page, 'confirm-accept').click();
    await expect.poll(() => status(page)).toBe('已受理');
    expect(await page.getByTestId('petition-overdue-tag').count()).toBe(0);

    await popoversClosed(page);
    // The buttons show a spinner (and ignore clicks) until the page has reloaded the petition.
    await expect.poll(async () => (await page.getByTestId('action-start').getAttribute('class')) ?? '').not.toContain('ant-btn-loading');
    await clickUntil(
      async () => {
        await popoversClosed(page);
        if ((await page.getByTestId('action-start').count()) === 0) return;
        await page.getByTestId('action-start').click();
        await visible(page, 'confirm-start').click();
      },
      async () => (await status(page)) === '办理中',
    );

    // The answer is required: an empty one is refused before anything is sent.
    await clickUntil(
      async () => {
        if (!(await page.getByTestId('dialog-ok').isVisible())) await page.getByTestId('action-answer').click();
        await visible(page, 'dialog-ok').click();
      },
      () => page.getByText('请写明答复内容').isVisible(),
    );
    await page.getByTestId('answer-text').fill('已告知低保申请条件和所需材料，并联系街道社区协助办理。');
    await e.shot('petitions-08-answer-dialog');
    await popoversClosed(page);
    await page.getByTestId('dialog-ok').click();
    await visible(page, 'dialog-confirm').click();
    await expect.poll(() => status(page)).toBe('已答复');

    await page.getByTestId('action-close').click();
    await page.getByTestId('close-note').fill('来访人表示满意，低保已提交申请。');
    await popoversClosed(page);
    await page.getByTestId('dialog-ok').click();
    await visible(page, 'dialog-confirm').click();
    await expect.poll(() => status(page)).toBe('已办结');
    expect(await page.getByTestId('petition-closing-note').textContent()).toContain('来访人表示满意');
    expect(await page.getByTestId('action-close').count()).toBe(0);
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
    await e.shot('petitions-09-closed');
  });

  it('staff registers a call from a worker with a file, picked by search-as-you-type', async () => {
    const { page } = e;
    const WORKER_ID = withId('13020319750920001');
    const created = await page.evaluate(async (idNumber) => {
      const token = sessionStorage.getItem('centre.token');
      const r = await fetch('/api/files.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          name: '孙立军',
          idNumber,
          workUnit: '开滦矿务局',
          employmentStatus: 'laid_off',
          medicalInsured: true,
          maritalStatus: 'married',
          hardshipCauses: ['unemployment'],
        }),
      });
      return (await r.json()) as { ok: boolean; data?: { id: number } };
    }, WORKER_ID);
    expect(created.ok).toBe(true);

    await page.getByRole('menuitem', { name: '来访接待' }).click();
    await page.getByTestId('petition-new').click();
    await page.getByTestId('petition-channel').getByText('来电', { exact: true }).click();
    await page.getByTestId('petition-file-search').click();
    await page.keyboard.type('slj');
    await page.getByTestId('worker-hit').first().waitFor();
    await e.shot('petitions-10-worker-search');
    await page.keyboard.press('Enter');
    await page.getByTestId('petition-worker').waitFor();
    expect(await page.getByTestId('petition-visitor-name').count()).toBe(0);
    await page.getByTestId('petition-category').getByText('职业介绍').click();
    await page.getByTestId('petition-request').fill('下岗在家，希望介绍一份保安或门卫工作。');
    await page.getByTestId('petition-request').press('Control+Enter');
    await page.getByTestId('pdf-frame').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    expect(await page.getByTestId('petition-file-link').textContent()).toBe('孙立军');
    expect(await page.getByTestId('petition-job-referral').isEnabled()).toBe(true);
    const row = e.app.db.prepare('SELECT file_id, channel FROM petitions ORDER BY id DESC LIMIT 1').get() as { file_id: number; channel: string };
    expect(row).toEqual({ file_id: created.data!.id, channel: 'phone' });
    await e.shot('petitions-11-linked-to-file');
  });

  it('the statistics page counts it', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '来访统计' }).click();
    await page.getByTestId('stats-total-received').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('stats-total-received').textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('stats-total-closed').textContent())).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('stats-on-time-rate').textContent()).toMatch(/%$/);
    await page.locator('canvas').first().waitFor();
    await e.shot('petitions-12-stats');
  });
});
