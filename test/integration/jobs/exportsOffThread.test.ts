// The materials and monitoring ledgers, the four reports and the audit log export are read and written
// on the jobs worker (issue 14): each gives the same text or rows as the door's own code did, the page
// can follow it by its job id, and the door answers cheap calls while a big ledger is made.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf } from '../../../shared/api';
import type { JobProgress } from '../../../shared/contract/jobs';
import { localDate } from '../../../shared/dates';
import { auditExportRows } from '../../../electron/core/audit/exportRows';
import { stockLedger } from '../../../electron/core/materials/ledger';
import { monitoringLedger } from '../../../electron/core/monitoring/ledger';
import { petitionStats } from '../../../electron/core/petitions/stats';
import { incomeExpenditure } from '../../../electron/core/reports/incomeExpenditure';
import { reliefReport } from '../../../electron/core/reports/relief';
import { yearSummary } from '../../../electron/core/reports/yearSummary';
import { settingsOn } from '../../../electron/core/settings/store';
import { auditWorkbook } from '../../../electron/export/auditXlsx';
import { monitoringLedgerWorkbook } from '../../../electron/export/monitoringXlsx';
import { incomeExpenditureWorkbook, petitionReportWorkbook, reliefReportWorkbook, yearSummaryWorkbook } from '../../../electron/export/reportsXlsx';
import { stockLedgerWorkbook } from '../../../electron/export/stockLedgerXlsx';
import { jobsMode, runJob } from '../../../electron/jobs/pool';
import type { StageReport } from '../../../electron/jobs/tasks';
import { incomeExpenditureDoc } from '../../../electron/pdf/documents/incomeExpenditure';
import { monitoringLedgerDoc } from '../../../electron/pdf/documents/monitoringLedger';
import { petitionReportDoc } from '../../../electron/pdf/documents/petitionReport';
import { reliefReportDoc } from '../../../electron/pdf/documents/reliefReport';
import { stockLedgerDoc } from '../../../electron/pdf/documents/stockLedger';
import { yearSummaryDoc } from '../../../electron/pdf/documents/yearSummary';
import { renderPdf } from '../../../electron/pdf/render';
import { loadJournal } from '../../bench/ledger';
import { loadStock, STOCK_MONTH } from '../../bench/stock';
import { EXAMPLES } from '../../fixtures/examples';
import { makeCore, type TestCore } from '../../fixtures/core';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';

const MONTH = STOCK_MONTH;
const YEAR = 2026;
const RANGE = { from: '2026-01-01', to: '2026-11-30' };
const pdfs = pdfWorkspace('jobs-exports-');

let core: TestCore;
let reader: string;
let readerName: string;
beforeAll(async () => {
  core = await makeCore();
  reader = await core.tokenFor(['finance', 'staff']);
  readerName = (await core.ok('auth.me', {}, reader)).displayName;
  loadJournal(core, 400);
  loadStock(core, 60, 3);
  await core.ok('files.create', EXAMPLES['files.create'], reader);
}, 120_000);
afterAll(() => core?.close());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
// Printed times move on between two runs; everything else must be the same.
const sameClock = (text: string) => text.replace(/\d{1,2}:\d{2}(:\d{2})?/g, 'hh:mm');

let n = 0;
const pdfText = (bytes: Buffer) => sameClock(pdftotext(pdfs.write(`f${n++}.pdf`, bytes)));
async function workbookRows(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs types predate Node's generic Buffer
  return sameClock(JSON.stringify(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()])));
}

/** What the handler used to do on the door's thread, for the same call. */
function before(): Record<string, () => Promise<Buffer>> {
  const db = core.app.db;
  const now = core.clock.now();
  const settings = settingsOn(db, localDate(now));
  const centre = { centreName: settings.centreName, printedAt: now };
  const prepared = { preparedBy: readerName };
  const today = localDate(now);
  return {
    'materials.ledgerPdf': () => renderPdf(stockLedgerDoc(stockLedger(db, MONTH), { ...settings, printedAt: now }, prepared)),
    'materials.ledgerXlsx': () => stockLedgerWorkbook(stockLedger(db, MONTH), settings.centreName),
    'monitoring.ledgerPdf': () => renderPdf(monitoringLedgerDoc(monitoringLedger(db, settings, MONTH, now))),
    'monitoring.ledgerXlsx': () => monitoringLedgerWorkbook(monitoringLedger(db, settings, MONTH, now)),
    'reports.incomeExpenditurePdf': () => renderPdf(incomeExpenditureDoc(incomeExpenditure(db, MONTH), centre, prepared)),
    'reports.incomeExpenditureXlsx': () => incomeExpenditureWorkbook(incomeExpenditure(db, MONTH), settings.centreName),
    'reports.reliefPdf': () => renderPdf(reliefReportDoc(reliefReport(db, RANGE.from, RANGE.to), centre, prepared)),
    'reports.reliefXlsx': () => reliefReportWorkbook(reliefReport(db, RANGE.from, RANGE.to), settings.centreName),
    'reports.petitionsPdf': () => renderPdf(petitionReportDoc(petitionStats(db, YEAR, today), centre, prepared)),
    'reports.petitionsXlsx': () => petitionReportWorkbook(petitionStats(db, YEAR, today), settings.centreName),
    'reports.yearSummaryPdf': () => renderPdf(yearSummaryDoc(yearSummary(db, YEAR, today), centre, prepared)),
    'reports.yearSummaryXlsx': () => yearSummaryWorkbook(yearSummary(db, YEAR, today), settings.centreName),
  };
}

