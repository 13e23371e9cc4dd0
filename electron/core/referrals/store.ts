import type { Paged } from '../../../shared/contract/fields';
import type { JobReferral, JobSeeker, LegalAidCase, Vacancy } from '../../../shared/contract/referrals';
import { fail } from '../../../shared/errors';
import type { LegalStatus, ReferralOutcome } from '../../../shared/referral';
import type { Db } from '../../db/open';
import { boundedCount, fragmentCondition, prefixTop } from '../textSearch';
import {
  LEGAL_SELECT,
  REFERRAL_SELECT,
  VACANCY_SELECT,
  toJobReferral,
  toLegalAidCase,
  toSeeker,
  toVacancy,
  type JobReferralRow,
  type LegalAidRow,
  type SeekerRow,
  type VacancyRow,
} from './rows';

/** A LIKE pattern matching `q` literally (no wildcards from what the clerk typed). */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

export function getVacancyRow(db: Db, id: number): VacancyRow {
  return (db.prepare(`${VACANCY_SELECT} WHERE v.id = ?`).get(id) as VacancyRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的岗位`);
}

export const loadVacancy = (db: Db, id: number, today: string): Vacancy => toVacancy(getVacancyRow(db, id), today);

export function getReferralRow(db: Db, id: number): JobReferralRow {
  return (db.prepare(`${REFERRAL_SELECT} WHERE r.id = ?`).get(id) as JobReferralRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的推荐记录`);
}

export const loadReferral = (db: Db, id: number): JobReferral => toJobReferral(getReferralRow(db, id));

export function getCaseRow(db: Db, id: number): LegalAidRow {
  return (db.prepare(`${LEGAL_SELECT} WHERE c.id = ?`).get(id) as LegalAidRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的法律援助案件`);
}

export const loadCase = (db: Db, id: number): LegalAidCase => toLegalAidCase(getCaseRow(db, id));

export function getFileBrief(db: Db, id: number): { id: number; name: string; phone: string; status: 'active' | 'exited' } {
  return (
    (db.prepare('SELECT id, name, phone, status FROM worker_files WHERE id = ?').get(id) as
      | { id: number; name: string; phone: string; status: 'active' | 'exited' }
      | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的困难职工档案`)
  );
}

/** Refuses a petition id that does not exist; returns its number. */
export function assertPetition(db: Db, id: number | null): string | null {
  if (id === null) return null;
  const row = db.prepare('SELECT number FROM petitions WHERE id = ?').get(id) as { number: string } | undefined;
  return row ? row.number : fail('NOT_FOUND', `找不到编号为 ${id} 的来访记录`);
}

export function hiredCount(db: Db, vacancyId: number): number {
  return (db.prepare("SELECT count(*) AS n FROM job_referrals WHERE vacancy_id = ? AND outcome = 'hired'").get(vacancyId) as { n: number }).n;
}

