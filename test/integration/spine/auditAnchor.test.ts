import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, auditAnchor, AUDIT_SUMMARY_MAX, GENESIS_HASH } from '../../../electron/core/audit/chain';
import { DATABASE_FILE } from '../../../electron/core/open';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { maskIdNumber } from '../../../shared/idcard';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';
import { makeCore, tempDir, type TestCore } from '../../fixtures/core';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';

let core: TestCore;
afterEach(() => core?.close());

const auditText = (c: TestCore) => JSON.stringify(c.app.db.prepare('SELECT username, channel, summary FROM audit_log').all());

/** A raw connection to the core's file, as someone with the file would have. */
const rawFile = (c: TestCore) => new Database(path.join(c.dataDir, DATABASE_FILE));

/** Rewrites every row from `fromId` on with freshly computed links and hashes (the chain's own recipe). */
function rehashFrom(raw: Database.Database, fromId: number): void {
  const rows = raw.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(fromId) as Record<string, unknown>[];
  let prev = (raw.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').get(fromId) as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  const update = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const r of rows) {
    const fields = [r.at, r.user_id, r.username, r.channel, r.outcome, r.code, r.summary, r.entity_type, r.entity_id];
    const hash = createHash('sha256').update(prev).update(JSON.stringify(fields)).digest('hex');
    update.run(prev, hash, r.id);
    prev = hash;
  }
}

describe('audit masking', () => {
  it('never stores an ID number or bank card in full, for refused calls too', async () => {
    core = await makeCore();
    const staff = await core.tokenFor(['staff']);
    const input = fakeFileInput(createRng(7), { bankCard: '6222021234567890123' });
    const id = input.idNumber;
    // no session; wrong role; bad input; a duplicate (refused by the handler); then a good create
    await core.call('files.create', { idNumber: id, bankCard: input.bankCard, name: input.name });
    await core.call('files.create', input, await core.tokenFor(['finance']));
    await core.call('files.create', { ...input, workUnit: '' }, staff);
    await core.ok('files.create', input, staff);
    expect(await core.call('files.create', input, staff)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // an unknown channel whose name is an ID number
    await core.call(`files.${id}` as never, {});

    const text = auditText(core);
    const refused = core.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE outcome = 'refused' AND channel LIKE 'files.%'").get() as { n: number };
    expect(refused.n).toBe(5);
    expect(text).not.toContain(id);
    expect(text).not.toContain(id.slice(0, 14)); // not even region + birth date
    expect(text).toContain(maskIdNumber(id));
    expect(text).not.toContain('6222021234567890123');
    expect(text).toContain('6222***********0123');
    for (const m of input.members ?? []) if (m.idNumber) expect(text).not.toContain(m.idNumber);
    expect((await core.ok('audit.verify', {}, core.adminToken)).ok).toBe(true);
  });

  it('masks and bounds what a handler writes itself, at the last gate', async () => {
    core = await makeCore();
    const id = '11010519491231002X';
    const rowId = core.app.db.transaction(() =>
      appendAudit(core.app.db, {
        at: new Date().toISOString(),
        userId: null,
        username: null,
        channel: 'files.update',
        outcome: 'ok',
        code: null,
        summary: `修改档案：身份证 ${id}，卡号 6217000010001234567；${'很长的说明'.repeat(300)}`,
        entityType: null,
        entityId: null,
      }),
    )();
    const { summary } = core.app.db.prepare('SELECT summary FROM audit_log WHERE id = ?').get(rowId) as { summary: string };
    expect(summary).toContain('身份证 110105********002X');
    expect(summary).toContain('卡号 6217***********4567');
    expect([...summary].length).toBe(AUDIT_SUMMARY_MAX);
    expect(summary.endsWith('…')).toBe(true);
    expect((await core.ok('audit.verify', {}, core.adminToken)).ok).toBe(true);
  });
});

describe('audit anchor', () => {
  it('moves with every row and verifies an intact chain', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    const count = (core.app.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const last = core.app.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    expect(auditAnchor(core.app.db)).toEqual({ rowCount: count, lastId: last.id, lastHash: last.hash });
    const v = await core.ok('audit.verify', {}, core.adminToken);
    expect(v).toMatchObject({ ok: true, checked: count, firstBrokenId: null, anchor: { rowCount: count, lastHash: last.hash } });
    expect(v.message).toContain(`${count} 条，末条哈希 ${last.hash.slice(0, 16)}`);
  });

  it('names rows cut from the end of the log, even after new rows were added', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    await core.tokenFor(['finance']);
    const before = auditAnchor(core.app.db)!;
    const raw = rawFile(core);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(before.lastId - 2);
    raw.close();
    const v = await core.ok('audit.verify', {}, core.adminToken);
    expect(v.ok).toBe(false);
    expect(v.checked).toBe(before.rowCount - 2);
    expect(v.firstBrokenId).toBe(before.lastId - 1);
    expect(v.message).toContain(`应有 ${before.rowCount} 条，现只有 ${before.rowCount - 2} 条`);
    expect(v.message).toContain(`第 ${before.lastId - 1} 号至第 ${before.lastId} 号`);
    // The app goes on writing: the gap stays visible.
    await core.tokenFor(['director']);
    const again = await core.ok('audit.verify', {}, core.adminToken);
    expect(again.ok).toBe(false);
    expect(again.message).toContain('有记录被删除');
  });

  it('catches a row changed with the whole chain after it re-hashed', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    await core.tokenFor(['finance']);
    const raw = rawFile(core);
    raw.exec('DROP TRIGGER audit_log_no_update');
    const target = (raw.prepare("SELECT id FROM audit_log WHERE channel = 'users.create' ORDER BY id LIMIT 1").get() as { id: number }).id;
    raw.prepare("UPDATE audit_log SET summary = '新建用户 someone-else' WHERE id = ?").run(target);
    rehashFrom(raw, target);
    raw.close();
    const v = await core.ok('audit.verify', {}, core.adminToken);
    expect(v.ok).toBe(false);
    expect(v.firstBrokenId).toBeNull();
    expect(v.message).toContain('重新计算过哈希');
    expect(v.message).toContain('锚点');
  });

  it('is initialised from the log a database already has', async () => {
    core = await makeCore();
    await core.tokenFor(['staff']);
    const expected = auditAnchor(core.app.db)!;
    const index = MIGRATIONS.findIndex((m) => m.id === '0010_audit_anchor');
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'old.sqlite'));
    await migrate(db, { backupDir: null, now: new Date(), migrations: MIGRATIONS.slice(0, index) });
    db.prepare('ATTACH DATABASE ? AS src').run(path.join(core.dataDir, DATABASE_FILE));
    db.exec('INSERT INTO audit_log SELECT * FROM src.audit_log; DETACH DATABASE src');
    await migrate(db, { backupDir: null, now: new Date() });
    expect(auditAnchor(db)).toEqual(expected);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is printed on the monthly statement', async () => {
    core = await makeCore({ start: new Date('2026-11-20T02:00:00Z') });
    const finance = await core.tokenFor(['finance']);
    const anchor = auditAnchor(core.app.db)!;
    const pdf = await core.ok('ledger.statementPdf', { month: '2026-11' }, finance);
    const text = pdftotext(pdfs.write('statement.pdf', Buffer.from(pdf.base64, 'base64')));
    expect(text).toContain(`审计日志锚点：共 ${anchor.rowCount} 条，末条哈希 ${anchor.lastHash.slice(0, 16)}`);
  });
});

const pdfs = pdfWorkspace('audit-anchor-');
