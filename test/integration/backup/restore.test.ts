import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core/audit/chain';
import { RESTORE_CONFIRMATION } from '../../../shared/contract/backup';
import { fakeFileInputs } from '../../fixtures/files';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { auditHead, contentFingerprint, corruptMiddle, populate, readFile, rowCounts } from './helpers';

let core: TestCore;
afterEach(() => core?.close());

describe('backup and restore', () => {
  it('restores a backup to an identical database, in place, and ends every session', async () => {
    core = await makeCore();
    await populate(core);
    const admin = core.adminToken;
    const backup = await core.ok('backup.create', {}, admin);
    expect(backup).toMatchObject({ kind: 'manual', verified: true, present: true, takenBy: 'admin' });
    expect(backup.fileName).toMatch(/^centre-\d{4}-\d{2}-\d{2}T\d{6}-manual\.sqlite$/);
    expect(path.dirname(backup.path)).toBe(path.join(core.dataDir, 'backups'));
    const inCopy = readFile(backup.path, (db) => ({ counts: rowCounts(db), content: contentFingerprint(db), head: auditHead(db) }));
    // The copy is one self-contained file (no WAL beside it), holding the audit row of its own creation.
    expect(fs.existsSync(`${backup.path}-wal`)).toBe(false);
    expect(readFile(backup.path, (db) => db.prepare("SELECT count(*) AS n FROM audit_log WHERE channel = 'backup.create'").get())).toEqual({ n: 1 });

    // Work after the backup, which the restore must undo.
    const staff = await core.tokenFor(['staff']);
    const later = await core.ok('files.create', fakeFileInputs(99, 1)[0]!, staff);

    const inspection = await core.ok('backup.inspect', { id: backup.id }, admin);
    expect(inspection).toMatchObject({ verified: true, problems: [], counts: { workerFiles: 6, petitions: 0, journalEntries: 1, auditRows: inCopy.head.rowCount } });
    expect(inspection.message).toContain('职工档案 6 份');

    const oldHandle = core.app.db;
    const result = await core.ok('backup.restore', { id: backup.id, confirm: RESTORE_CONFIRMATION }, admin);
    expect(result.mustLogInAgain).toBe(true);
    expect(result.message).toContain('请重新登录');
    expect(result.restoredFrom.path).toBe(backup.path);
    expect(result.preRestoreBackup).toMatchObject({ kind: 'pre-restore', verified: true, present: true });
    expect(result.damagedFileSavedAs).toBeNull();
    // The handle on the shared context was replaced, the old one closed.
    expect(core.app.db).not.toBe(oldHandle);
    expect(oldHandle.open).toBe(false);

    // Identical: every table's rows (the backup list is carried over), and the audit log goes on from the copy's head.
    const db = core.app.db;
    expect(contentFingerprint(db)).toBe(inCopy.content);
    const counts = rowCounts(db);
    for (const [table, n] of Object.entries(inCopy.counts)) {
      if (table === 'backups') continue;
      expect(counts[table], table).toBe(table === 'audit_log' ? n + 1 : n);
    }
    const restoreRow = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as { prev_hash: string; channel: string; summary: string };
    expect(restoreRow.prev_hash).toBe(inCopy.head.lastHash);
    expect(restoreRow.channel).toBe('backup.restore');
    expect(restoreRow.summary).toContain(backup.fileName);
    expect(restoreRow.summary).toContain(path.basename(result.preRestoreBackup!.path));
    expect(verifyAuditChain(db).problem).toBeNull();

    // Every session ended; logging in again works on the restored file, through the same context.
    for (const token of [admin, staff]) expect(await core.call('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const { token } = await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD });
    const clerk = (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
    expect(await core.call('files.get', { id: later.id }, clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = await core.ok('audit.list', { page: 1, pageSize: 5, channel: 'backup.restore' }, token);
    expect(audit.rows[0]!.summary).toContain('恢复了数据库');

    // The list still knows the copy restored from and the pre-restore copy; restoring that brings the later file back.
    const list = await core.ok('backup.list', {}, token);
    expect(list.records.map((r) => r.path)).toEqual(expect.arrayContaining([backup.path, result.preRestoreBackup!.path]));
    const pre = list.records.find((r) => r.path === result.preRestoreBackup!.path)!;
    await core.ok('backup.restore', { id: pre.id, confirm: RESTORE_CONFIRMATION }, token);
    const again = (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
    expect(await core.ok('files.get', { id: later.id }, again)).toMatchObject({ id: later.id });
    // Nothing half-done is left beside the database.
    expect(fs.readdirSync(core.dataDir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('refuses a corrupted copy, says so in Chinese and changes nothing', async () => {
    core = await makeCore();
    await populate(core, 2, 20);
    const admin = core.adminToken;
    const backup = await core.ok('backup.create', {}, admin);
    corruptMiddle(backup.path);
    const handle = core.app.db;
    const before = contentFingerprint(handle);

    const inspection = await core.ok('backup.inspect', { id: backup.id }, admin);
    expect(inspection.verified).toBe(false);
    expect(inspection.message).toContain('不能用来恢复');

    const r = await core.call('backup.restore', { id: backup.id, confirm: RESTORE_CONFIRMATION }, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('RULE');
      expect(r.error.message).toContain(backup.fileName);
      expect(r.error.message).toContain('已损坏或不完整');
      expect(r.error.message).toContain('当前数据没有改动');
    }
    expect(core.app.db).toBe(handle);
    expect(contentFingerprint(core.app.db)).toBe(before);
    // No pre-restore copy was taken, the session still works, the refusal is audited.
    expect(fs.readdirSync(path.join(core.dataDir, 'backups')).filter((f) => f.includes('pre-restore'))).toEqual([]);
    const audit = await core.ok('audit.list', { page: 1, pageSize: 5, channel: 'backup.restore' }, admin);
    expect(audit.rows[0]).toMatchObject({ outcome: 'refused', code: 'RULE' });
    expect(fs.readdirSync(core.dataDir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('asks for the typed confirmation and knows no other backup', async () => {
    core = await makeCore();
    const r = await core.call('backup.restore', { id: 1, confirm: '好的' }, core.adminToken);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toContain(RESTORE_CONFIRMATION);
    expect(await core.call('backup.restore', { id: 999, confirm: RESTORE_CONFIRMATION }, core.adminToken)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
