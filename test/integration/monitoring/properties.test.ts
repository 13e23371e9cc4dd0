import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputOfFile as inputOf } from '../../../shared/contract/files';
import type { ScheduleRow } from '../../../shared/contract/monitoring';
import { addDays, localDate } from '../../../shared/dates';
import { warningLevel, type RiskFlag } from '../../../shared/household';
import { revisitDue, riskState } from '../../../shared/monitoring';
import type { Settings } from '../../../shared/settings';
import type { FileStatus } from '../../../shared/workerFile';
import { file } from '../../fixtures/campaigns';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

type Op =
  | { op: 'visit'; file: number; after: number; income: number | null; nextIn: number | null }
  | { op: 'warn'; file: number; flag: 'red' | 'yellow' | 'none' }
  | { op: 'exit'; file: number }
  | { op: 'reactivate'; file: number }
  | { op: 'edit'; file: number; income: number }
  | { op: 'assign'; file: number; toStaff: boolean }
  | { op: 'settings'; uncleared: number; cleared: number; stable: number; line: number; effectiveIn: number }
  | { op: 'wait'; days: number };

const FILES = 3;
const INCOMES = [0, 78_000, 100_000, 117_000, 117_001, 135_000, 300_000];
const fileIx = fc.integer({ min: 0, max: FILES - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('visit' as const),
      file: fileIx,
      after: fc.integer({ min: 0, max: 200 }),
      income: fc.option(fc.constantFrom(...INCOMES), { nil: null }),
      nextIn: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('warn' as const), file: fileIx, flag: fc.constantFrom('red' as const, 'yellow' as const, 'none' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('exit' as const), file: fileIx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reactivate' as const), file: fileIx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), file: fileIx, income: fc.constantFrom(...INCOMES) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('assign' as const), file: fileIx, toStaff: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('settings' as const),
      uncleared: fc.integer({ min: 1, max: 3 }),
      cleared: fc.integer({ min: 3, max: 9 }),
      stable: fc.integer({ min: 6, max: 24 }),
      // 600 元 and 900 元 move the 150% boundary across the fixed incomes above.
      line: fc.constantFrom(60_000, 78_000, 90_000),
      effectiveIn: fc.constantFrom(0, 0, 10, 40),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 60 }) }) },
);

interface FileState {
  id: number;
  status: FileStatus;
  risk_flag: RiskFlag;
  per_capita_income_fen: number;
  monitor_anchor_date: string | null;
  monitor_next_date: string | null;
  created_at: string;
}

/** The due date of every file worked out from scratch with the TS rules and the settings in force today. */
function oracle(core: TestCore, s: Settings): Map<number, string> {
  const rows = core.app.db
    .prepare('SELECT id, status, risk_flag, per_capita_income_fen, monitor_anchor_date, monitor_next_date, created_at FROM worker_files')
    .all() as FileState[];
  return new Map(
    rows.map((f) => {
      const warning = f.status === 'active' ? warningLevel(f.risk_flag, f.per_capita_income_fen, s.minLivingLineFen) : null;
      const state = riskState(f.status, warning, f.per_capita_income_fen, s.minLivingLineFen);
      return [f.id, revisitDue(f.monitor_anchor_date ?? localDate(new Date(f.created_at)), f.monitor_next_date, state, s)];
    }),
  );
}

