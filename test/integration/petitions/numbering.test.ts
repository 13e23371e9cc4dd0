import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextNumber } from '../../../electron/core/numbering';
import { makeCore } from '../../fixtures/core';
import { shanghai, walkIn } from '../../fixtures/petitions';

describe('petition numbers', () => {
  it('are gapless within a year across valid and failed registrations, and restart at a new year', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('ok', 'badInput', 'noFile', 'badHandler', 'nextYear'), { minLength: 1, maxLength: 25 }), async (ops) => {
        const core = await makeCore({ start: shanghai('2026-12-31', '23:50') });
        try {
          const staff = await core.tokenFor(['staff']);
          const numbers: string[] = [];
          let year = 2026;
          for (const op of ops) {
            if (op === 'nextYear' && year === 2026) {
              core.clock.set(shanghai('2027-01-01', '00:00'));
              year = 2027;
              continue;
            }
            const payload = op === 'badInput' ? walkIn({ request: '' }) : op === 'noFile' ? walkIn({ fileId: 999 }) : op === 'badHandler' ? walkIn({ handlerId: 1 }) : walkIn();
            const r = await core.call('petitions.register', payload, staff);
            expect(r.ok).toBe(op === 'ok' || op === 'nextYear');
            if (r.ok) numbers.push(r.data.number);
          }
          for (const y of [2026, 2027]) {
            const mine = numbers.filter((n) => n.startsWith(`XF-${y}-`));
            expect(mine).toEqual(mine.map((_, i) => `XF-${y}-${String(i + 1).padStart(6, '0')}`));
          }
          const stored = core.app.db.prepare('SELECT number FROM petitions ORDER BY id').all() as { number: string }[];
          expect(stored.map((s) => s.number)).toEqual(numbers);
        } finally {
          core.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('gives a rolled-back number to the next record, and never reuses a committed one', async () => {
    const core = await makeCore();
    try {
      const db = core.app.db;
      expect(db.transaction(() => nextNumber(db, 'test', 2026))()).toBe(1);
      expect(() =>
        db.transaction(() => {
          expect(nextNumber(db, 'test', 2026)).toBe(2);
          throw new Error('rolled back');
        })(),
      ).toThrow('rolled back');
      expect(db.transaction(() => nextNumber(db, 'test', 2026))()).toBe(2);
      expect(db.transaction(() => nextNumber(db, 'test', 2027))()).toBe(1);
    } finally {
      core.close();
    }
  });
});
