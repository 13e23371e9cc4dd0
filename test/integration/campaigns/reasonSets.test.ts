// Migration 0024: a built line's reasons are a stored set; lines written before it keep their own text
// and read exactly as they did, approved lists untouched. The build's per-line guard, set aside while it
// writes, is back afterwards whatever happens.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerFileInput } from '../../../shared/contract/files';
import { buildList, withoutDraftGuard } from '../../../electron/core/campaigns/evaluate';
import { LINE_SELECT, toLine, type LineRow } from '../../../electron/core/campaigns/rows';
import { getCampaignRow, groupsOf } from '../../../electron/core/campaigns/store';
import { writeFile } from '../../../electron/core/files/store';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { campaignInput, poorInput } from '../../fixtures/campaigns';
import { makeCore, tempDir } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

const NOW = new Date('2026-12-01T01:00:00Z');

describe('campaign reason sets (migration 0024)', () => {
  it('leaves the lines written before it as they were, and they read the same', async () => {
    const dir = tempDir('campaign-reasons-');
    try {
      const db = openDatabase(path.join(dir, 'centre.sqlite'));
      const upTo = MIGRATIONS.findIndex((m) => m.id === '0024_campaign_reason_sets');
      await migrate(db, { backupDir: null, now: NOW, migrations: MIGRATIONS.slice(0, upTo) });
      db.prepare("INSERT INTO users (id, username, display_name, password_hash, password_salt, created_at) VALUES (1, 'c', '办事员', 'x', 'x', '2026-10-01T00:00:00Z')").run();
      const files = [0, 1, 2].map(() => writeFile(db, null, workerFileInput.parse(poorInput()), 1, NOW.toISOString()));
      const campaign = Number(
        db
          .prepare("INSERT INTO campaigns (number, name, kind, start_date, end_date, fund_id, budget_fen, created_by, created_at) VALUES ('WW-2026-0001', '送温暖', 'warmth', '2026-01-10', '2026-02-05', 1, 10000000, 1, ?)")
          .run(NOW.toISOString()).lastInsertRowid,
      );
      const line = db.prepare('INSERT INTO campaign_lines (campaign_id, file_id, grp, amount_fen, source, reasons, exceptions, added_by, added_at) VALUES (?, ?, ?, 50000, ?, ?, ?, 1, ?)');
      line.run(campaign, files[0], 'hardship', 'criteria', JSON.stringify(['家庭人均收入在低保线 150% 以内']), '[]', NOW.toISOString());
      line.run(campaign, files[1], 'hardship', 'criteria', JSON.stringify(['家庭人均收入在低保线 150% 以内', '上年度已慰问，但档案为红色预警（困难加剧），仍列入']), '[]', NOW.toISOString());
      line.run(campaign, files[2], 'model_city', 'manual', JSON.stringify(['手工添加：走访确认']), JSON.stringify(['档案不符合条件']), NOW.toISOString());
      db.prepare("UPDATE campaigns SET status = 'approved', approved_date = '2026-01-20' WHERE id = ?").run(campaign);
      const stored = db.prepare('SELECT * FROM campaign_lines ORDER BY id').all() as Record<string, unknown>[];
      // What the lines said before: their own columns, as the reader before 0024 parsed them.
      const before = stored.map((r) => ({ fileId: r.file_id, group: r.grp, amountFen: r.amount_fen, source: r.source, reasons: JSON.parse(r.reasons as string) as string[], exceptions: JSON.parse(r.exceptions as string) as string[] }));

      await migrate(db, { backupDir: null, now: NOW });
      const after = (db.prepare(`${LINE_SELECT} WHERE l.campaign_id = ? ORDER BY l.id`).all(campaign) as LineRow[]).map(toLine);
      expect(after.map(({ fileId, group, amountFen, source, reasons, exceptions }) => ({ fileId, group, amountFen, source, reasons, exceptions }))).toEqual(before);
      expect(after.map((l) => l.reasons)).toEqual([
        ['家庭人均收入在低保线 150% 以内'],
        ['家庭人均收入在低保线 150% 以内', '上年度已慰问，但档案为红色预警（困难加剧），仍列入'],
        ['手工添加：走访确认'],
      ]);
      // Not rewritten: every old column as it was, the new one empty.
      expect(db.prepare('SELECT * FROM campaign_lines ORDER BY id').all()).toEqual(stored.map((r) => ({ ...r, reason_set_id: null })));
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a built line with its set, once per distinct set, and keeps the sets as they are', async () => {
    const core = await makeCore({ start: shanghai('2027-01-12') });
    try {
      const staff = await core.tokenFor(['staff']);
      for (let i = 0; i < 4; i++) await core.ok('files.create', poorInput(), staff);
      const c = await core.ok('campaigns.create', campaignInput(), staff);
      const built = await core.ok('campaigns.build', { id: c.id, workUnit: '' }, staff);
      expect(built.added).toBe(4);
      const db = core.app.db;
      expect(db.prepare("SELECT count(*) AS n FROM campaign_lines WHERE campaign_id = ? AND reasons = '' AND reason_set_id IS NOT NULL").get(c.id)).toEqual({ n: 4 });
      const lines = (await core.ok('campaigns.lines', { id: c.id, page: 1, pageSize: 10 }, staff)).rows;
      expect(new Set(lines.map((l) => JSON.stringify(l.reasons))).size).toBe(1);
      expect(lines[0]!.reasons[0]).toContain('低保线 150%');
      expect(() => db.prepare("UPDATE campaign_reason_sets SET reasons = '[]'").run()).toThrow(/immutable/);
      expect(() => db.prepare('DELETE FROM campaign_reason_sets').run()).toThrow(/immutable/);
    } finally {
      core.close();
    }
  });

  it('puts the per-line guard back when a build cannot write', async () => {
    const core = await makeCore({ start: shanghai('2027-01-12') });
    try {
      const staff = await core.tokenFor(['staff']);
      const c = await core.ok('campaigns.create', campaignInput(), staff);
      const db = core.app.db;
      const guard = () => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'campaign_lines_insert'").get();
      const before = guard();
      expect(before).toBeDefined();
      db.prepare("UPDATE campaigns SET status = 'pending_director' WHERE id = ?").run(c.id);
      expect(() => buildList(db, getCampaignRow(db, c.id), groupsOf(db, c.id), 78_000, '', { userId: 1, at: NOW.toISOString() })).toThrow(/change only while/);
      expect(guard()).toEqual(before);
      // A write that fails once the guard is down rolls back to it.
      db.prepare("UPDATE campaigns SET status = 'draft' WHERE id = ?").run(c.id);
      expect(() =>
        withoutDraftGuard(db, c.id, () => {
          expect(guard()).toBeUndefined();
          throw new Error('写入失败');
        }),
      ).toThrow('写入失败');
      expect(guard()).toEqual(before);
    } finally {
      core.close();
    }
  });
});
