import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, logout, setupAdmin, startE2e, type E2eApp } from './harness';

let e: E2eApp;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

describe('spine in Chromium', () => {
  it('first run → admin creates a staff user → staff cannot manage users', async () => {
    const { page } = e;
    await page.getByText('首次使用：创建管理员账号').waitFor();
    await e.shot('spine-01-setup');
    await setupAdmin(page);
    await e.shot('spine-02-dashboard-admin');

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名（登录用）').fill('liuxia');
    await dialog.getByLabel('姓名').fill('刘霞');
    await dialog.getByLabel('初始密码（至少 8 位）').fill('Staff-pass-2026');
    await e.shot('spine-03-create-user');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'liuxia' }).waitFor();
    await e.shot('spine-04-users');

    await logout(page);
    await e.shot('spine-05-login');
    await login(page, 'liuxia', 'Staff-pass-2026');
    expect(await page.getByTestId('current-user').textContent()).toBe('刘霞');
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);

    await page.goto(`${e.url}/#/admin/users`);
    await page.getByText('无权访问').waitFor();
    await e.shot('spine-06-staff-forbidden');
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
  });

  it('a wrong password is refused in Chinese', async () => {
    const { page } = e;
    await logout(page);
    await page.getByLabel('用户名').fill('liuxia');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(/用户名或密码错误/).waitFor();
    await e.shot('spine-07-wrong-password');
  });
});
