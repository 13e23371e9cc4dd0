// The 档案 and 来访 list workbooks as jobs-worker tasks: every row of the page's filter, read on the task's
// own read-only connection with the same query the list pages through, then written with progress.
import { allFiles, type FileFilter } from '../core/files/list';
import { allPetitions, type PetitionFilter } from '../core/petitions/list';
import { fileListWorkbook } from '../export/fileListXlsx';
import { petitionListWorkbook } from '../export/petitionListXlsx';
import type { ListJob } from './listTasks';
import { readOnly } from './readOnly';
import type { Report } from './tasks';

const rowsReporter = (report: Report) => (done: number, total: number) => report({ stage: 'writing', done, total });

export const CASE_LIST_TASKS = {
  filesXlsx: async (job: ListJob<FileFilter> & { minLivingLineFen: number }, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => allFiles(db, job.query, job.minLivingLineFen));
    return (await fileListWorkbook(rows, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
  /** `today` judges overdue as the page did; `me` is the caller, for 只看我经办的. */
  petitionsXlsx: async (job: ListJob<PetitionFilter> & { today: string; me: number }, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => allPetitions(db, job.query, job.today, job.me));
    return (await petitionListWorkbook(rows, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
};
