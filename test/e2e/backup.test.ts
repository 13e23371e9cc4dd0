import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { fakeFileInput } from '../fixtures/files';
import { createRng } from '../fixtures/people';
import { ADMIN, login, setupAdmin, startE2e, type E2eApp, clickUntil } from './harness';

let e: E2eApp;
let staff = '';
const STAFF = { username: 'jiedai', password: 'Staff-pass-2026' };

async function core<T>(channel: string, payload: unknown, token: string): Promise<T> {
  const r = await dispatch(e.app, channel, payload, { token });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}
const fileCount = () => (e.app.db.prepare('SELECT count(*) AS n FROM worker_files').get() as { n: number }).n;

beforeAll(async () => {
  e = await startE2e();
  await setupAdmin(e.page);
  const admin = (await core<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password }, '')).token;
  await core('users.create', { username: STAFF.username, displayName: '刘霞', password: STAFF.password, roles: ['staff'] }, admin);
  staff = (await core<{ token: string }>('auth.login', STAFF, '')).token;
});
afterAll(async () => {
  await e?.close();
});

describe('backup and restore in Chromium', () => {
  it('the dashboard tells the admin there is no verified backup yet', async () => {
    const { page } = e;
    await page.getByTestId('dash-backup-warning').waitFor();
    expect(await page.getByTestId('dash-backup-warning').textContent()).toContain('备份');
    await e.shot('backup-01-dashboard-warning');
  });

  it('admin backs up, a file is added afterwards, the restore takes it away and the audit shows the restore', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: '数据备份' }).click();
    await page.getByTestId('backup-folders').waitFor();
    await e.shot('backup-02-page-empty');
    await page.getByTestId('backup-now').click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '备份完成并已校验' }).waitFor();
    await clickUntil(
      async () => {
        if (await page.getByRole('button', { name: '知道了' }).isVisible()) await page.getByRole('button', { name: '知道了' }).click();
      },
      async () => (await page.locator('.ant-modal-wrap:visible').count()) === 0,
    );
    await expect.poll(() => page.getByTestId('backup-table').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('backup-table').textContent()).toContain('手动');
    await e.shot('backup-03-after-backup');

    await core('files.create', fakeFileInput(createRng(5)), staff);
    expect(fileCount()).toBe(1);

    const id = (e.app.db.prepare("SELECT id FROM backups WHERE kind = 'manual' ORDER BY id DESC LIMIT 1").get() as { id: number }).id;
    await page.getByTestId(`backup-restore-${id}`).click();
    await page.getByTestId('restore-counts').waitFor();
    expect(await page.getByTestId('restore-counts').textContent()).toContain('困难职工档案0');
    // The button stays disabled until the confirmation is typed.
    expect(await page.getByTestId('restore-confirm').isDisabled()).toBe(true);
    await page.getByTestId('restore-confirm-text').fill('确认恢复');
    await e.shot('backup-04-restore-dialog');
    await page.getByTestId('restore-confirm').click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '数据已恢复' }).waitFor();
    await e.shot('backup-05-restored');
    await page.getByRole('button', { name: '重新登录' }).click();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();

    expect(fileCount()).toBe(0);
    // The old session is gone: every user logs in again.
    expect((await dispatch(e.app, 'auth.me', {}, { token: staff })).ok).toBe(false);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain('从备份恢复数据');
    await e.shot('backup-06-audit');
  });
});
