import type { ReviewList, ReviewRow } from '../../../shared/contract/monitoring';
import { fail } from '../../../shared/errors';
import { warningLevel, type RiskFlag } from '../../../shared/household';
import type { Db } from '../../db/open';

// 年审: every active file once a year, confirmed or changed; progress = reviewed / active.
interface ReviewDbRow {
  id: number;
  name: string;
  work_unit: string;
  risk_flag: RiskFlag;
  per_capita_income_fen: number;
  outcome: 'confirmed' | 'changed' | null;
  note: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
}

const FROM = `FROM worker_files f LEFT JOIN file_yearly_reviews r ON r.file_id = f.id AND r.year = @year
  LEFT JOIN users u ON u.id = r.reviewed_by WHERE f.status = 'active'`;
const SHOW = { pending: ' AND r.id IS NULL', done: ' AND r.id IS NOT NULL', all: '' } as const;

const toRow = (r: ReviewDbRow, line: number): ReviewRow => ({
  fileId: r.id,
  name: r.name,
  workUnit: r.work_unit,
  warning: warningLevel(r.risk_flag, r.per_capita_income_fen, line),
  perCapitaIncomeFen: r.per_capita_income_fen,
  outcome: r.outcome,
  note: r.note ?? '',
  reviewedBy: r.reviewed_by_name,
  reviewedAt: r.reviewed_at,
});

export function reviewList(db: Db, line: number, year: number, show: keyof typeof SHOW, page: number, pageSize: number): ReviewList {
  const counts = db.prepare(`SELECT COUNT(*) AS total, COUNT(r.id) AS done ${FROM}`).get({ year }) as { total: number; done: number };
  const total = (db.prepare(`SELECT COUNT(*) AS n ${FROM}${SHOW[show]}`).get({ year }) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT f.id, f.name, f.work_unit, f.risk_flag, f.per_capita_income_fen, r.outcome, r.note, u.display_name AS reviewed_by_name, r.reviewed_at
       ${FROM}${SHOW[show]} ORDER BY f.work_unit, f.name_pinyin, f.id LIMIT @limit OFFSET @offset`,
    )
    .all({ year, limit: pageSize, offset: (page - 1) * pageSize }) as ReviewDbRow[];
  return { rows: rows.map((r) => toRow(r, line)), total, year, done: counts.done, of: counts.total };
}

/** 年审 progress from the kept counts (migration 0019): no file row read, for the overview. */
export function reviewProgress(db: Db, year: number): { done: number; of: number } {
  const of = (db.prepare("SELECT n FROM worker_file_counts WHERE status = 'active'").get() as { n: number } | undefined)?.n ?? 0;
  const done = (db.prepare('SELECT n FROM file_review_counts WHERE year = ?').get(year) as { n: number } | undefined)?.n ?? 0;
  return { done, of };
}

export function reviewRow(db: Db, line: number, fileId: number, year: number): ReviewRow {
  const r = db
    .prepare(
      `SELECT f.id, f.name, f.work_unit, f.risk_flag, f.per_capita_income_fen, r.outcome, r.note, u.display_name AS reviewed_by_name, r.reviewed_at
       ${FROM} AND f.id = @fileId`,
    )
    .get({ year, fileId }) as ReviewDbRow | undefined;
  return r ? toRow(r, line) : fail('NOT_FOUND', `找不到编号为 ${fileId} 的在档档案`);
}