const CALLS: [Channel, Record<string, unknown>][] = [
  ['materials.ledgerPdf', { month: MONTH }],
  ['materials.ledgerXlsx', { month: MONTH }],
  ['monitoring.ledgerPdf', { month: MONTH }],
  ['monitoring.ledgerXlsx', { month: MONTH }],
  ['reports.incomeExpenditurePdf', { month: MONTH }],
  ['reports.incomeExpenditureXlsx', { month: MONTH }],
  ['reports.reliefPdf', RANGE],
  ['reports.reliefXlsx', RANGE],
  ['reports.petitionsPdf', { year: YEAR }],
  ['reports.petitionsXlsx', { year: YEAR }],
  ['reports.yearSummaryPdf', { year: YEAR }],
  ['reports.yearSummaryXlsx', { year: YEAR }],
];

describe('reports and ledgers on the jobs worker', () => {
  it('runs on a worker thread from the TypeScript source under the tests', () => {
    expect(jobsMode()).toBe('source-worker');
  });

  it.each(CALLS)('%s gives what the door made before, under the page’s job id', async (channel, input) => {
    const jobId = `test-${channel.replace('.', '-')}`;
    const file = (await core.ok(channel, { ...input, jobId } as InputOf<typeof channel>, reader)) as { fileName: string; base64: string };
    const bytes = Buffer.from(file.base64, 'base64');
    const old = await before()[channel]!();
    if (channel.endsWith('Pdf')) {
      expect(file.fileName).toMatch(/\.pdf$/);
      const text = pdfText(bytes);
      expect(text.length).toBeGreaterThan(50);
      expect(text).toBe(pdfText(old));
    } else {
      expect(file.fileName).toMatch(/\.xlsx$/);
      expect(await workbookRows(bytes)).toBe(await workbookRows(old));
    }
    expect(await core.ok('jobs.progress', { jobId }, reader)).toMatchObject({ known: true, stage: 'done', percent: 100 });
  }, 180_000); // the first one waits for the worker's code to load

  it('names every item of the stock ledger, read on the worker’s own connection', async () => {
    const file = await core.ok('materials.ledgerPdf', { month: MONTH }, reader);
    const text = pdftotext(pdfs.write('stock.pdf', Buffer.from(file.base64, 'base64')));
    expect(text).toContain('物资00000');
    expect(text).toContain('物资00059');
    expect(text).toContain('分库2');
  });

  it('exports the audit log rows of the filter on the worker, as the door did', async () => {
    const filter = { outcome: 'ok' as const, from: '2000-01-01' };
    const jobId = 'test-audit-export';
    const file = await core.ok('audit.exportXlsx', { ...filter, jobId }, core.adminToken);
    // The export's own call is audited only after it answers (a read), so the rows are the same.
    const old = await auditWorkbook(auditExportRows(core.app.db, filter), settingsOn(core.app.db, localDate(core.clock.now())).centreName, '2000年1月1日至今');
    expect(await workbookRows(Buffer.from(file.base64, 'base64'))).toBe(await workbookRows(old));
    expect(await core.ok('jobs.progress', { jobId }, core.adminToken)).toMatchObject({ known: true, stage: 'done', percent: 100 });
  });

  it('reports reading, layout and writing of a printed ledger to whoever started it', async () => {
    const stages: StageReport[] = [];
    const settings = settingsOn(core.app.db, localDate(core.clock.now()));
    const args = { month: MONTH, centre: { ...settings, printedAt: core.clock.now() }, preparedBy: readerName };
    await runJob('export', { dbFile: core.app.db.name, kind: 'stockLedgerPdf', args }, (r) => stages.push(r));
    const order = [...new Set(stages.map((s) => s.stage))];
    expect(order).toEqual(['reading', 'layout', 'writing']);
    expect(stages.find((s) => s.stage === 'layout')).toMatchObject({ total: 180 });
    const writing = stages.filter((s) => s.stage === 'writing').map((s) => s.done!);
    expect(writing.length).toBeGreaterThan(1);
    expect(writing).toEqual([...writing].sort((a, b) => a - b));
  });

  it('answers cheap calls while a big stock ledger PDF is made, and the page sees its progress', async () => {
    loadStock(core, 2_000, 2, '2026-10');
    const jobId = 'test-big-stock-ledger';
    let finished = false;
    const started = performance.now();
    const pdf = core.ok('materials.ledgerPdf', { month: '2026-10', jobId }, reader).finally(() => (finished = true));
    const latencies: number[] = [];
    const seen: JobProgress[] = [];
    while (!finished) {
      const t0 = performance.now();
      await core.ok('auth.me', {}, reader);
      latencies.push(performance.now() - t0);
      const p = await core.ok('jobs.progress', { jobId }, reader);
      if (!finished) seen.push(p);
      await pause(5);
    }
    const file = await pdf;
    console.log(
      `[jobs] 4,000-row stock ledger PDF ${(performance.now() - started).toFixed(0)} ms; ${latencies.length} auth.me calls meanwhile, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`,
    );
    // On the door's thread the PDF would hold every call until it was done.
    expect(latencies.length).toBeGreaterThan(5);
    expect(seen.some((p) => p.known && (p.stage === 'layout' || p.stage === 'writing') && p.percent > 0 && p.percent < 100)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.percent).toBeGreaterThanOrEqual(seen[i - 1]!.percent);
    expect(pdftotext(pdfs.write('big-stock.pdf', Buffer.from(file.base64, 'base64')))).toContain('物资01999');
  }, 240_000);
});
