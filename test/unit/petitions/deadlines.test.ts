import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { overdueStage } from '../../../electron/core/petitions/deadlines';

describe('calendar days', () => {
  it.each([
    ['2026-12-20', 15, '2027-01-04'],
    ['2026-01-31', 15, '2026-02-15'],
    ['2026-02-20', 10, '2026-03-02'],
    ['2028-02-20', 10, '2028-03-01'],
    ['2026-11-30', 1, '2026-12-01'],
  ])('%s + %i days = %s', (from, days, to) => expect(addDays(from, days)).toBe(to));
});

describe('overdue', () => {
  const p = { acceptDue: '2027-01-04', answerDue: '2027-02-03', closeDue: '2027-02-18' };
  it.each([
    ['registered', '2027-01-04', null],
    ['registered', '2027-01-05', 'accept'],
    ['accepted', '2027-01-05', null],
    ['accepted', '2027-02-04', 'answer'],
    ['in_progress', '2027-02-03', null],
    ['in_progress', '2027-02-04', 'answer'],
    ['answered', '2027-02-18', null],
    ['answered', '2027-02-19', 'close'],
    ['closed', '2099-01-01', null],
  ] as const)('%s on %s → %s', (status, today, expected) => {
    expect(overdueStage({ ...p, status }, today)).toBe(expected);
  });
});
