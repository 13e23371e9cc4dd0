// Long work runs on the worker thread: the door keeps answering cheap calls while a big statement PDF
// renders, the page can follow the job's progress, and the audit check gives the same verdicts.
// Latencies are printed, not asserted (the figures belong to `npm run bench`).
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/open';
import { jobsMode, runJob } from '../../../electron/jobs/pool';
import type { JobProgress } from '../../../shared/contract/jobs';
import { loadJournal } from '../../bench/ledger';
import { makeCore, type TestCore } from '../../fixtures/core';
import { pageCount, pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';

const LINES = 3_000;
const MONTH = '2026-11';
const pdfs = pdfWorkspace('jobs-');

let core: TestCore;
let finance: string;
let staff: string;
beforeAll(async () => {
  core = await makeCore();
  finance = await core.tokenFor(['finance']);
  staff = await core.tokenFor(['staff']);
  loadJournal(core, LINES);
});
afterAll(() => core?.close());

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('long work off the door thread', () => {
  it('runs on a worker thread from the TypeScript source under the tests', () => {
    expect(jobsMode()).toBe('source-worker');
  });

  it('answers cheap calls while a big statement PDF renders, and the job shows its progress', async () => {
    const jobId = 'test-statement-0001';
    let finished = false;
    const started = performance.now();
    const pdf = core.ok('ledger.statementPdf', { month: MONTH, jobId }, finance).finally(() => (finished = true));

    const latencies: number[] = [];
    const seen: JobProgress[] = [];
    while (!finished) {
      const t0 = performance.now();
      await core.ok('auth.me', {}, staff);
      latencies.push(performance.now() - t0);
      const p = await core.ok('jobs.progress', { jobId }, finance);
      if (!finished) seen.push(p);
      await pause(5);
    }
    const file = await pdf;
    const elapsed = performance.now() - started;
    console.log(`[jobs] ${LINES}-line statement PDF ${elapsed.toFixed(0)} ms; ${latencies.length} auth.me calls meanwhile, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);

    // On the main thread the PDF would hold every call until it was done: none could answer in between.
    expect(latencies.length).toBeGreaterThan(5);
    expect(seen.every((p) => p.known)).toBe(true);
    expect(seen.some((p) => p.stage === 'layout' || p.stage === 'writing')).toBe(true);
    expect(seen.some((p) => p.percent > 0 && p.percent < 100)).toBe(true);
    // percent never goes back
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.percent).toBeGreaterThanOrEqual(seen[i - 1]!.percent);
    expect(await core.ok('jobs.progress', { jobId }, finance)).toMatchObject({ known: true, stage: 'done', percent: 100 });
    // another user cannot read the job
    expect(await core.ok('jobs.progress', { jobId }, staff)).toMatchObject({ known: false });

    const written = pdfs.write('statement.pdf', Buffer.from(file.base64, 'base64'));
    expect(pageCount(written)).toBeGreaterThan(20);
    const text = pdftotext(written);
    expect(text).toContain('月度收支明细表');
    const anchor = core.app.db.prepare('SELECT row_count FROM audit_anchor').get() as { row_count: number };
    expect(text).toMatch(new RegExp(`审计日志锚点：共 ${anchor.row_count} 条`));
  });

  it('exports the statement workbook on the worker', async () => {
    const file = await core.ok('ledger.statementXlsx', { month: MONTH, jobId: 'test-xlsx-0001' }, finance);
    expect(file.fileName).toBe(`月度收支明细表-${MONTH}.xlsx`);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('checks the audit chain on the worker: intact, then the changed row named', async () => {
    const jobId = 'test-verify-0001';
    const intact = await core.ok('audit.verify', { jobId }, core.adminToken);
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(3);
    expect(await core.ok('jobs.progress', { jobId }, core.adminToken)).toMatchObject({ known: true, stage: 'done', percent: 100 });

    const raw = new Database(path.join(core.dataDir, DATABASE_FILE));
    const victim = raw.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2').get() as { id: number };
    raw.unsafeMode(true);
    const triggers = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string; sql: string }[];
    for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`);
    raw.prepare("UPDATE audit_log SET summary = summary || '（改）' WHERE id = ?").run(victim.id);
    for (const t of triggers) raw.exec(t.sql);
    raw.close();

    const broken = await core.ok('audit.verify', {}, core.adminToken);
    expect(broken).toMatchObject({ ok: false, firstBrokenId: victim.id });
  });

  it('passes a task failure back as an error of the call', async () => {
    await expect(runJob('auditVerify', { dbFile: path.join(core.dataDir, 'no-such.sqlite') })).rejects.toThrow(/no-such|unable to open|does not exist/);
  });
});
