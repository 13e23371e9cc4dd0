// The 慰问名单 import's slow half on the worker: unzip and read the sheet, and check every row against
// a read-only snapshot. The door then writes the planned rows in one transaction (campaigns.import).
import { planImport, type ImportPlan } from '../core/campaigns/importList';
import { getCampaignRow, groupsOf } from '../core/campaigns/store';
import { readOnly } from './readOnly';
import type { Report } from './tasks';

export interface CampaignImportJob {
  dbFile: string;
  campaignId: number;
  fileName: string;
  base64: string;
  now: Date;
}
export type CampaignImportPlan = ImportPlan;

export function campaignImportPlan(job: CampaignImportJob, report: Report): CampaignImportPlan {
  report({ stage: 'reading' });
  const bytes = Buffer.from(job.base64, 'base64');
  return readOnly(job.dbFile, (db) =>
    planImport({ db, now: job.now }, getCampaignRow(db, job.campaignId), groupsOf(db, job.campaignId), bytes, job.fileName, (done, total) =>
      report({ stage: 'checking', done, total, unit: '行' }),
    ),
  );
}
