import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { file } from '../../fixtures/campaigns';
import { makeCore, TEST_PASSWORD } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

type Op =
  | { op: 'visit'; file: number; after: number; income: number | null; nextIn: number | null }
  | { op: 'warn'; file: number; flag: 'red' | 'yellow' | 'none' }
  | { op: 'exit'; file: number }
  | { op: 'reactivate'; file: number };

const FILES = 3;
const fileIx = fc.integer({ min: 0, max: FILES - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('visit' as const),
      file: fileIx,
      after: fc.integer({ min: 0, max: 200 }),
      income: fc.option(fc.constantFrom(0, 78_000, 100_000, 117_000, 117_001, 300_000), { nil: null }),
      nextIn: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('warn' as const), file: fileIx, flag: fc.constantFrom('red' as const, 'yellow' as const, 'none' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('exit' as const), file: fileIx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reactivate' as const), file: fileIx }) },
);

describe('revisit schedule under random sequences of work', () => {
  it('after every revisit the due date is after the visit; no file ever leaves the full schedule', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 20 }), async (ops) => {
        let day = '2026-01-05';
        const core = await makeCore({ start: shanghai(day) });
        try {
          const tokens = { staff: await core.tokenFor(['staff']), director: await core.tokenFor(['director']) };
          const relogin = async () => {
            for (const [who, username] of [['staff', 'u_staff'], ['director', 'u_director']] as const) {
              tokens[who] = (await core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
            }
          };
          const files: number[] = [];
          for (let i = 0; i < FILES; i++) files.push((await file(core, tokens.staff, { ownMonthlyIncomeFen: [0, 100_000, 300_000][i]! })).id);
          for (const op of ops) {
            const fileId = files[op.file]!;
            if (op.op === 'visit') {
              if (op.after > 0) {
                day = addDays(day, op.after);
                core.clock.set(shanghai(day));
                await relogin();
              }
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
              await core.call('monitoring.setWarning', { fileId, flag: op.flag, reason: '随机变更预警' }, tokens.staff);
            } else if (op.op === 'exit') {
              await core.call('files.exit', { id: fileId, reason: '随机脱困' }, tokens.director);
            } else {
              await core.call('files.reactivate', { id: fileId, reason: '随机恢复' }, tokens.director);
            }
            const all = (await core.ok('monitoring.schedule', { scope: 'all', show: 'all', page: 1, pageSize: 200 }, tokens.staff)).rows;
            expect(all.map((r) => r.fileId).sort((a, b) => a - b)).toEqual(files);
            const overview = await core.ok('monitoring.overview', { scope: 'all' }, tokens.staff);
            expect(overview.overdue).toBe(all.filter((r) => r.overdueDays > 0).length);
            for (const r of all) expect(r.dueDate > (r.lastVisitDate ?? '2026-01-05')).toBe(true);
          }
        } finally {
          core.close();
        }
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});
