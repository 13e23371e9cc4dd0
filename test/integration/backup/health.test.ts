import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCore, type OpenedCore } from '../../../electron/core/open';
import { dispatch } from '../../../electron/dispatch';
import { RESTORE_CONFIRMATION } from '../../../shared/contract/backup';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { fakeFileInputs } from '../../fixtures/files';
import { corruptMiddle, populate } from './helpers';

let core: TestCore;
let reopened: OpenedCore | null = null;
afterEach(() => {
  if (reopened?.db.open) reopened.db.close();
  reopened = null;
  core?.close();
});

const call = (app: OpenedCore, channel: string, payload: unknown, token: string | null = null) => dispatch(app, channel, payload, { token });

describe('start-up health check', () => {
  it('names a corrupted file and the newest verified backup, serves only login and restore, and heals by a restore', async () => {
    core = await makeCore();
    await populate(core, 3, 20);
    const backup = await core.ok('backup.create', {}, core.adminToken);
    const staff = await core.tokenFor(['staff']);
    await core.ok('files.create', fakeFileInputs(77, 1)[0]!, staff);
    core.app.db.close();
    const file = path.join(core.dataDir, DATABASE_FILE);
    corruptMiddle(file);

    reopened = await openCore(core.dataDir, core.clock);
    const app = reopened;
    expect(app.health.status).toBe('unhealthy');
    expect(app.health.databaseFile).toBe(file);
    expect(app.health.problems[0]).toContain(file);
    expect(app.health.problems[0]).toContain('已损坏');
    expect(app.health.newestVerifiedBackup).toMatchObject({ fileName: backup.fileName, path: backup.path });
    expect(app.health.advice).toContain(backup.fileName);
    // No daily backup of a damaged file (it would push good copies out of the generations).
    expect(app.dailyBackup).toBeNull();

    // The report is public; business channels are refused with a message naming the backup to restore.
    expect(await call(app, 'health.status', {})).toEqual({ ok: true, data: app.health });
    const refused = await call(app, 'files.list', {}, null);
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('数据库启动检查未通过');
      expect(refused.error.message).toContain(backup.fileName);
    }
    // The admin logs in (against the newest backup's accounts) and sees the backup listed.
    const login = await call(app, 'auth.login', { username: 'admin', password: TEST_PASSWORD });
    expect(login.ok).toBe(true);
    const token = login.ok ? (login.data as { token: string }).token : '';
    expect(await call(app, 'dashboard.summary', {}, token)).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    const list = await call(app, 'backup.list', {}, token);
    const listed = list.ok ? (list.data as { records: { id: number; path: string }[] }).records.find((r) => r.path === backup.path) : undefined;
    expect(listed).toBeDefined();

    const restored = await call(app, 'backup.restore', { id: listed!.id, confirm: RESTORE_CONFIRMATION }, token);
    expect(restored).toMatchObject({ ok: true, data: { mustLogInAgain: true, preRestoreBackup: null } });
    const saved = restored.ok ? (restored.data as { damagedFileSavedAs: string }).damagedFileSavedAs : '';
    // The damaged file is kept as it was, under a name no listing takes for a backup.
    expect(path.basename(saved)).toMatch(/^damaged-.*\.sqlite$/);
    expect(fs.existsSync(saved)).toBe(true);
    expect(app.health.status).toBe('ok');
    const again = await call(app, 'auth.login', { username: 'u_staff', password: TEST_PASSWORD });
    const clerk = again.ok ? (again.data as { token: string }).token : '';
    const files = await call(app, 'files.list', { page: 1, pageSize: 50 }, clerk);
    expect(files).toMatchObject({ ok: true, data: { total: 20 } });
    expect(fs.existsSync(path.join(core.dataDir, 'centre-standin.sqlite'))).toBe(false);
  });

  it('reports a file that is not a database at all, and says when there is no backup to restore', async () => {
    core = await makeCore();
    core.app.db.close();
    const file = path.join(core.dataDir, DATABASE_FILE);
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    fs.writeFileSync(file, Buffer.alloc(64 * 1024, 0x37));

    reopened = await openCore(core.dataDir, core.clock);
    expect(reopened.health).toMatchObject({ status: 'unhealthy', newestVerifiedBackup: null });
    expect(reopened.health.problems[0]).toContain(file);
    expect(reopened.health.problems[0]).toContain('无法打开');
    expect(reopened.health.advice).toContain('没有找到校验通过的备份');
    const r = await call(reopened, 'files.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    if (!r.ok) expect(r.error.message).toContain('没有校验通过的备份');
    // The file is left exactly as it was found.
    expect(fs.readFileSync(file).every((b) => b === 0x37)).toBe(true);
  });

  it('reports an audit log that no longer matches its anchor', async () => {
    core = await makeCore();
    await populate(core, 4, 2);
    const db = core.app.db;
    // Rows cut from the end by someone going around the program (the trigger dropped first).
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string }[]).map((t) => t.name);
    for (const t of triggers) db.exec(`DROP TRIGGER "${t}"`);
    db.exec('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)');
    db.close();
    reopened = await openCore(core.dataDir, core.clock);
    expect(reopened.health.status).toBe('unhealthy');
    expect(reopened.health.problems.join('')).toContain('审计日志与锚点不符');
  });

  it('is healthy on a sound file', async () => {
    core = await makeCore();
    expect(core.app.health).toMatchObject({ status: 'ok', problems: [] });
    expect(await core.ok('health.status', {})).toMatchObject({ status: 'ok' });
  });
});