function paged<R, T>(db: Db, select: string, from: string, where: string[], params: Record<string, unknown>, order: string, page: number, pageSize: number, map: (r: R) => T): Paged<T> {
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = boundedCount(db, `FROM ${from} ${clause}`, params);
  const rows = db.prepare(`${select} ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as R[];
  return { ...count, rows: rows.map(map) };
}

export interface VacancyQuery {
  page: number;
  pageSize: number;
  validOnly: boolean;
  q?: string | undefined;
}

/** Open vacancies within their date first, then expired ones, then closed ones; newest first within each. */
export function listVacancies(db: Db, q: VacancyQuery, today: string): Paged<Vacancy> {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  if (q.validOnly) where.push("v.status = 'open' AND v.valid_until >= @today");
  if (q.q) {
    where.push("(v.unit LIKE @q ESCAPE '\\' OR v.job_type LIKE @q ESCAPE '\\')");
    params.q = `%${likeEscape(q.q)}%`;
  }
  return paged<VacancyRow, Vacancy>(
    db,
    VACANCY_SELECT,
    'vacancies v',
    where,
    params,
    "v.status = 'closed', v.valid_until < @today, v.id DESC",
    q.page,
    q.pageSize,
    (r) => toVacancy(r, today),
  );
}

export interface SeekerQuery {
  page: number;
  pageSize: number;
  laidOffOnly: boolean;
  q?: string | undefined;
}

/**
 * A name, its pinyin or initials starting with `q` (prefix ranges on their indexes), or a name containing it
 * anywhere (full-text index, 2+ characters): each branch reads only matching rows, never the whole table.
 */
export function seekerTextCondition(raw: string, params: Record<string, unknown>): string {
  const q = raw.trim();
  const latin = q.toLowerCase().replace(/\s+/g, '');
  Object.assign(params, { q, qTop: prefixTop(q), lq: latin, lqTop: prefixTop(latin) });
  const branches = [
    'f.name >= @q AND f.name < @qTop',
    'f.name_pinyin >= @lq AND f.name_pinyin < @lqTop',
    'f.name_initials >= @lq AND f.name_initials < @lqTop',
  ];
  const middle = fragmentCondition('worker_files', 'f', q, params, 'fragment', ['name']);
  if (middle) branches.push(middle);
  return branches.map((b) => `(${b})`).join(' OR ');
}

// Matches the expression of the partial index worker_files_seekers (migration 0018) word for word.
const PRIORITY_SQL = `CASE WHEN f.employment_status = 'laid_off' AND f.model_worker_level <> 'none' THEN 0
  WHEN f.employment_status = 'laid_off' THEN 1 ELSE 2 END`;

/**
 * Up to this many matches a search sorts them; beyond, it walks the seekers' index and keeps the matching ones.
 * A search counts no further ("1,000+ 人"): each match counted is a file row read, and past a thousand the
 * clerk types more rather than pages.
 */
const SORTED_MATCHES = 1_000;

/**
 * Active worker files as job seekers: laid-off model workers, then other laid-off workers, then the rest; by name.
 * The list is read in order from worker_files_seekers (named, since the planner would rather take the status
 * index and sort every active file). A search is counted through its own indexes (the status written `+status`
 * so it cannot drive); a few matches are then fetched and sorted, many are found by walking the seekers' index.
 */
export function listSeekers(db: Db, q: SeekerQuery): Paged<JobSeeker> {
  const filters: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.laidOffOnly) filters.push("f.employment_status = 'laid_off'");
  if (q.q) filters.push(`(${seekerTextCondition(q.q, params)})`);
  const countFrom = `FROM worker_files f WHERE ${[q.q ? "+f.status = 'active'" : "f.status = 'active'", ...filters].join(' AND ')}`;
  const count = q.q ? boundedCount(db, countFrom, params, SORTED_MATCHES) : boundedCount(db, countFrom, params);
  const sortMatches = q.q !== undefined && !count.totalCapped;
  const where = [sortMatches ? "+f.status = 'active'" : "f.status = 'active'", ...filters].join(' AND ');
  // The page is chosen first and only its rows get their referral counts, not every match being sorted.
  const rows = db
    .prepare(
      `SELECT f.id, f.name, f.sex, f.birth_date, f.phone, f.work_unit, f.employment_status, f.model_worker_level, page.priority,
    (SELECT count(*) FROM job_referrals r WHERE r.file_id = f.id) AS referral_count,
    (SELECT count(*) FROM job_referrals r WHERE r.file_id = f.id AND r.outcome = 'pending') AS pending_count,
    (SELECT count(*) FROM job_referrals r WHERE r.file_id = f.id AND r.outcome = 'hired') AS hired_count
  FROM (SELECT f.id, ${PRIORITY_SQL} AS priority, f.name_pinyin, f.name
    FROM worker_files f ${sortMatches ? '' : 'INDEXED BY worker_files_seekers'} WHERE ${where}
    ORDER BY priority, f.name_pinyin, f.name, f.id LIMIT @limit OFFSET @offset) page
  JOIN worker_files f ON f.id = page.id
  ORDER BY page.priority, page.name_pinyin, page.name, page.id`,
    )
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as SeekerRow[];
  return { ...count, rows: rows.map(toSeeker) };
}

export interface ReferralQuery {
  page: number;
  pageSize: number;
  fileId?: number | undefined;
  vacancyId?: number | undefined;
  petitionId?: number | undefined;
  outcome?: ReferralOutcome | undefined;
}

export function listReferrals(db: Db, q: ReferralQuery): Paged<JobReferral> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.fileId !== undefined) (where.push('r.file_id = @fileId'), (params.fileId = q.fileId));
  if (q.vacancyId !== undefined) (where.push('r.vacancy_id = @vacancyId'), (params.vacancyId = q.vacancyId));
  if (q.petitionId !== undefined) (where.push('r.petition_id = @petitionId'), (params.petitionId = q.petitionId));
  if (q.outcome !== undefined) (where.push('r.outcome = @outcome'), (params.outcome = q.outcome));
  return paged<JobReferralRow, JobReferral>(db, REFERRAL_SELECT, 'job_referrals r', where, params, 'r.id DESC', q.page, q.pageSize, toJobReferral);
}

export interface CaseQuery {
  page: number;
  pageSize: number;
  status?: LegalStatus | undefined;
  fileId?: number | undefined;
  petitionId?: number | undefined;
  q?: string | undefined;
}

/** Open cases first (newest first), then closed ones. */
export function listCases(db: Db, q: CaseQuery): Paged<LegalAidCase> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.status !== undefined) (where.push('c.status = @status'), (params.status = q.status));
  if (q.fileId !== undefined) (where.push('c.file_id = @fileId'), (params.fileId = q.fileId));
  if (q.petitionId !== undefined) (where.push('c.petition_id = @petitionId'), (params.petitionId = q.petitionId));
  if (q.q) {
    where.push("(c.applicant_name LIKE @prefix ESCAPE '\\' OR c.respondent LIKE @infix ESCAPE '\\')");
    params.prefix = `${likeEscape(q.q)}%`;
    params.infix = `%${likeEscape(q.q)}%`;
  }
  return paged<LegalAidRow, LegalAidCase>(db, LEGAL_SELECT, 'legal_aid_cases c', where, params, "c.status = 'closed', c.id DESC", q.page, q.pageSize, toLegalAidCase);
}
