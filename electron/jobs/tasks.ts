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
import { OFF_THREAD_EXPORTS, type ExportKind, type ExportSpec } from './exports';
import { campaignImportPlan, type CampaignImportJob, type CampaignImportPlan } from './campaignImport';
import { verifyCopy, type CopyCheck } from '../core/backup/verify';
import { CASE_LIST_TASKS } from './caseListTasks';
import { LIST_TASKS } from './listTasks';
import { readOnly } from './readOnly';

export interface StageReport {
  stage: JobStage;
  /** Counted so far / in all, when the stage counts something (rows, lines, percent). */
  done?: number;
  total?: number;
  /** What `done` and `total` count when it is not audit rows (e.g. 行 of an imported sheet). */
  unit?: string;
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
  /** 困难职工档案 and 来访登记 (electron/jobs/caseListTasks.ts). */
  ...CASE_LIST_TASKS,
  /** A registered report or workbook (electron/jobs/exports.ts), read on this task's own snapshot and written (base64). */
  export: async (job: { dbFile: string; kind: ExportKind; args: unknown }, report: Report): Promise<string> => {
    const spec = OFF_THREAD_EXPORTS[job.kind] as unknown as ExportSpec<unknown, unknown>;
    report({ stage: 'reading' });
    const data = readOnly(job.dbFile, (db) => spec.read(db, job.args));
    if (!spec.lines) {
      report({ stage: 'writing' });
      return (await spec.write(data, job.args, () => {})).toString('base64');
    }
    report({ stage: 'layout', done: 0, total: spec.lines(data) });
    return (await spec.write(data, job.args, percentReporter(report))).toString('base64');
  },
  /** A backup copy checked as a restore needs it (integrity, migrations, audit chain): seconds per GB. */
  verifyCopy: async (job: { file: string; knownIds: string[] }, report: Report): Promise<CopyCheck> => {
    report({ stage: 'checking' });
    return verifyCopy(
      job.file,
      job.knownIds.map((id) => ({ id })),
      (lastId, maxId) => report({ stage: 'checking', done: lastId, total: maxId }),
    );
  },
  /** An uploaded 慰问名单 parsed and checked row by row against a snapshot; the door writes the rows. */
  campaignImport: async (job: CampaignImportJob, report: Report): Promise<CampaignImportPlan> => campaignImportPlan(job, report),
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
