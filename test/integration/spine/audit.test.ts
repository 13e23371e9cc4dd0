import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/open';
import { makeCore, type TestCore } from '../../fixtures/core';

let core: TestCore;
afterEach(() => core.close());

describe('audit log', () => {
  it('records writes and refusals in a chain that verifies', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    await core.call('users.list', {}, await core.tokenFor(['staff']));
    const v = await core.ok('audit.verify', {}, core.adminToken);
    expect(v).toMatchObject({ ok: true, firstBrokenId: null });
    expect(v.checked).toBeGreaterThanOrEqual(4);
    const list = await core.ok('audit.list', { page: 1, pageSize: 50 }, core.adminToken);
    const titles = list.rows.map((r) => r.channelTitle);
    expect(titles).toContain('新建用户');
    expect(list.rows.find((r) => r.channel === 'users.list')).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN', username: 'u_staff' });
    expect(JSON.stringify(list.rows)).not.toContain('correct-horse');
  });

  it('names the first tampered row', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    await core.tokenFor(['finance']);
    // Tamper through a separate connection, as someone with the file would: drop the triggers first.
    const raw = new Database(path.join(core.dataDir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update');
    const target = (raw.prepare("SELECT id FROM audit_log WHERE channel = 'users.create' ORDER BY id LIMIT 1").get() as { id: number }).id;
    raw.prepare("UPDATE audit_log SET summary = '新建用户 someone-else' WHERE id = ?").run(target);
    raw.close();
    const v = await core.ok('audit.verify', {}, core.adminToken);
    expect(v.ok).toBe(false);
    expect(v.firstBrokenId).toBe(target);
    expect(v.message).toContain(`第 ${target} 号`);
  });

  it('refuses updates and deletes of audit rows', async () => {
    core = await makeCore();
    expect(() => core.app.db.prepare("UPDATE audit_log SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => core.app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
