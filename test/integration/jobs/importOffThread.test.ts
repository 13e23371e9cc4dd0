// A 慰问名单 import is read and checked on the jobs worker and written on the door in one transaction
// (issue 14): the same rows are added as when the door checked them itself, the page can follow the
// check, a write committed while the worker checks makes the door check again (nothing stale is
// written), and a backup copy is verified on the worker.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/contract/campaigns';
import { localDate } from '../../../shared/dates';
import { CheckedWrite, type HandlerContext } from '../../../electron/core/context';
import { handlerFor } from '../../../electron/core/handlers';
import { settingsOn } from '../../../electron/core/settings/store';
import { planImport } from '../../../electron/core/campaigns/importList';
import { getCampaignRow, groupsOf } from '../../../electron/core/campaigns/store';
import { verifyCopy } from '../../../electron/core/backup/verify';
import { verifyCopyOffThread } from '../../../electron/core/backup/verifyOffThread';
import { jobsMode } from '../../../electron/jobs/pool';
import { campaignInput, file, workbook } from '../../fixtures/campaigns';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
const people: { id: number; name: string; idNumber: string }[] = [];

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2027-01-12') });
  staff = await core.tokenFor(['staff']);
  for (let i = 0; i < 6; i++) people.push(await file(core, staff, { workUnit: i % 2 ? '红星机械厂' : '第二棉纺厂' }));
}, 120_000);
afterAll(() => core?.close());

const rowsOf = (ps: typeof people) => ps.map((p, i) => [p.name, p.idNumber, i % 2 ? '红星机械厂' : '第二棉纺厂', '困难企业职工']);
const linesOf = (campaignId: number) =>
  core.app.db.prepare('SELECT file_id, grp, amount_fen, reasons FROM campaign_lines WHERE campaign_id = ? ORDER BY file_id').all(campaignId) as { file_id: number }[];

