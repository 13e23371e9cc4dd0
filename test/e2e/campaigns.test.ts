// A festival drive end to end in Chromium: the clerk builds a list of 20 from the demo files and
// imports 5 more from a base-level union's workbook, the director checks it, the chair approves it
// (neither built it), finance prints the 签领表, pays one batch, and finds it on the monthly statement.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import { IMPORT_COLUMNS } from '../../shared/campaign';
import { localDate } from '../../shared/dates';
import type { ApiResult } from '../../shared/errors';
import { maskIdNumber } from '../../shared/idcard';
import { fenToCapitals } from '../../shared/money';
import type { Role } from '../../shared/roles';
import { qualifyingFileIds } from '../../electron/core/campaigns/evaluate';
import type { CampaignRow, GroupRow } from '../../electron/core/campaigns/rows';
import { settingsOn } from '../../electron/core/settings/store';
import { dispatch } from '../../electron/dispatch';
import { poorInput } from '../fixtures/campaigns';
import { fakeFileInputs } from '../fixtures/files';
import { ADMIN, login, logout, popoversClosed, setupAdmin, startE2e, type E2eApp } from './harness';

let e: E2eApp;
type User = { username: string; name: string; password: string };
const STAFF: User = { username: 'jiedai', name: '刘霞', password: 'Staff-pass-2026' };
const DIRECTOR: User = { username: 'zhuren', name: '陈志刚', password: 'Director-pass-2026' };
const CHAIR: User = { username: 'zhuxi', name: '孙建华', password: 'Chair-pass-2026' };
const FINANCE: User = { username: 'caiwu', name: '周丽', password: 'Finance-pass-2026' };

const LIST_FROM_FILES = 20;
const FROM_WORKBOOK = 5;
const STANDARD_FEN = 50_000;
/** The groups the campaign form starts with (seed 000: 500 yuan a head). */
const FORM_GROUPS: GroupRow[] = [
  { grp: 'hardship', position: 0, standard_fen: STANDARD_FEN, budget_fen: null },
  { grp: 'migrant', position: 1, standard_fen: STANDARD_FEN, budget_fen: null },
];

let today = '';
const seeded: { id: number; name: string; idNumber: string; workUnit: string; employmentStatus: string }[] = [];
const imported: typeof seeded = [];

