// A PC whose clock is years ahead must not date a new setting version by it: the settings page's
// default effective date, and the earliest it offers, come from the server's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickUntil, setupAdmin, startE2e, type E2eApp } from './harness';

let e: E2eApp;
beforeAll(async () => {
  e = await startE2e();
  e.clock.set(new Date('2026-03-10T10:00:00+08:00'));
});
afterAll(async () => {
  await e?.close();
});

describe('the settings page on a PC with a wrong clock', () => {
  it("defaults the effective date to the server's today and saves the version on it", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(new Date('2031-06-01T10:00:00+08:00'));
    await page.goto(e.url);
    await setupAdmin(page);
    await page.goto(`${e.url}#/admin/settings`);
    const effective = page.getByLabel('生效日期');
    await expect.poll(() => effective.inputValue()).toBe('2026-03-10');

    await page.getByLabel('中心名称').fill('城东帮扶中心');
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)');
    await clickUntil(() => page.getByTestId('settings-save').click(), () => confirm.isVisible());
    await confirm.getByRole('button', { name: '保存' }).click();
    await page.getByText('设置已保存').waitFor();
    const history = await page.evaluate(async () => {
      const token = sessionStorage.getItem('centre.token');
      const r = await fetch('/api/settings.history', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
      return ((await r.json()) as { data: { key: string; effectiveFrom: string }[] }).data;
    });
    expect(history.find((h) => h.key === 'centreName')?.effectiveFrom).toBe('2026-03-10');
    await page.screenshot({ path: 'test-results/settings-server-date.png' });
    await page.close();
  });
});
