// Builders shared by the referral tests (not a test file itself).
import type { WorkerFileInput } from '../../../shared/contract/files';
import type { VacancyInput } from '../../../shared/contract/referrals';
import { addDays, localDate } from '../../../shared/dates';
import { TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';

const rng = createRng(604);

/** Today in the centre's calendar, as the core sees it. */
export const todayOf = (core: TestCore) => localDate(core.clock.now());

export function vacancy(core: TestCore, overrides: Partial<VacancyInput> = {}): VacancyInput {
  return {
    unit: '红星机械厂',
    jobType: '车工',
    headcount: 2,
    requirements: '有车床操作经验，50 岁以下',
    validUntil: addDays(todayOf(core), 30),
    contact: '王科长 0371-6612345',
    ...overrides,
  };
}

export async function makeFile(core: TestCore, token: string, overrides: Partial<WorkerFileInput> = {}) {
  return core.ok('files.create', fakeFileInput(rng, { employmentStatus: 'laid_off', modelWorkerLevel: 'none', ...overrides }), token);
}

let petitionSeq = 0;

/** A petition row written with SQL (columns of migration 0003), so these tests do not depend on the petitions core. */
export function insertPetition(core: TestCore, category: 'job_referral' | 'legal_aid' = 'job_referral'): { id: number; number: string } {
  const db = core.app.db;
  const user = db.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: number };
  const today = todayOf(core);
  const number = `XF-${today.slice(0, 4)}-${String(900_000 + ++petitionSeq).padStart(6, '0')}`;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO petitions (number, channel, received_at, received_date, visitor_name, category, request, urgency, status,
         handler_id, registered_by, accept_due, answer_due, close_due)
       VALUES (?, 'visit', ?, ?, '来访人', ?, '请求帮助', 'normal', 'accepted', ?, ?, ?, ?, ?)`,
    )
    .run(number, core.clock.now().toISOString(), today, category, user.id, user.id, addDays(today, 15), addDays(today, 45), addDays(today, 60));
  return { id: Number(lastInsertRowid), number };
}

export const auditRows = (core: TestCore, entityType: string, entityId: number) =>
  core.app.db
    .prepare('SELECT channel, outcome, summary FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id')
    .all(entityType, entityId) as { channel: string; outcome: string; summary: string }[];

/** Moves the clock by whole days and logs the user in again (the old session has gone idle). */
export async function advanceDays(core: TestCore, days: number, username = 'u_staff'): Promise<string> {
  core.clock.advance(days * 24 * 60 * 60 * 1000);
  return (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
}