describe('importing a list on the jobs worker', () => {
  it('checks on the worker and adds the rows the door’s own check plans, with progress for the page', async () => {
    expect(jobsMode()).toBe('source-worker');
    const id = (await core.ok('campaigns.create', campaignInput(), staff)).id;
    const base64 = await workbook(rowsOf(people.slice(0, 4)));
    const c = getCampaignRow(core.app.db, id);
    const planned = planImport({ db: core.app.db, now: core.clock.now() }, c, groupsOf(core.app.db, id), Buffer.from(base64, 'base64'), '上报.xlsx');
    expect(planned.errors).toEqual([]);

    const jobId = 'test-campaign-import';
    const r = await core.ok('campaigns.import', { id, fileName: '上报.xlsx', base64, jobId }, staff);
    expect(r).toMatchObject({ ok: true, added: 4, errors: [] });
    expect(linesOf(id).map((l) => l.file_id)).toEqual(planned.lines.map((l) => l.fileId).sort((a, b) => a - b));
    expect(await core.ok('jobs.progress', { jobId }, staff)).toMatchObject({ known: true, stage: 'done', percent: 100 });
    // one audit row for the call, written with the rows
    const audited = core.app.db.prepare("SELECT summary FROM audit_log WHERE channel = 'campaigns.import' ORDER BY id DESC LIMIT 2").all() as { summary: string }[];
    expect(audited[0]!.summary).toContain('导入“上报.xlsx”4 人');
    expect(audited[1]?.summary ?? '').not.toContain('上报.xlsx');
  });

  it('writes nothing and names the bad rows when any row is bad, as before', async () => {
    const id = (await core.ok('campaigns.create', campaignInput(), staff)).id;
    const base64 = await workbook([...rowsOf(people.slice(0, 2)), ['王五', '110101199001011230', '红星机械厂', '困难企业职工']]);
    const fingerprint = businessFingerprint(core.app);
    const r = await core.ok('campaigns.import', { id, fileName: '有误.xlsx', base64, jobId: 'test-campaign-import-bad' }, staff);
    expect(r).toMatchObject({ ok: false, added: 0 });
    expect(r.errors.map((e) => e.row)).toEqual([4]);
    expect(r.errors[0]!.message).toContain('校验位');
    expect(businessFingerprint(core.app)).toBe(fingerprint);
  });

  it('checks again on the door when something was committed after the worker’s snapshot: a person added meanwhile is refused', async () => {
    const id = (await core.ok('campaigns.create', campaignInput(), staff)).id;
    const base64 = await workbook(rowsOf(people.slice(2, 6)));
    const user = await core.ok('auth.me', {}, staff);
    const now = core.clock.now();
    const ctx: HandlerContext = { ...core.app, app: core.app, user, token: staff, now, settings: settingsOn(core.app.db, localDate(now)), audit: () => {} };
    // dispatch's steps, one at a time: the first step, the worker's check, then a write by someone else, then the write step
    const step = core.app.db.transaction(() => handlerFor('campaigns.import')(ctx, { id, fileName: '同时.xlsx', base64 })).immediate();
    expect(step).toBeInstanceOf(CheckedWrite);
    const apply = await (step as CheckedWrite<ImportResult>).check();
    await core.ok('campaigns.addLine', { id, fileId: people[3]!.id, group: 'hardship', reason: '走访确认生活特别困难，先行列入' }, staff);
    const r = core.app.db.transaction(apply).immediate() as ImportResult;
    expect(r).toMatchObject({ ok: false, added: 0 });
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringContaining('已在本活动名单上')]);
    expect(linesOf(id).map((l) => l.file_id)).toEqual([people[3]!.id]);
  });

  it('never lists a person twice when one is added by hand while the import is checked', async () => {
    const id = (await core.ok('campaigns.create', campaignInput(), staff)).id;
    const base64 = await workbook(rowsOf(people.slice(2, 6)));
    // The import's first step commits and hands the sheet to the worker before this call returns its promise.
    const importing = core.ok('campaigns.import', { id, fileName: '同时.xlsx', base64 }, staff);
    await core.ok('campaigns.addLine', { id, fileId: people[3]!.id, group: 'hardship', reason: '走访确认生活特别困难，先行列入' }, staff);
    const r = await importing;
    expect(r).toMatchObject({ ok: false, added: 0 });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain('已在本活动名单上');
    expect(linesOf(id).map((l) => l.file_id)).toEqual([people[3]!.id]);
  });

  it('refuses on the door when the campaign changed state while the worker checked', async () => {
    const id = (await core.ok('campaigns.create', campaignInput(), staff)).id;
    await core.ok('campaigns.addLine', { id, fileId: people[0]!.id, group: 'hardship', reason: '走访确认生活特别困难，先行列入' }, staff);
    const base64 = await workbook(rowsOf(people.slice(1, 3)));
    const importing = core.call('campaigns.import', { id, fileName: '晚了.xlsx', base64 }, staff);
    await core.ok('campaigns.submit', { id }, staff);
    const r = await importing;
    expect(r.ok).toBe(false);
    expect(linesOf(id).map((l) => l.file_id)).toEqual([people[0]!.id]);
  });
});

describe('backup verification on the jobs worker', () => {
  it('gives the same verdict as on the door, for a good copy and a damaged one', async () => {
    const backup = await core.ok('backup.create', { jobId: 'test-backup-create' }, core.adminToken);
    expect(backup.verified).toBe(true);
    // the admin's page followed the check of the new copy
    expect(await core.ok('jobs.progress', { jobId: 'test-backup-create' }, core.adminToken)).toMatchObject({ known: true, stage: 'done', percent: 100 });
    expect((await core.ok('backup.inspect', { id: backup.id, jobId: 'test-backup-inspect' }, core.adminToken)).verified).toBe(true);
    expect(await core.ok('jobs.progress', { jobId: 'test-backup-inspect' }, core.adminToken)).toMatchObject({ known: true, stage: 'done', percent: 100 });
    const worker = await verifyCopyOffThread(backup.path);
    expect(worker).toEqual(verifyCopy(backup.path));
    expect(worker.ok).toBe(true);

    const damaged = path.join(path.dirname(backup.path), 'damaged-copy.sqlite');
    const bytes = fs.readFileSync(backup.path);
    bytes.fill(0x55, 4096 * 3, 4096 * 6); // three pages in the middle of the file
    fs.writeFileSync(damaged, bytes);
    const bad = await verifyCopyOffThread(damaged);
    expect(bad.ok).toBe(false);
    expect(bad).toEqual(verifyCopy(damaged));
    expect(bad.problems.join('')).toMatch(/损坏/);
  });
});