describe('revisit schedule under random sequences of work', () => {
  it('after every revisit the due date is after the visit; no file leaves the lists; the stored due date always equals the rules worked out from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 20 }), async (ops) => {
        let day = '2026-01-05';
        const core = await makeCore({ start: shanghai(day) });
        try {
          const tokens = { staff: await core.tokenFor(['staff']), director: await core.tokenFor(['director']) };
          const staffId = (await core.ok('auth.me', {}, tokens.staff)).id;
          const relogin = async () => {
            for (const [who, username] of [['staff', 'u_staff'], ['director', 'u_director']] as const) {
              tokens[who] = (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
            }
            core.adminToken = (await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
          };
          const moveOn = async (days: number) => {
            day = addDays(day, days);
            core.clock.set(shanghai(day));
            await relogin();
          };
          const files: number[] = [];
          for (let i = 0; i < FILES; i++) files.push((await file(core, tokens.staff, { ownMonthlyIncomeFen: [0, 100_000, 300_000][i]! })).id);
          for (const op of ops) {
            if (op.op === 'visit') {
              const fileId = files[op.file]!;
              if (op.after > 0) await moveOn(op.after);
              const r = await core.call(
                'monitoring.recordVisit',
                {
                  fileId,
                  visitDate: day,
                  visitor: '接待员',
                  method: 'phone',
                  findings: '电话回访',
                  ...(op.income === null ? {} : { household: { ownMonthlyIncomeFen: op.income, members: [] } }),
                  nextDate: op.nextIn === null ? '' : addDays(day, op.nextIn),
                },
                tokens.staff,
              );
              if (r.ok) {
                expect(r.data.schedule.dueDate > day).toBe(true);
                expect(r.data.schedule.lastVisitDate).toBe(day);
              } else {
                // Refused only for a next date past the interval, or a household change on an exited file.
                expect(r.error.code).toBe('RULE');
                const status = (await core.ok('files.get', { id: fileId }, tokens.staff)).status;
                expect(op.nextIn !== null || (op.income !== null && status === 'exited')).toBe(true);
              }
            } else if (op.op === 'warn') {
              await core.call('monitoring.setWarning', { fileId: files[op.file]!, flag: op.flag, reason: '随机变更预警' }, tokens.staff);
            } else if (op.op === 'exit') {
              await core.call('files.exit', { id: files[op.file]!, reason: '随机脱困' }, tokens.director);
            } else if (op.op === 'reactivate') {
              await core.call('files.reactivate', { id: files[op.file]!, reason: '随机恢复' }, tokens.director);
            } else if (op.op === 'edit') {
              const f = await core.ok('files.get', { id: files[op.file]! }, tokens.staff);
              if (f.status === 'active') {
                await core.ok('files.update', { id: f.id, file: { ...inputOf(f), ownMonthlyIncomeFen: op.income } }, tokens.staff);
              }
            } else if (op.op === 'assign') {
              await core.ok('monitoring.setResponsible', { fileId: files[op.file]!, userId: op.toStaff ? staffId : null, name: op.toStaff ? '' : '李书记' }, tokens.staff);
            } else if (op.op === 'settings') {
              const changes = { monitorUnclearedMonths: op.uncleared, monitorClearedMonths: op.cleared, monitorStableMonths: op.stable, minLivingLineFen: op.line };
              await core.call('settings.update', { changes, ...(op.effectiveIn > 0 ? { effectiveFrom: addDays(day, op.effectiveIn) } : {}) }, core.adminToken);
            } else {
              await moveOn(op.days);
            }
            const all = (await core.ok('monitoring.schedule', { scope: 'all', show: 'all', page: 1, pageSize: 200 }, tokens.staff)).rows;
            expect(all.map((r) => r.fileId).sort((a, b) => a - b)).toEqual(files);
            const settings = await core.ok('settings.get', {}, tokens.staff);
            const expected = oracle(core, settings);
            for (const r of all) expect({ file: r.fileId, due: r.dueDate }).toEqual({ file: r.fileId, due: expected.get(r.fileId) });
            const overview = await core.ok('monitoring.overview', { scope: 'all' }, tokens.staff);
            expect(overview.overdue).toBe(all.filter((r) => r.overdueDays > 0).length);
            const horizon = addDays(day, settings.monitorDueSoonDays);
            expect(overview.due).toBe(all.filter((r) => r.dueDate >= day && r.dueDate <= horizon).length);
            const mine = await core.ok('monitoring.schedule', { scope: 'mine', show: 'all', page: 1, pageSize: 200 }, tokens.staff);
            expect(mine.rows.map((r: ScheduleRow) => r.fileId)).toEqual(all.filter((r) => r.responsibleUserId === staffId).map((r) => r.fileId));
            expect(mine.total).toBe(mine.rows.length);
            const mineOverview = await core.ok('monitoring.overview', { scope: 'mine' }, tokens.staff);
            expect(mineOverview.overdue).toBe(mine.rows.filter((r) => r.overdueDays > 0).length);
            for (const r of all) expect(r.dueDate > (r.lastVisitDate ?? '2026-01-05')).toBe(true);
          }
        } finally {
          core.close();
        }
      }),
      { numRuns: 10 },
    );
  }, 600_000);
});
