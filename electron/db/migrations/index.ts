import spine from './0001_spine';
import workerFiles from './0002_worker_files';
import petitions from './0003_petitions';
import referrals from './0004_referrals';
import relief from './0005_relief';
import ledger from './0006_ledger';
import materials from './0007_materials';
import fileWarnings from './0008_file_warnings';
import periods from './0009_periods';
import auditAnchor from './0010_audit_anchor';
import immutableBooks from './0011_immutable_books';
import backups from './0012_backups';
import financeEntries from './0013_finance_entries';
import campaigns from './0014_campaigns';
import monitoring from './0015_monitoring';
import searchIndexes from './0016_search_indexes';
import chartOfAccounts from './0017_chart_of_accounts';
import searchMore from './0018_search_more';
import fileSchedule from './0019_file_schedule';
import campaignFacts from './0020_campaign_facts';
import listIndexes from './0021_list_indexes';
import fileListCovering from './0022_file_list_covering';
import petitionDueIndex from './0023_petition_due_index';
import campaignReasonSets from './0024_campaign_reason_sets';
import statementLinesIndex from './0025_statement_lines_index';

export interface Migration {
  id: string;
  sql: string;
}

/** Forward-only, in order. Never edit or reorder a migration that has shipped; add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { id: '0001_spine', sql: spine },
  { id: '0002_worker_files', sql: workerFiles },
  { id: '0003_petitions', sql: petitions },
  { id: '0004_referrals', sql: referrals },
  { id: '0005_relief', sql: relief },
  { id: '0006_ledger', sql: ledger },
  { id: '0007_materials', sql: materials },
  { id: '0008_file_warnings', sql: fileWarnings },
  { id: '0009_periods', sql: periods },
  { id: '0010_audit_anchor', sql: auditAnchor },
  { id: '0011_immutable_books', sql: immutableBooks },
  { id: '0012_backups', sql: backups },
  { id: '0013_finance_entries', sql: financeEntries },
  { id: '0014_campaigns', sql: campaigns },
  { id: '0015_monitoring', sql: monitoring },
  { id: '0016_search_indexes', sql: searchIndexes },
  { id: '0017_chart_of_accounts', sql: chartOfAccounts },
  { id: '0018_search_more', sql: searchMore },
  { id: '0019_file_schedule', sql: fileSchedule },
  { id: '0020_campaign_facts', sql: campaignFacts },
  { id: '0021_list_indexes', sql: listIndexes },
  { id: '0022_file_list_covering', sql: fileListCovering },
  { id: '0023_petition_due_index', sql: petitionDueIndex },
  { id: '0024_campaign_reason_sets', sql: campaignReasonSets },
  { id: '0025_statement_lines_index', sql: statementLinesIndex },
];
