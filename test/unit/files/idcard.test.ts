import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ageOn,
  computeCheckDigit,
  maskIdNumber,
  normalizeIdNumber,
  validateIdNumber,
} from '../../../shared/idcard';

const TODAY = '2026-06-01';

function withCheck(first17: string): string {
  return first17 + computeCheckDigit(first17);
}

function messageOf(s: string, today = TODAY): string {
  const r = validateIdNumber(s, today);
  if (r.ok) throw new Error(`expected ${s} to be refused`);
  return r.message;
}

describe('computeCheckDigit', () => {
  it('matches known GB 11643 examples', () => {
    expect(computeCheckDigit('11010519491231002')).toBe('X');
    expect(computeCheckDigit('44052418800101001')).toBe('4');
    expect(computeCheckDigit('11010119900307001')).toBe('1');
  });

  it('refuses input that is not 17 digits', () => {
    expect(() => computeCheckDigit('1234')).toThrow();
    expect(() => computeCheckDigit('1101051949123100X')).toThrow();
  });
});

describe('validateIdNumber', () => {
  it('accepts a valid ID and derives birth date and sex', () => {
    const r = validateIdNumber('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, id: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
  });

  it('derives male from an odd 17th digit', () => {
    const id = withCheck('31010419850615003');
    const r = validateIdNumber(id, TODAY);
    expect(r.ok && r.sex).toBe('male');
    expect(r.ok && r.birthDate).toBe('1985-06-15');
  });

  it('accepts lowercase x and surrounding spaces, returning X', () => {
    const r = validateIdNumber(' 110105 19491231 002x ', TODAY);
    expect(r.ok && r.id).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit, saying what it should be', () => {
    expect(messageOf('110105194912310021')).toBe(
      '身份证号校验位错误：最后一位应为 X，实际为 1，请核对',
    );
  });

  it('refuses a wrong length', () => {
    expect(messageOf('11010519491231002')).toBe('身份证号应为 18 位，现在是 17 位');
    expect(messageOf('11010519491231002X1')).toBe('身份证号应为 18 位，现在是 19 位');
    expect(messageOf('')).toBe('请填写身份证号');
  });

  it('refuses bad characters', () => {
    expect(messageOf('1101051949123100AX')).toContain('第 17 位');
    expect(messageOf('X10105194912310021')).toContain('第 1 位');
  });

  it('refuses a region code starting with 0', () => {
    expect(messageOf(withCheck('01010519491231002'))).toContain('地区码');
  });

  it('refuses an impossible birth date', () => {
    expect(messageOf(withCheck('11010519990230001'))).toBe('身份证号中的出生日期 1999-02-30 不存在');
    expect(messageOf(withCheck('11010519991301001'))).toContain('1999-13-01 不存在');
    expect(validateIdNumber(withCheck('11010520000229001'), TODAY).ok).toBe(true);
    expect(messageOf(withCheck('11010519000229001'))).toContain('1900-02-29 不存在');
  });

  it('refuses birth dates before 1900 or after today', () => {
    expect(messageOf(withCheck('11010518991231001'))).toContain('早于 1900 年');
    expect(messageOf(withCheck('11010520260602001'))).toContain('晚于今天');
    expect(validateIdNumber(withCheck('11010520260601001'), TODAY).ok).toBe(true);
    expect(validateIdNumber(withCheck('11010519000101001'), TODAY).ok).toBe(true);
  });

  it('property: the computed check digit validates and any other last char fails', () => {
    const dateArb = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-06-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
    const digitsArb = (n: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        digitsArb(5),
        dateArb,
        digitsArb(3),
        fc.constantFrom(...'0123456789X'),
        (first, region, birth, order, other) => {
          const first17 = `${first}${region}${birth}${order}`;
          const check = computeCheckDigit(first17);
          expect(validateIdNumber(first17 + check, TODAY).ok).toBe(true);
          fc.pre(other !== check);
          const r = validateIdNumber(first17 + other, TODAY);
          expect(r.ok).toBe(false);
          expect(!r.ok && r.message).toContain('校验位错误');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('12345')).toBe('*****');
  });
});

describe('ageOn', () => {
  it('counts full years', () => {
    expect(ageOn('1949-12-31', '2026-06-01')).toBe(76);
    expect(ageOn('1990-06-01', '2026-06-01')).toBe(36);
    expect(ageOn('1990-06-02', '2026-06-01')).toBe(35);
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });
});