async function ok<C extends Channel>(channel: C, payload: InputOf<C>, token: string | null): Promise<OutputOf<C>> {
  const r = (await dispatch(e.app, channel, payload, { token })) as ApiResult<OutputOf<C>>;
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

async function user(adminToken: string, u: User, roles: Role[]): Promise<string> {
  await ok('users.create', { username: u.username, displayName: u.name, password: u.password, roles }, adminToken);
  return (await ok('auth.login', { username: u.username, password: u.password }, null)).token;
}

/** Files that would go on a new festival list now: the same rules the build button runs. */
function qualifyingNow(): number[] {
  // Only id, kind and start date of the campaign are read by the rules; no campaign exists yet.
  const draft = { id: 0, kind: 'spring_festival', start_date: today } as unknown as CampaignRow;
  return qualifyingFileIds(e.app.db, draft, FORM_GROUPS, settingsOn(e.app.db, today).minLivingLineFen, '');
}

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uhc-e2e-campaign-'));
  try {
    const file = path.join(dir, 'sheet.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const listed = () => e.page.getByTestId('campaign-listed').textContent();
const status = () => (e.app.db.prepare('SELECT status FROM campaigns ORDER BY id DESC LIMIT 1').get() as { status: string }).status;

async function openCampaign(u: User) {
  await login(e.page, u.username, u.password);
  await e.page.getByRole('menuitem', { name: '慰问活动' }).click();
  await e.page.getByTestId('campaign-row').first().click();
  await e.page.getByTestId('campaign-listed').waitFor();
}

/** Logs in and opens the list from the 工作台's inbox tile (it shows 1 and leads to the lists at that stage). */
async function openFromInbox(u: User, tile: 'dash-campaigns-to-check' | 'dash-campaigns-to-approve') {
  await login(e.page, u.username, u.password);
  await expect.poll(() => e.page.getByTestId(tile).textContent()).toBe('1');
  // the chair makes no revisits: no 回访提醒 on their 工作台
  if (tile === 'dash-campaigns-to-approve') expect(await e.page.getByTestId('dash-monitoring').count()).toBe(0);
  await e.page.getByTestId(`${tile}-card`).click();
  await e.page.getByTestId('campaign-status-filter').waitFor();
  await e.page.getByTestId('campaign-row').first().click();
  await e.page.getByTestId('campaign-listed').waitFor();
}

beforeAll(async () => {
  e = await startE2e();
  today = localDate(e.clock.now());
  await setupAdmin(e.page);
  const admin = (await ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
  const staff = await user(admin, STAFF, ['staff']);
  const director = await user(admin, DIRECTOR, ['director']);
  await user(admin, CHAIR, ['chair']);
  const finance = await user(admin, FINANCE, ['finance']);
  // Money in the union's own fund to pay from.
  const donor = await ok('ledger.addDonor', { kind: 'unit', name: '示范区总工会', contact: '', phone: '', address: '' }, finance);
  await ok('ledger.donate', { donorId: donor.id, date: today, amountFen: 5_000_000, method: 'cash', accountId: null, fundId: 1 }, finance);
  // The demo files (scripts/demo.ts: same generator, same exclusions), as many as it takes for 20 to qualify.
  const inputs = fakeFileInputs(20261122, 2000);
  for (const [i, input] of inputs.entries()) {
    const f = await ok('files.create', input, staff);
    seeded.push({ id: f.id, name: f.name, idNumber: f.idNumber, workUnit: f.workUnit, employmentStatus: f.employmentStatus });
    if (i % 37 === 5) await ok('files.setExclusion', { fileId: f.id, kind: 'refused_means_check', reason: '两次通知均拒绝入户核查' }, staff);
    if (i % 53 === 7) await ok('files.exit', { id: f.id, reason: '人均收入连续六个月高于低保线 1.5 倍' }, director);
    if (qualifyingNow().length === LIST_FROM_FILES) break;
  }
  expect(qualifyingNow()).toHaveLength(LIST_FROM_FILES);
  // Five workers whose household income is above the criteria's lines, whom their base-level union reports.
  for (let i = 0; i < FROM_WORKBOOK; i++) {
    const f = await ok('files.create', poorInput({ ownMonthlyIncomeFen: 800_000, workUnit: '红星机械厂' }), staff);
    imported.push({ id: f.id, name: f.name, idNumber: f.idNumber, workUnit: f.workUnit, employmentStatus: f.employmentStatus });
  }
  expect(qualifyingNow()).toHaveLength(LIST_FROM_FILES);
}, 300_000);

afterAll(async () => {
  await e?.close();
});

describe('a festival drive from list to statement', () => {
  it('the clerk creates the campaign and builds a list of 20 from the files, exclusions shown with reasons', async () => {
    const page = e.page;
    await logout(page);
    await login(page, STAFF.username, STAFF.password);
    await page.getByRole('menuitem', { name: '慰问活动' }).click();
    await page.getByTestId('campaign-new').click();
    const form = page.getByRole('dialog');
    await form.getByTestId('campaign-name').fill('春节送温暖');
    await form.getByPlaceholder('开始日期').fill(today);
    await form.getByPlaceholder('开始日期').press('Enter');
    await form.getByPlaceholder('结束日期').fill(`${Number(today.slice(0, 4)) + 1}-01-31`);
    await form.getByPlaceholder('结束日期').press('Enter');
    await form.locator('#campaign-budget').fill('340000');
    await e.shot('campaigns-01-new');
    await form.getByRole('button', { name: '保存' }).click();
    // Saving opens the new campaign.
    await page.getByTestId('campaign-build').click();
    const build = page.getByRole('dialog', { name: '按条件生成名单' });
    await build.getByText(`符合条件 ${LIST_FROM_FILES} 人`).waitFor();
    await build.getByRole('tab', { name: /被排除/ }).click();
    await build.locator('.ant-tag-red').first().waitFor();
    await e.shot('campaigns-02-excluded');
    await build.getByRole('tab', { name: /符合条件/ }).click();
    await build.getByTestId('campaign-build-confirm').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '加入' }).click();
    await expect.poll(listed).toBe('20 人，¥10,000.00');
    await e.shot('campaigns-03-built');
    await popoversClosed(page);
  });

  it('imports 5 from a base-level union workbook', async () => {
    const page = e.page;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('慰问名单');
    ws.addRow([...IMPORT_COLUMNS]);
    for (const f of imported) ws.addRow([f.name, f.idNumber, f.workUnit, f.employmentStatus === 'migrant' ? '困难农民工' : '困难企业职工']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId('campaign-import').click();
    const dialog = page.getByRole('dialog', { name: '导入基层工会上报名单' });
    await dialog.locator('input[type=file]').setInputFiles({ name: '红星机械厂工会上报.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await dialog.getByText(`已导入 ${FROM_WORKBOOK} 人。`).waitFor();
    await e.shot('campaigns-04-imported');
    await dialog.getByRole('button', { name: '关闭' }).first().click();
    await expect.poll(listed).toBe('25 人，¥12,500.00');
    const sources = await page.getByTestId('campaign-lines').getByText('基层工会上报').count();
    expect(sources).toBeGreaterThan(0);
    await page.getByTestId('campaign-submit').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '提交' }).click();
    await expect.poll(status).toBe('pending_director');
    await e.shot('campaigns-05-submitted');
    await popoversClosed(page);
    await logout(page);
  });

  it('the director checks and the chair approves, each from the 工作台; the clerk who built it cannot', async () => {
    const page = e.page;
    await openFromInbox(DIRECTOR, 'dash-campaigns-to-check');
    await page.getByTestId('campaign-decide').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(status).toBe('pending_chair');
    await logout(page);
    await login(page, STAFF.username, STAFF.password);
    // the clerk's 工作台: revisits to make, no approval inbox
    await page.getByTestId('dash-monitoring').waitFor();
    expect(await page.getByTestId('dash-campaigns-to-approve-card').count()).toBe(0);
    expect(await page.getByTestId('dash-campaigns-to-check-card').count()).toBe(0);
    await logout(page);
    await openCampaign(STAFF);
    expect(await page.getByTestId('campaign-decide').count()).toBe(0);
    await logout(page);
    await openFromInbox(CHAIR, 'dash-campaigns-to-approve');
    await e.shot('campaigns-06-chair-from-dashboard');
    await page.getByTestId('campaign-decide').click();
    await page.getByRole('dialog').getByText('批准名单').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(status).toBe('approved');
    await e.shot('campaigns-06-approved');
    await logout(page);
  });

  it('finance prints the 签领表 (names, masked IDs, total in capitals), with progress shown while it renders', async () => {
    const page = e.page;
    await openCampaign(FINANCE);
    // Hold the answer a moment so the page's progress can be seen and pictured.
    await page.route('**/api/campaigns.signSheet', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const answer = page.waitForResponse('**/api/campaigns.signSheet');
    await page.getByTestId('campaign-sign-sheet').click();
    await page.getByTestId('campaign-printing').getByText('正在生成签领表（25 人）').waitFor();
    await e.shot('campaigns-07-printing');
    const body = (await (await answer).json()) as { ok: boolean; data: { base64: string } };
    await page.unroute('**/api/campaigns.signSheet');
    expect(body.ok).toBe(true);
    await page.getByTestId('campaign-printing').waitFor({ state: 'detached' });
    await e.shot('campaigns-08-sign-sheet');
    const text = pdfText(Buffer.from(body.data.base64, 'base64')).replace(/ +/g, ' ');
    const listedIds = e.app.db.prepare('SELECT f.name, f.id_number FROM campaign_lines l JOIN worker_files f ON f.id = l.file_id').all() as { name: string; id_number: string }[];
    expect(listedIds).toHaveLength(25);
    for (const p of listedIds) {
      expect(text).toContain(p.name);
      expect(text).toContain(maskIdNumber(p.id_number));
      expect(text).not.toContain(p.id_number);
    }
    expect(text).toContain(`人民币（大写）${fenToCapitals(25 * STANDARD_FEN)}`);
    await page.keyboard.press('Escape');
  });

  it('finance pays the list as one cash batch and sees it on the monthly statement', async () => {
    const page = e.page;
    await page.getByTestId('campaign-pay').click();
    const dialog = page.getByRole('dialog', { name: '发放慰问金' });
    await dialog.getByRole('button', { name: '确认发放并记账' }).click();
    const done = page.locator('.ant-modal-confirm-title').filter({ hasText: '已发放批次' });
    await done.waitFor();
    const batch = ((await done.textContent()) ?? '').replace('已发放批次 ', '').trim();
    await e.shot('campaigns-09-paid');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /知道了|确定|OK/ }).click();
    await page.goto(`${e.url}/#/finance/statement?month=${today.slice(0, 7)}`);
    await page.getByTestId('statement-row').filter({ hasText: '工会经费' }).click();
    const line = page.getByTestId('statement-lines').getByRole('row').filter({ hasText: batch });
    await line.waitFor();
    expect(await line.textContent()).toContain('12,500.00');
    expect(await line.textContent()).toContain('25 人');
    await e.shot('campaigns-10-statement');
  });
});
