// Printed reports and workbooks the worker reads and writes itself (issue 14): each reads its figures
// on the task's own read-only connection, then lays out and writes the file. Only the small arguments
// cross threads. Add a long export here and call runExport from its handler.
import type { Settings } from '../../shared/settings';
import { auditExportRows } from '../core/audit/exportRows';
import type { AuditFilter } from '../core/audit/filter';
import { stockLedger } from '../core/materials/ledger';
import { monitoringLedger } from '../core/monitoring/ledger';
import { petitionStats } from '../core/petitions/stats';
import { incomeExpenditure } from '../core/reports/incomeExpenditure';
import { reliefReport } from '../core/reports/relief';
import { yearSummary } from '../core/reports/yearSummary';
import type { Db } from '../db/open';
import { auditWorkbook } from '../export/auditXlsx';
import { monitoringLedgerWorkbook } from '../export/monitoringXlsx';
import { incomeExpenditureWorkbook, petitionReportWorkbook, reliefReportWorkbook, yearSummaryWorkbook } from '../export/reportsXlsx';
import { stockLedgerWorkbook } from '../export/stockLedgerXlsx';
import type { ReceiptCentre } from '../pdf/documents/donationReceipt';
import { incomeExpenditureDoc, type ReportCentre } from '../pdf/documents/incomeExpenditure';
import { monitoringLedgerDoc } from '../pdf/documents/monitoringLedger';
import { petitionReportDoc } from '../pdf/documents/petitionReport';
import { reliefReportDoc } from '../pdf/documents/reliefReport';
import { stockLedgerDoc } from '../pdf/documents/stockLedger';
import { yearSummaryDoc } from '../pdf/documents/yearSummary';
import { renderPdf } from '../pdf/render';

export interface ExportSpec<A, D> {
  read(db: Db, args: A): D;
  /** Rows a PDF lays out (drives the layout estimate); absent for workbooks, which have no layout stage. */
  lines?(data: D): number;
  write(data: D, args: A, onWriting: (fraction: number) => void): Promise<Buffer>;
}

const spec = <A, D>(s: ExportSpec<A, D>): ExportSpec<A, D> => s;

interface Printed {
  centre: ReportCentre;
  preparedBy: string;
}
interface Exported {
  centreName: string;
}

export const OFF_THREAD_EXPORTS = {
  /** 物资收发存月报: one row per item and location. */
  stockLedgerPdf: spec({
    read: (db, a: { month: string; centre: ReceiptCentre; preparedBy: string }) => stockLedger(db, a.month),
    lines: (l) => l.rows.length,
    write: (l, a, onWriting) => renderPdf(stockLedgerDoc(l, a.centre, { preparedBy: a.preparedBy }), { onWriting }),
  }),
  stockLedgerXlsx: spec({ read: (db, a: Exported & { month: string }) => stockLedger(db, a.month), write: (l, a) => stockLedgerWorkbook(l, a.centreName) }),
  /** 动态监测月台账: due, done and overdue revisits, risk changes and exits of the month. */
  monitoringLedgerPdf: spec({
    read: (db, a: { month: string; settings: Settings; now: Date }) => monitoringLedger(db, a.settings, a.month, a.now),
    lines: (l) => l.due.length + l.done.length + l.overdue.length + l.riskChanges.length + l.exits.length,
    write: (l, _a, onWriting) => renderPdf(monitoringLedgerDoc(l), { onWriting }),
  }),
  monitoringLedgerXlsx: spec({
    read: (db, a: { month: string; settings: Settings; now: Date }) => monitoringLedger(db, a.settings, a.month, a.now),
    write: (l) => monitoringLedgerWorkbook(l),
  }),
  incomeExpenditurePdf: spec({
    read: (db, a: Printed & { month: string }) => incomeExpenditure(db, a.month),
    lines: (r) => r.income.length + r.expense.length,
    write: (r, a, onWriting) => renderPdf(incomeExpenditureDoc(r, a.centre, { preparedBy: a.preparedBy }), { onWriting }),
  }),
  incomeExpenditureXlsx: spec({ read: (db, a: Exported & { month: string }) => incomeExpenditure(db, a.month), write: (r, a) => incomeExpenditureWorkbook(r, a.centreName) }),
  reliefReportPdf: spec({
    read: (db, a: Printed & { from: string; to: string }) => reliefReport(db, a.from, a.to),
    lines: (r) => r.byCategory.length + r.byUnit.length + r.byMonth.length + r.byApprover.length,
    write: (r, a, onWriting) => renderPdf(reliefReportDoc(r, a.centre, { preparedBy: a.preparedBy }), { onWriting }),
  }),
  reliefReportXlsx: spec({ read: (db, a: Exported & { from: string; to: string }) => reliefReport(db, a.from, a.to), write: (r, a) => reliefReportWorkbook(r, a.centreName) }),
  petitionReportPdf: spec({
    read: (db, a: Printed & { year: number; today: string }) => petitionStats(db, a.year, a.today),
    lines: (s) => s.rows.length,
    write: (s, a, onWriting) => renderPdf(petitionReportDoc(s, a.centre, { preparedBy: a.preparedBy }), { onWriting }),
  }),
  petitionReportXlsx: spec({ read: (db, a: Exported & { year: number; today: string }) => petitionStats(db, a.year, a.today), write: (s, a) => petitionReportWorkbook(s, a.centreName) }),
  yearSummaryPdf: spec({
    read: (db, a: Printed & { year: number; today: string }) => yearSummary(db, a.year, a.today),
    lines: (y) => y.money.income.length + y.money.expense.length + y.relief.byCategory.length,
    write: (y, a, onWriting) => renderPdf(yearSummaryDoc(y, a.centre, { preparedBy: a.preparedBy }), { onWriting }),
  }),
  yearSummaryXlsx: spec({ read: (db, a: Exported & { year: number; today: string }) => yearSummary(db, a.year, a.today), write: (y, a) => yearSummaryWorkbook(y, a.centreName) }),
  /** 审计日志 of the page's filter (at most AUDIT_EXPORT_LIMIT rows, checked by the handler). */
  auditXlsx: spec({ read: (db, a: Exported & { filter: AuditFilter; scope: string }) => auditExportRows(db, a.filter), write: (rows, a) => auditWorkbook(rows, a.centreName, a.scope) }),
};

export type ExportKind = keyof typeof OFF_THREAD_EXPORTS;
export type ExportArgs<K extends ExportKind> = Parameters<(typeof OFF_THREAD_EXPORTS)[K]['read']>[1];
