import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToCapitals, formatFen, formatYuan, parseYuan } from '../../../shared/money';

describe('money helpers', () => {
  it('parses yuan text into integer fen', () => {
    expect(parseYuan('0.05')).toBe(5);
    expect(parseYuan('10')).toBe(1000);
    expect(parseYuan('1,000.50')).toBe(100050);
    expect(parseYuan(' 12.3 ')).toBe(1230);
    expect(parseYuan('-3.01')).toBe(-301);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('formats fen for display', () => {
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(100050)).toBe('1,000.50');
    expect(formatYuan(123456789)).toBe('¥1,234,567.89');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(() => formatFen(1.5)).toThrow();
  });

  it('round-trips every amount through display text', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => parseYuan(formatFen(fen)) === fen));
  });

  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [100000, '壹仟元整'],
    [1001050, '壹万零壹拾元伍角整'],
    [1000050, '壹万元伍角整'],
    [100005, '壹仟元零伍分'],
    [1001000, '壹万零壹拾元整'],
    [10000000000, '壹亿元整'],
    [10000100000, '壹亿零壹仟元整'],
    [123456789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [100000000, '壹佰万元整'],
    [1000001, '壹万元零壹分'],
  ])('capitals of %i fen are %s', (fen, text) => {
    expect(fenToCapitals(fen)).toBe(text);
  });
});
