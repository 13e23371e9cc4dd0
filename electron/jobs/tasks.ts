// The long pieces of work a worker thread runs (electron/jobs/worker.ts), or the main thread when no
// worker can start (electron/jobs/pool.ts). Inputs and outputs are plain data: each task opens its own
// read-only connection to the database file, so nothing big is copied between threads.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { JobStage } from '../../shared/contract/jobs';
import { auditAnchor, verifyAuditChain, type AuditChainCheck } from '../core/audit/chain';
import { monthlyStatement } from '../core/ledger/reports';
import { statementWorkbook } from '../export/statementXlsx';
import { monthlyStatementDoc, type MonthlyStatementCentre } from '../pdf/documents/monthlyStatement';
import { renderPdf } from '../pdf/render';
import { OFF_THREAD_DOCUMENTS, type OffThreadDocument } from './documents';
import { LIST_TASKS } from './listTasks';
import { readOnly } from './readOnly';

export interface StageReport {
  stage: JobStage;
  /** Counted so far / in all, when the stage counts something (rows, lines, percent). */
  done?: number;
  total?: number;
}
export type Report = (r: StageReport) => void;

export interface StatementJob {
  dbFile: string;
  month: string;
  centre: MonthlyStatementCentre;
  preparedBy: string;
}

/** Reports the writing fraction once per whole percent: a message per laid-out item would flood the port. */
function percentReporter(report: Report): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent !== last) {
      last = percent;
      report({ stage: 'writing', done: percent, total: 100 });
    }
  };
}

export const TASKS = {
  /** 月度收支明细表 as PDF (base64), with the audit anchor read in the same snapshot as the figures. */
  statementPdf: async (job: StatementJob, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const { statement, anchor } = readOnly(job.dbFile, (db) => ({ statement: monthlyStatement(db, job.month), anchor: auditAnchor(db) }));
    const lines = statement.funds.reduce((n, f) => n + f.lines.length, 0) + statement.materials.length;
    report({ stage: 'layout', done: 0, total: lines });
    const doc = monthlyStatementDoc(statement, job.centre, { preparedBy: job.preparedBy, auditAnchor: anchor ?? undefined });
    return (await renderPdf(doc, { onWriting: percentReporter(report) })).toString('base64');
  },
  /** 月度收支明细表 as an Excel workbook (base64). */
  statementXlsx: async (job: Omit<StatementJob, 'preparedBy'>, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const statement = readOnly(job.dbFile, (db) => monthlyStatement(db, job.month));
    report({ stage: 'writing' });
    return (await statementWorkbook(statement, job.centre.centreName)).toString('base64');
  },
  /** A registered document (electron/jobs/documents.ts) built from its arguments and rendered (base64). */
  document: async (job: { document: OffThreadDocument; args: unknown[] }, report: Report): Promise<string> => {
    const build = OFF_THREAD_DOCUMENTS[job.document] as (...args: unknown[]) => TDocumentDefinitions;
    report({ stage: 'layout' });
    return (await renderPdf(build(...job.args), { onWriting: percentReporter(report) })).toString('base64');
  },
  /** The list pages' workbooks (relief, donations, payments): every row of the page's filter. */
  ...LIST_TASKS,
  /** The whole audit chain against its anchor, reporting rows walked out of the highest id. */
  auditVerify: async (job: { dbFile: string }, report: Report): Promise<AuditChainCheck> => {
    report({ stage: 'checking', done: 0, total: 0 });
    return readOnly(job.dbFile, (db) => verifyAuditChain(db, (_checked, lastId, maxId) => report({ stage: 'checking', done: lastId, total: maxId })));
  },
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;

/** Runs a task where the caller is (the worker, or the main thread as the fallback). */
export function runTask<K extends TaskName>(task: K, input: TaskInput<K>, report: Report): Promise<TaskOutput<K>> {
  const run = TASKS[task] as (input: TaskInput<K>, report: Report) => Promise<TaskOutput<K>>;
  return run(input, report);
}
