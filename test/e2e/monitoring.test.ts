// Dynamic monitoring end to end in Chromium: the clerk sees a revisit falling due on the 工作台,
// records it from the 动态监测 list (income changed, problem found, help arranged), the file page
// shows it, and the month's monitoring ledger PDF printed from the page names the worker.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import { localDate } from '../../shared/dates';
import { addMonths } from '../../shared/monitoring';
import type { ApiResult } from '../../shared/errors';
import { dispatch } from '../../electron/dispatch';
import { poorInput } from '../fixtures/campaigns';
import { ADMIN, clickUntil, login, logout, setupAdmin, startE2e, type E2eApp } from './harness';

let e: E2eApp;
const STAFF = { username: 'jiedai', name: '刘霞', password: 'Staff-pass-2026' };
let today = '';
const due = { id: 0, name: '' };
const overdue = { id: 0, name: '' };

async function ok<C extends Channel>(channel: C, payload: InputOf<C>, token: string | null): Promise<OutputOf<C>> {
  const r = (await dispatch(e.app, channel, payload, { token })) as ApiResult<OutputOf<C>>;
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** A poor single-person file created `daysAgo` days ago: its monthly revisit falls due a month after. */
async function fileCreated(daysAgo: number, workUnit: string): Promise<{ id: number; name: string }> {
  const real = new Date();
  e.clock.set(new Date(real.getTime() - daysAgo * 86_400_000));
  const token = (await ok('auth.login', { username: STAFF.username, password: STAFF.password }, null)).token;
  const f = await ok('files.create', poorInput({ workUnit }), token);
  e.clock.set(real);
  return { id: f.id, name: f.name };
}

function pdfText(base64: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uhc-e2e-monitoring-'));
  try {
    const file = path.join(dir, 'ledger.pdf');
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const visitCount = () => (e.app.db.prepare('SELECT count(*) AS n FROM file_revisits').get() as { n: number }).n;

beforeAll(async () => {
  e = await startE2e();
  today = localDate(e.clock.now());
  await setupAdmin(e.page);
  const admin = (await ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
  await ok('users.create', { username: STAFF.username, displayName: STAFF.name, password: STAFF.password, roles: ['staff'] }, admin);
  // Created 27 days ago: due in a few days (within the 7-day reminder); 40 days ago: overdue.
  Object.assign(due, await fileCreated(27, '红星机械厂'));
  Object.assign(overdue, await fileCreated(40, '第二棉纺厂'));
  await logout(e.page);
}, 120_000);

afterAll(async () => {
  await e?.close();
});

describe('a due revisit recorded and printed on the ledger', () => {
  it('the 工作台 shows the revisits due and overdue', async () => {
    const page = e.page;
    await login(page, STAFF.username, STAFF.password);
    const card = page.getByTestId('dash-monitoring');
    await card.waitFor();
    await expect.poll(() => page.getByTestId('dash-monitor-all-due').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('dash-monitor-all-overdue').textContent()).toContain('1');
    await e.shot('monitoring-01-dashboard');
  });

  it('records the due revisit from the list, with the household income and size changed', async () => {
    const page = e.page;
    const list = page.getByTestId('schedule-due');
    // The tiles above settle as their counts arrive; a click during the shift can miss.
    await clickUntil(
      () => page.getByTestId('dash-monitor-all-due').click(),
      () => list.getByText(due.name).isVisible(),
    );
    expect(await list.getByText(overdue.name).count()).toBe(0);
    await e.shot('monitoring-02-due-list');
    const modal = page.getByRole('dialog', { name: `登记回访：${due.name}` });
    await clickUntil(
      () => list.getByTestId('schedule-visit').first().click(),
      () => modal.isVisible(),
    );
    await modal.getByLabel('走访了解到的情况').fill('入户走访，本人在单位做临时工，每月收入约 600 元');
    await modal.getByTestId('visit-changed').click();
    await modal.getByLabel('本人月收入').fill('600');
    // Her mother has moved in: an unmarried worker's parents count, so the household is two.
    await modal.getByTestId('visit-member-add').click();
    await modal.getByTestId('visit-member-name-0').fill('张桂兰');
    await clickUntil(
      () => modal.getByTestId('visit-member-relation-0').click(),
      () => page.locator('.ant-select-dropdown:visible').getByTitle('父母', { exact: true }).isVisible(),
    );
    await page.locator('.ant-select-dropdown:visible').getByTitle('父母', { exact: true }).click();
    await expect.poll(() => modal.getByTestId('preview-size').textContent()).toBe('2 人');
    await modal.getByLabel('发现的问题').fill('孩子下学期学费没有着落');
    await modal.getByLabel('帮扶措施').fill('联系金秋助学，协助申请临时救助');
    await e.shot('monitoring-03-visit-form');
    await modal.getByLabel('帮扶措施').press('Control+Enter');
    await modal.getByTestId('visit-saved').waitFor();
    expect(visitCount()).toBe(1);
    const stored = e.app.db.prepare('SELECT visit_date, visitor, per_capita_after_fen, household_changed FROM file_revisits').get();
    expect(stored).toEqual({ visit_date: today, visitor: STAFF.name, per_capita_after_fen: 30_000, household_changed: 1 });
    const sizes = e.app.db.prepare('SELECT household_size_before AS before, household_size_after AS after FROM file_revisits').get();
    expect(sizes).toEqual({ before: 1, after: 2 });
    expect(await modal.getByTestId('visit-saved').textContent()).toContain(`下次回访：${addMonths(today, 1)}`);
    await e.shot('monitoring-04-visit-saved');
    await modal.getByTestId('visit-done').click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => list.getByText(due.name).count()).toBe(0);
    await page.getByTestId('tab-overdue').click();
    await page.getByTestId('schedule-overdue').getByText(overdue.name).waitFor();
    await e.shot('monitoring-05-overdue');
  });

  it('the month’s ledger printed from the page names the visited worker', async () => {
    const page = e.page;
    await page.getByTestId('tab-ledger').click();
    await expect.poll(() => page.getByTestId('monitor-ledger-done').textContent()).toBe('1');
    await page.getByTestId('monitor-ledger-visits').getByText(due.name).waitFor();
    await e.shot('monitoring-06-ledger');
    // Rendering the PDF can take a while on a loaded machine: the answer is waited for, not the default 15 s.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/monitoring.ledgerPdf'), { timeout: 45_000 });
    await page.getByTestId('monitor-ledger-pdf').click();
    const body = (await (await answer).json()) as ApiResult<{ fileName: string; base64: string }>;
    if (!body.ok) throw new Error(body.error.message);
    expect(body.data.fileName).toBe(`动态监测台账-${today.slice(0, 7)}.pdf`);
    const text = pdfText(body.data.base64);
    expect(text).toContain('动态监测帮扶台账');
    expect(text).toContain(due.name);
    expect(text).toContain(overdue.name);
    await page.getByTestId('pdf-frame').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).first().click();
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
  });

  it('works through the yearly review with its progress', async () => {
    const page = e.page;
    await page.getByTestId('tab-reviews').click();
    const progress = page.getByTestId('review-progress');
    await expect.poll(() => progress.textContent()).toContain('0 / 2');
    await clickUntil(
      () => page.getByTestId('review-table').getByTestId('review-confirm').first().click(),
      async () => ((await progress.textContent()) ?? '').includes('1 / 2'),
    );
    expect((e.app.db.prepare("SELECT count(*) AS n FROM file_yearly_reviews WHERE outcome = 'confirmed'").get() as { n: number }).n).toBe(1);
    await e.shot('monitoring-07-reviews');
  });

  it('the file page shows the visit and the risk timeline', async () => {
    const page = e.page;
    await page.goto(`${e.url}/#/files/${due.id}`);
    const card = page.getByTestId('file-monitoring');
    await card.getByTestId('file-visits').getByText('孩子下学期学费没有着落', { exact: false }).waitFor();
    expect(await card.getByTestId('file-due').textContent()).toBe(addMonths(today, 1));
    await card.getByTestId('file-risk-timeline').getByText('回访核实', { exact: false }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await e.shot('monitoring-08-file');
  });
});
