// 审计日志 export (issue 14): the workbook honours every filter the list takes — user, outcome,
// operation and the date range — not only the dates, and holds every page of the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import { AUDIT_SHEET } from '../../../electron/export/auditXlsx';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';
import { allPages, readListBook } from './workbook';

type Filter = Omit<InputOf<'audit.exportXlsx'>, 'jobId'>;

let core: TestCore;
let admin: string;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10', '09:00') });
  await core.tokenFor(['staff']); // creates u_staff
  for (const [day, time] of [
    ['2026-11-10', '09:10'],
    ['2026-11-11', '09:00'],
    ['2026-11-12', '09:00'],
  ] as const) {
    core.clock.set(shanghai(day, time));
    // each day: staff and the admin log in, and staff is refused the user list
    const s = (await core.ok('auth.login', { username: 'u_staff', password: TEST_PASSWORD })).token;
    await core.call('users.list', {}, s);
    admin = (await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
  }
  // The PC's clock set back: a later row carries an earlier time. The list goes by time; so must the workbook.
  core.clock.set(shanghai('2026-11-10', '08:00'));
  admin = (await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
});
afterAll(() => core.close());

const ids = async (q: Filter) => (await allPages((page, pageSize) => core.ok('audit.list', { page, pageSize, ...q }, admin), 2)).map((r) => r.id);

async function expectSameRows(q: Filter): Promise<number[]> {
  const expected = await ids(q);
  const book = await readListBook(await core.ok('audit.exportXlsx', q, admin), AUDIT_SHEET, false);
  expect(book.rows.map((r) => r.getCell(1).value)).toEqual(expected);
  return expected;
}

describe('audit export honours the whole filter', () => {
  it('user, outcome and operation as well as the dates', async () => {
    const refusedByStaff = await expectSameRows({ username: 'u_staff', outcome: 'refused' });
    expect(refusedByStaff).toHaveLength(3);
    expect(await expectSameRows({ username: 'u_staff', outcome: 'refused', from: '2026-11-11', to: '2026-11-11' })).toHaveLength(1);
    expect(await expectSameRows({ channel: 'auth.login', outcome: 'ok', from: '2026-11-11' })).toHaveLength(4);
    expect(await expectSameRows({ channel: 'auth.login', username: 'u_staff', to: '2026-11-11' })).toHaveLength(3);
    expect(await expectSameRows({ username: 'nobody' })).toEqual([]);
  });

  it('keeps the list order, newest or oldest first, even when the clock was set back', async () => {
    const newest = await expectSameRows({});
    const lastWritten = Math.max(...newest);
    expect(newest[0]).not.toBe(lastWritten); // written last, but at the earliest time of the 10th's logins
    const oldest = await expectSameRows({ order: 'asc', channel: 'auth.login' });
    expect(oldest.indexOf(lastWritten)).toBeLessThan(oldest.length - 1);
    expect(await expectSameRows({ order: 'asc' })).toEqual([...newest].reverse());
  });
});
