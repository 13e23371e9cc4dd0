import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../../shared/idcard';
import { login, logout, setupAdmin, startE2e, type E2eApp } from './harness';

let e: E2eApp;
const withId = (first17: string) => first17 + computeCheckDigit(first17);
const WORKER_ID = withId('52010219720815003'); // born 1972-08-15, odd order digit → male
const STAFF = { username: 'jiedai', password: 'Staff-pass-2026' };

beforeAll(async () => {
  e = await startE2e();
  await setupAdmin(e.page);
  await e.page.getByRole('menuitem', { name: '用户管理' }).click();
  await e.page.getByRole('button', { name: '新建用户' }).click();
  const dialog = e.page.getByRole('dialog');
  await dialog.getByLabel('用户名（登录用）').fill(STAFF.username);
  await dialog.getByLabel('姓名').fill('刘霞');
  await dialog.getByLabel('初始密码（至少 8 位）').fill(STAFF.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await e.page.getByRole('cell', { name: STAFF.username }).waitFor();
  await logout(e.page);
  await login(e.page, STAFF.username, STAFF.password);
});
afterAll(async () => {
  await e?.close();
});

async function fillMember(page: Page, i: number, name: string, relation: string, id: string) {
  await page.getByTestId('member-add').click();
  await page.getByTestId(`member-name-${i}`).fill(name);
  await page.getByTestId(`member-relation-${i}`).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(relation, { exact: true }).click();
  await page.getByTestId(`member-id-${i}`).fill(id);
}

async function fileCount(): Promise<number> {
  return (e.app.db.prepare('SELECT count(*) AS n FROM worker_files').get() as { n: number }).n;
}

describe('worker files in Chromium', () => {
  it('staff creates a file with a household of three, finds it by pinyin initials and sees the tier', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '困难职工档案' }).click();
    await page.getByTestId('file-new').click();
    await page.getByTestId('file-name').fill('单国庆');
    await page.getByTestId('file-id-number').fill(WORKER_ID);
    await page.getByTestId('file-phone').click();
    await page.getByTestId('id-derived').waitFor();
    expect(await page.getByTestId('id-derived').textContent()).toContain('1972');
    await page.getByTestId('file-work-unit').locator('input').fill('红星机械厂');
    await page.getByTestId('file-employment').getByText('下岗/失业').click();
    await page.getByTestId('file-insured').getByText('已参保').click();
    await page.getByTestId('file-marital').getByText('已婚').click();
    await page.getByTestId('file-own-income').locator('input').fill('900');
    await fillMember(page, 0, '李秀英', '配偶', withId('52010219740101002'));
    await page.getByTestId('member-income-0').locator('input').fill('600');
    await fillMember(page, 1, '单小明', '子女', withId('52010220080601001'));
    await page.getByTestId('file-causes').getByText('失业/下岗').click();
    await expect.poll(async () => page.getByTestId('preview-size').textContent()).toContain('3');
    await e.shot('files-01-form');
    await page.getByTestId('file-save').click();
    await page.getByTestId('file-tier').waitFor();
    // (900 + 600) / 3 = 500 yuan per person, under 150 % of the 780 line
    expect(await page.getByTestId('file-tier').textContent()).toContain('≤150%');
    expect(await page.getByTestId('file-per-capita').textContent()).toContain('500.00');
    await e.shot('files-02-file-page');
    expect(await fileCount()).toBe(1);

    await page.getByRole('menuitem', { name: '困难职工档案' }).click();
    await page.getByTestId('file-search').fill('sgq');
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByTestId('search-hit').count()).toBe(1);
    expect(await page.getByTestId('search-hit').first().textContent()).toContain('单国庆');
    await e.shot('files-03-search');
    await page.getByTestId('search-hit').first().click();
    await page.getByTestId('file-tier').waitFor();
    expect(await page.getByTestId('file-title').textContent()).toContain('单国庆');
  });

  it('prints the file form as a PDF preview', async () => {
    const { page } = e;
    await page.getByTestId('file-print').click();
    await page.getByTestId('pdf-frame').waitFor();
    await e.shot('files-04-print-preview');
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
  });

  it('a wrong ID number shows the Chinese error and saves nothing', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '困难职工档案' }).click();
    await page.getByTestId('file-new').click();
    await page.getByTestId('file-name').fill('错号码');
    const bad = WORKER_ID.slice(0, 17) + (WORKER_ID.endsWith('1') ? '2' : '1');
    await page.getByTestId('file-id-number').fill(bad);
    await page.getByTestId('file-phone').click();
    await page.getByText(/校验位错误/).first().waitFor();
    await page.getByTestId('file-save').click();
    await page.getByText(/校验位错误/).first().waitFor();
    await e.shot('files-05-wrong-id');
    expect(await fileCount()).toBe(1);
  });
});
