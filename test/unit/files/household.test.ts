import { describe, it, expect } from 'vitest';
import {
  householdSize,
  incomeTier,
  INCOME_TIER_LABELS,
  perCapitaIncomeFen,
  RELATION_LABELS,
  RELATIONS,
  type HouseholdMember,
} from '../../../shared/household';
import { warningLevel } from '../../../shared/household';

const spouse: HouseholdMember = { relation: 'spouse' };
const child: HouseholdMember = { relation: 'child' };
const marriedChild: HouseholdMember = { relation: 'child', unmarried: false };
const parent: HouseholdMember = { relation: 'parent' };
const sibling: HouseholdMember = { relation: 'sibling' };
const marriedSibling: HouseholdMember = { relation: 'sibling', unmarried: false };

describe('householdSize', () => {
  it('married with one child: 本人、配偶、子女, the usual three', () => {
    const r = householdSize({ maritalStatus: 'married', singleParent: false, members: [spouse, child, parent, parent] });
    expect(r.size).toBe(3);
    expect(r.rule).toContain('一般按三口计算');
  });

  it('married without children: real count 2', () => {
    const r = householdSize({ maritalStatus: 'married', singleParent: false, members: [spouse, parent] });
    expect(r.size).toBe(2);
    expect(r.rule).toContain('已婚无子女');
  });

  it('married children are not counted', () => {
    const r = householdSize({ maritalStatus: 'married', singleParent: false, members: [spouse, marriedChild] });
    expect(r.size).toBe(2);
  });

  it('married with several children: real count', () => {
    const r = householdSize({ maritalStatus: 'married', singleParent: false, members: [spouse, child, child, child] });
    expect(r.size).toBe(5);
    expect(r.rule).toContain('多子女');
  });

  it('single parent: self and unmarried children', () => {
    const r = householdSize({ maritalStatus: 'divorced', singleParent: true, members: [child, child, parent] });
    expect(r.size).toBe(3);
    expect(r.rule).toContain('单亲');
  });

  it('widowed with a child counts as single parent even without the flag', () => {
    const r = householdSize({ maritalStatus: 'widowed', singleParent: false, members: [child] });
    expect(r.size).toBe(2);
    expect(r.rule).toContain('单亲');
  });

  it('divorced without children: self only', () => {
    const r = householdSize({ maritalStatus: 'divorced', singleParent: false, members: [parent] });
    expect(r.size).toBe(1);
  });

  it('unmarried: parents, self and other unmarried members', () => {
    const r = householdSize({
      maritalStatus: 'unmarried',
      singleParent: false,
      members: [parent, parent, sibling, marriedSibling, { relation: 'grandparent' }],
    });
    expect(r.size).toBe(4);
    expect(r.rule).toContain('未婚');
  });

  it('unmarried counts an explicitly unmarried other member', () => {
    const r = householdSize({
      maritalStatus: 'unmarried',
      singleParent: false,
      members: [parent, { relation: 'other', unmarried: true }],
    });
    expect(r.size).toBe(3);
  });

  it('is at least 1', () => {
    expect(householdSize({ maritalStatus: 'unmarried', singleParent: false, members: [] }).size).toBe(1);
    expect(householdSize({ maritalStatus: 'divorced', singleParent: true, members: [] }).size).toBe(1);
  });

  it('has a Chinese label for every relation', () => {
    for (const r of RELATIONS) expect(RELATION_LABELS[r]).toMatch(/\p{Script=Han}/u);
  });
});

describe('perCapitaIncomeFen', () => {
  it('divides and floors to whole fen', () => {
    expect(perCapitaIncomeFen(351000, 3)).toBe(117000);
    expect(perCapitaIncomeFen(100000, 3)).toBe(33333);
    expect(perCapitaIncomeFen(0, 2)).toBe(0);
    expect(perCapitaIncomeFen(-5, 2)).toBe(-3);
  });

  it('refuses fractional money and bad sizes', () => {
    expect(() => perCapitaIncomeFen(100.5, 2)).toThrow();
    expect(() => perCapitaIncomeFen(100, 0)).toThrow();
    expect(() => perCapitaIncomeFen(100, 1.5)).toThrow();
  });
});

describe('incomeTier', () => {
  const line = 78000;
  it.each([
    [0, 'le150'],
    [78000, 'le150'],
    [117000, 'le150'],
    [117001, 'le200'],
    [156000, 'le200'],
    [156001, 'le300'],
    [234000, 'le300'],
    [234001, 'above'],
  ] as const)('%i fen per head → %s', (perCapita, tier) => {
    expect(incomeTier(perCapita, line)).toBe(tier);
  });

  it('handles lines where 150 % is not whole fen', () => {
    // 150 % of 77777 = 116665.5
    expect(incomeTier(116665, 77777)).toBe('le150');
    expect(incomeTier(116666, 77777)).toBe('le200');
  });

  it('refuses a non-positive or fractional line', () => {
    expect(() => incomeTier(1000, 0)).toThrow();
    expect(() => incomeTier(1000.5, 78000)).toThrow();
  });

  it('labels every tier', () => {
    expect(INCOME_TIER_LABELS.le150).toBe('≤150%（生活困难）');
    expect(INCOME_TIER_LABELS.above).toBe('高于300%');
  });
});

describe('dynamic-management warning colours', () => {
  const line = 78_000;
  it.each([
    ['none', 78_000, null],
    ['none', 78_001, 'orange'],
    ['none', 117_000, 'orange'],
    ['none', 117_001, null],
    ['yellow', 50_000, 'yellow'],
    ['yellow', 100_000, 'orange'],
    ['red', 100_000, 'red'],
    ['red', 500_000, 'red'],
  ] as const)('%s at per-capita %i fen → %s', (flag, perCapita, expected) => {
    expect(warningLevel(flag, perCapita, line)).toBe(expected);
  });
});
