import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AdjustableClock } from '../../electron/core/clock';
import type { AppContext } from '../../electron/core/context';
import { openCore } from '../../electron/core/open';
import { startBrowserDoor } from '../../electron/server';
import { tempDir } from '../fixtures/core';

export const RESULTS_DIR = path.resolve('test-results');
const RENDERER_DIR = path.resolve('out/renderer');

export interface E2eApp {
  url: string;
  app: AppContext;
  clock: AdjustableClock;
  browser: Browser;
  page: Page;
  /** Saves a screenshot as test-results/<name>.png. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The browser door on a fresh temp database, with Debian's Chromium pointed at it. */
export async function startE2e(): Promise<E2eApp> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const dataDir = tempDir('centre-e2e-');
  const clock = new AdjustableClock();
  const app = await openCore(dataDir, clock);
  const door = await startBrowserDoor(app, { staticDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  // Reduced motion turns antd's animations off, so a click never lands on a dialog still zooming in.
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  page.setDefaultTimeout(15_000);
  await page.goto(door.url);
  return {
    url: door.url,
    app,
    clock,
    browser,
    page,
    shot: async (name) => {
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await door.close();
      app.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Admin-pass-2026' };

/** Runs the first-run screen, leaving the admin logged in. */
export async function setupAdmin(page: Page): Promise<void> {
  await page.getByLabel('管理员用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码（至少 8 位）').fill(ADMIN.password);
  await page.getByLabel('再次输入密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

/**
 * Waits until no popover or popconfirm is showing. antd fades a closed popconfirm out over a moment,
 * and clicking "确定" in that moment would hit the old one, so every confirmed step waits for this first.
 */
export async function popoversClosed(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-popover:not(.ant-popover-hidden)').length === 0, undefined, { timeout: 15_000 });
}

/**
 * Clicks `click` until `done` holds (at most three tries). Under a loaded CI machine a click that lands
 * while an antd modal or popconfirm is still animating in is now and then dropped; a clerk would simply
 * click again, and so does the test — but the outcome itself must still come about.
 */
export async function clickUntil(click: () => Promise<void>, done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await click();
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if (await done()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (attempt === 3) throw new Error('the click did not take effect after three tries');
  }
}
