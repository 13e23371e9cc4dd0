// The list pages' workbooks as jobs-worker tasks: read every row of the page's filter on the task's own
// read-only connection (the same query the list pages through), then write the sheet with progress.
import type { DonationsQuery, PaymentsQuery } from '../../shared/contract/ledger';
import type { DocumentsQuery, StockQuery } from '../../shared/contract/materials';
import type { StockFilter } from '../../shared/stockFilter';
import type { ReliefListQuery } from '../../shared/contract/relief';
import { listDonations, listPayments } from '../core/ledger/lists';
import { filteredStock, listDocuments } from '../core/materials/lists';
import { listRelief, type ReliefViewer } from '../core/relief/list';
import { donationsWorkbook, paymentsWorkbook } from '../export/financeListsXlsx';
import { documentsWorkbook, stockScope, stockWorkbook } from '../export/materialListsXlsx';
import { reliefListWorkbook } from '../export/reliefListXlsx';
import { readOnly } from './readOnly';
import type { Report } from './tasks';

export interface ListJob<Q> {
  dbFile: string;
  centreName: string;
  query: Q;
}

const rowsReporter = (report: Report) => (done: number, total: number) => report({ stage: 'writing', done, total });

export const LIST_TASKS = {
  reliefXlsx: async (job: ListJob<ReliefListQuery> & { viewer: ReliefViewer }, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => listRelief(db, job.query, job.viewer));
    return (await reliefListWorkbook(rows, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
  donationsXlsx: async (job: ListJob<DonationsQuery>, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => listDonations(db, job.query));
    return (await donationsWorkbook(rows, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
  paymentsXlsx: async (job: ListJob<PaymentsQuery>, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => listPayments(db, job.query));
    return (await paymentsWorkbook(rows, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
  /** `today` and `warnDays` judge the alerts as the page did. */
  stockXlsx: async (job: ListJob<StockQuery & StockFilter> & { today: string; warnDays: number }, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => filteredStock(db, job.query, job.today, job.warnDays));
    return (await stockWorkbook(rows, job.centreName, stockScope(rows, job.query), rowsReporter(report))).toString('base64');
  },
  documentsXlsx: async (job: ListJob<DocumentsQuery>, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const docs = readOnly(job.dbFile, (db) => listDocuments(db, job.query));
    return (await documentsWorkbook(docs, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
};

export type ListTaskName = keyof typeof LIST_TASKS;
