import type { FileSort, FileSummary } from '../../../shared/contract/files';
import type { Paged } from '../../../shared/contract/fields';
import type { IncomeTier } from '../../../shared/household';
import type { FileStatus, HardshipCause } from '../../../shared/workerFile';
import type { Db } from '../../db/open';
import { toSummary, type WorkerFileRow } from './rows';

export interface ListQuery {
  page: number;
  pageSize: number;
  status?: FileStatus;
  workUnit?: string;
  tier?: IncomeTier;
  cause?: HardshipCause;
  sort: FileSort;
  order: 'asc' | 'desc';
}

const SORT_COLUMNS: Record<FileSort, string> = {
  updatedAt: 'f.updated_at',
  name: 'f.name_pinyin',
  perCapitaIncome: 'f.per_capita_income_fen',
  workUnit: 'f.work_unit',
};

// Tier bounds in SQL mirror incomeTier(): integer comparisons against the line in force.
const TIER_SQL: Record<IncomeTier, string> = {
  le150: 'f.per_capita_income_fen * 100 <= @line * 150',
  le200: 'f.per_capita_income_fen * 100 > @line * 150 AND f.per_capita_income_fen * 100 <= @line * 200',
  le300: 'f.per_capita_income_fen * 100 > @line * 200 AND f.per_capita_income_fen * 100 <= @line * 300',
  above: 'f.per_capita_income_fen * 100 > @line * 300',
};

export function listFiles(db: Db, q: ListQuery, minLivingLineFen: number): Paged<FileSummary> {
  const where: string[] = [];
  const params: Record<string, string | number> = { line: minLivingLineFen };
  if (q.status) (where.push('f.status = @status'), (params.status = q.status));
  if (q.workUnit) (where.push('f.work_unit = @unit'), (params.unit = q.workUnit));
  if (q.tier) where.push(TIER_SQL[q.tier]);
  if (q.cause) {
    where.push('f.id IN (SELECT file_id FROM worker_file_causes WHERE cause = @cause)');
    params.cause = q.cause;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM worker_files f ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT f.*, EXISTS (SELECT 1 FROM file_exclusions e WHERE e.file_id = f.id AND e.cleared_at IS NULL) AS excluded
       FROM worker_files f ${clause}
       ORDER BY ${SORT_COLUMNS[q.sort]} ${q.order === 'asc' ? 'ASC' : 'DESC'}, f.id ${q.order === 'asc' ? 'ASC' : 'DESC'}
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as WorkerFileRow[];
  return { total, rows: rows.map((r) => toSummary(r, minLivingLineFen)) };
}
