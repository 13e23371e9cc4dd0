import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logout, setupAdmin, startE2e, type E2eApp } from './harness';

/** The largest a script may be, uncompressed: the issue found one 6.5 MB script on the login page. */
const MAX_SCRIPT_BYTES = 1.5 * 1024 * 1024;

interface Loaded {
  url: string;
  encoding: string | undefined;
  bytes: number;
}

let e: E2eApp;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

describe('what the first screen downloads', () => {
  it('is minified, split by page and compressed', async () => {
    // A page of its own, listening before it navigates (the harness's page has loaded already).
    const page = await e.browser.newPage({ locale: 'zh-CN' });
    const scripts: Loaded[] = [];
    const pending: Promise<void>[] = [];
    const onResponse = (r: Response) => {
      if (r.request().resourceType() !== 'script') return;
      pending.push((async () => void scripts.push({ url: r.url(), encoding: r.headers()['content-encoding'], bytes: (await r.body()).length }))());
    };
    page.on('response', onResponse);
    await page.goto(e.url);
    await page.getByText('首次使用：创建管理员账号').waitFor();
    await Promise.all(pending);

    const entry = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src ?? '');
    const entryScript = scripts.find((s) => s.url === entry);
    expect(entryScript, `entry ${entry} among ${scripts.map((s) => s.url).join(', ')}`).toBeDefined();
    expect(entryScript!.bytes).toBeLessThan(MAX_SCRIPT_BYTES);
    for (const s of scripts) {
      expect(s.bytes, s.url).toBeLessThan(MAX_SCRIPT_BYTES);
      // Files under 1 KB are sent as they are (the header would cost more than it saves).
      if (s.bytes >= 1024) expect(['br', 'gzip'], s.url).toContain(s.encoding);
    }
    // No page's own code comes with the first screen: pages load on first visit.
    expect(scripts.filter((s) => /Page-[\w-]+\.js$/.test(s.url))).toEqual([]);

    const before = scripts.length;
    await setupAdmin(page);
    await page.getByText('工作台').first().waitFor();
    await expect.poll(() => scripts.slice(before).some((s) => /DashboardPage-[\w-]+\.js$/.test(s.url))).toBe(true);
    await logout(page);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.screenshot({ path: 'test-results/load-size-login.png' });
    page.off('response', onResponse);
    await page.close();
  });
});
