// The 档案 and 来访 list workbooks as jobs-worker tasks: every row of the page's filter, read on the task's
// own read-only connection with the same query the list pages through, then written with progress. The
// count against the export limit is made here too, so a wide filter is never counted on the door's thread.
import { LIST_EXPORT_LIMIT } from '../../shared/contract/listQuery';
import { allFiles, countFiles, type FileFilter } from '../core/files/list';
import { refuseLargeExport } from '../core/listExportLimit';
import { allPetitions, countPetitions, type PetitionFilter } from '../core/petitions/list';
import { fileListWorkbook } from '../export/fileListXlsx';
import { petitionListWorkbook } from '../export/petitionListXlsx';
import type { ListJob } from './listTasks';
import { readOnly } from './readOnly';
import type { Report } from './tasks';

const rowsReporter = (report: Report) => (done: number, total: number) => report({ stage: 'writing', done, total });

export const CASE_LIST_TASKS = {
  filesXlsx: async (job: ListJob<FileFilter> & { minLivingLineFen: number }, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => {
      if (countFiles(db, job.query, job.minLivingLineFen, LIST_EXPORT_LIMIT).totalCapped) refuseLargeExport('档案');
      return allFiles(db, job.query, job.minLivingLineFen);
    });
    return (await fileListWorkbook(rows, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
  /** `today` judges overdue as the page did; `me` is the caller, for 只看我经办的. */
  petitionsXlsx: async (job: ListJob<PetitionFilter> & { today: string; me: number }, report: Report): Promise<string> => {
    report({ stage: 'reading' });
    const rows = readOnly(job.dbFile, (db) => {
      if (countPetitions(db, job.query, job.today, job.me, LIST_EXPORT_LIMIT).totalCapped) refuseLargeExport('来访登记');
      return allPetitions(db, job.query, job.today, job.me);
    });
    return (await petitionListWorkbook(rows, job.centreName, job.query, rowsReporter(report))).toString('base64');
  },
};
