import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINTED_DOCUMENTS } from '../../../electron/pdf/samples';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { household, INCOME, makeWorld, singleFile, visit, type MonitoringWorld } from './setup';

const pdfs = pdfWorkspace('monitoring-ledger-');
let w: MonitoringWorld;
const f = {} as Record<'visited' | 'missed' | 'flagged' | 'exited' | 'later' | 'late', { id: number; name: string }>;

const ids = (rows: ({ fileId: number } | { id: number })[]) => rows.map((r) => ('fileId' in r ? r.fileId : r.id)).sort((a, b) => a - b);

beforeAll(async () => {
  w = await makeWorld('2026-09-10');
  f.visited = await singleFile(w, INCOME.none);
  f.missed = await singleFile(w, INCOME.none);
  f.flagged = await singleFile(w, INCOME.comfortable);
  f.exited = await singleFile(w, INCOME.comfortable);
  f.later = await singleFile(w, INCOME.comfortable); // due in March
  f.late = await singleFile(w, INCOME.none);
  await w.ok('staff', 'monitoring.recordVisit', visit(f.late.id, '2026-09-10', { nextDate: '2026-10-10' }));
  await w.at('2026-10-08');
  await w.ok('staff', 'monitoring.recordVisit', visit(f.visited.id, '2026-10-08', { household: household(INCOME.orange), problems: '孩子上学费用', helpArranged: '转介助学' }));
  await w.ok('staff', 'monitoring.setWarning', { fileId: f.flagged.id, flag: 'red', reason: '突发重病住院' });
  await w.ok('director', 'files.exit', { id: f.exited.id, reason: '已稳定就业，收入超过低保线两倍' });
  await w.at('2026-11-03');
  // Due on 10 October, visited only on 2 November: the schedule today has moved on to December.
  await w.ok('staff', 'monitoring.recordVisit', visit(f.late.id, '2026-11-02'));
});
afterAll(() => w.core.close());

describe('monthly monitoring ledger (台账)', () => {
  it('lists the month’s due, done and overdue revisits, changes of risk and exits', async () => {
    const l = await w.ok('staff', 'monitoring.ledger', { month: '2026-10' });
    // The red warning on 8 October brought the flagged file's revisit forward to 10 October.
    expect(ids(l.due)).toEqual(ids([f.missed, f.flagged, f.late, f.visited]));
    // Visited two days ahead of its first due date (a month from creation): due and done in time.
    expect(l.due.find((r) => r.fileId === f.visited.id)).toMatchObject({ dueDate: '2026-10-10', overdueDays: 0 });
    expect(l.done.map((v) => [v.fileId, v.visitDate])).toEqual([[f.visited.id, '2026-10-08']]);
    expect(ids(l.overdue)).toEqual(ids([f.missed, f.flagged, f.late]));
    // Late by 23 days when it was made; 21 days overdue at the end of October.
    expect(l.due.find((r) => r.fileId === f.late.id)).toMatchObject({ dueDate: '2026-10-10', lastVisitDate: '2026-09-10', overdueDays: 23 });
    expect(l.overdue.find((r) => r.fileId === f.late.id)).toMatchObject({ dueDate: '2026-10-10', overdueDays: 21 });
    expect(l.riskChanges.map((e) => [e.fileId, e.warningBefore, e.warningAfter])).toEqual([
      [f.visited.id, null, 'orange'],
      [f.flagged.id, null, 'red'],
    ]);
    expect(l.exits.map((e) => [e.fileId, e.kind])).toEqual([[f.exited.id, 'exit']]);
    const empty = await w.ok('staff', 'monitoring.ledger', { month: '2026-08' });
    expect([empty.due, empty.done, empty.overdue, empty.riskChanges, empty.exits].every((x) => x.length === 0)).toBe(true);
    const next = await w.ok('staff', 'monitoring.ledger', { month: '2026-11' });
    expect(ids(next.due)).toEqual([f.visited.id]);
    expect(next.done.map((v) => v.fileId)).toEqual([f.late.id]);
    expect(next.overdue.map((r) => r.fileId)).not.toContain(f.late.id);
  });

  it('prints as a PDF naming the visited worker and the overdue one', async () => {
    const pdf = await w.ok('staff', 'monitoring.ledgerPdf', { month: '2026-10' });
    expect(pdf.fileName).toBe('动态监测台账-2026-10.pdf');
    const text = pdftotext(pdfs.write('ledger.pdf', Buffer.from(pdf.base64, 'base64')));
    expect(text).toContain('动态监测帮扶台账');
    expect(text).toContain(f.visited.name);
    expect(text).toContain(f.missed.name);
    expect(text).toContain('转介助学');
  });

  it('exports the same ledger to Excel', async () => {
    const x = await w.ok('staff', 'monitoring.ledgerXlsx', { month: '2026-10' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain(f.visited.name);
    expect(cells).toContain(f.missed.name);
  });
});

describe('the sample ledger', () => {
  it('is registered with the printed samples and shows its visits and exits', async () => {
    const sample = PRINTED_DOCUMENTS.find((d) => d.file === 'monitoring-ledger.pdf');
    expect(sample?.title).toBe('动态监测帮扶台账');
    const text = pdftotext(pdfs.write('sample.pdf', await sample!.build()));
    expect(text).toContain('重阳节走访');
    expect(text).toContain('李桂兰');
    expect(text).toContain('赵德明');
  });
});
