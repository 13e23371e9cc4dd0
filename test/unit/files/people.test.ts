import { describe, it, expect } from 'vitest';
import { createRng, fakePeople, fakePerson, WORK_UNITS } from '../../fixtures/people';
import { validateIdNumber } from '../../../shared/idcard';

describe('createRng', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRng(43).next()).not.toBe(xs[0]);
  });
});

describe('fakePerson', () => {
  it('gives the same people for the same seed', () => {
    expect(fakePeople(7, 50)).toEqual(fakePeople(7, 50));
    expect(fakePeople(8, 50)).not.toEqual(fakePeople(7, 50));
  });

  it('produces consistent, plausible fields', () => {
    const rng = createRng(1);
    for (let i = 0; i < 500; i++) {
      const p = fakePerson(rng);
      const v = validateIdNumber(p.idNumber, '2026-01-01');
      expect(v.ok).toBe(true);
      if (!v.ok) continue;
      expect(v.sex).toBe(p.sex);
      expect(v.birthDate).toBe(p.birthDate);
      expect(p.birthDate >= '1960-01-01' && p.birthDate <= '2000-12-31').toBe(true);
      expect(p.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(p.phone).toMatch(/^13\d{9}$/);
      expect(WORK_UNITS).toContain(p.workUnit);
      expect(p.baseUnion).toBe(`${p.workUnit}工会`);
    }
  });

  it('gives 200,000 unique valid IDs in one run', () => {
    const rng = createRng(20260601);
    const ids = new Set<string>();
    const sexes = { male: 0, female: 0 };
    for (let i = 0; i < 200_000; i++) {
      const p = fakePerson(rng);
      const v = validateIdNumber(p.idNumber, '2026-01-01');
      if (!v.ok || v.sex !== p.sex) throw new Error(`bad ID ${p.idNumber}`);
      ids.add(p.idNumber);
      sexes[p.sex]++;
    }
    expect(ids.size).toBe(200_000);
    expect(sexes.male).toBeGreaterThan(90_000);
    expect(sexes.female).toBeGreaterThan(90_000);
  });
});
