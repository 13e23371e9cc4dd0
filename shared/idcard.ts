// GB 11643 18-character resident ID numbers: 6-digit region, 8-digit birth date,
// 3-digit order code (odd = male), ISO 7064 MOD 11-2 check character.
import { isValidIsoDate, localDate } from './dates';

export type IdSex = 'male' | 'female';

export type IdValidation =
  | { ok: true; id: string; birthDate: string; sex: IdSex }
  | { ok: false; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Full-width → ASCII, removes all whitespace, uppercases x → X. */
export function normalizeIdNumber(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Check character for the first 17 digits. Throws on anything but 17 digits (programmer error). */
export function computeCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`需要 17 位数字：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Validates an ID number; `today` (YYYY-MM-DD, default: the centre's today) bounds the birth date. */
export function validateIdNumber(s: string, today: string = localDate(new Date())): IdValidation {
  const id = normalizeIdNumber(s);
  if (id.length === 0) return { ok: false, message: '请填写身份证号' };
  const chars = [...id];
  if (chars.length !== 18) {
    return { ok: false, message: `身份证号应为 18 位，现在是 ${chars.length} 位` };
  }

  for (let i = 0; i < 18; i++) {
    const c = chars[i]!;
    const allowed = i < 17 ? c >= '0' && c <= '9' : (c >= '0' && c <= '9') || c === 'X';
    if (!allowed) {
      const rule = i < 17 ? '应为数字' : '应为数字或 X';
      return { ok: false, message: `身份证号第 ${i + 1} 位“${c}”${rule}` };
    }
  }

  if (id[0] === '0') return { ok: false, message: '身份证号前 6 位地区码不正确：首位不能为 0' };

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate)) {
    return { ok: false, message: `身份证号中的出生日期 ${birthDate} 不存在` };
  }
  if (birthDate < '1900-01-01') {
    return { ok: false, message: `身份证号中的出生日期 ${birthDate} 早于 1900 年，请核对` };
  }
  if (birthDate > today) {
    return { ok: false, message: `身份证号中的出生日期 ${birthDate} 晚于今天，请核对` };
  }

  const expected = computeCheckDigit(id.slice(0, 17));
  const actual = id[17]!;
  if (actual !== expected) {
    return {
      ok: false,
      message: `身份证号校验位错误：最后一位应为 ${expected}，实际为 ${actual}，请核对`,
    };
  }

  const sex: IdSex = (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id, birthDate, sex };
}

/** 110101199001011234 → 110101********1234 (first 6, last 4 kept). */
export function maskIdNumber(id: string): string {
  const s = normalizeIdNumber(id);
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

// ASCII and full-width digits; an ID is 17 digits and a digit or X not inside a longer digit run.
const ID_IN_TEXT = /(?<![0-9０-９])[0-9０-９]{17}[0-9０-９XxＸｘ](?![0-9０-９])/g;
const DIGIT_RUN = /(?<![0-9０-９])[0-9０-９]{12,}(?![0-9０-９])/g;

/**
 * Masks what must not be kept in full in free text (the audit log): resident ID numbers
 * (110101********123X) and bank-card-like runs of 12 or more digits (first 4 and last 4 kept).
 */
export function maskSensitiveNumbers(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(id))
    .replace(DIGIT_RUN, (run) => run.slice(0, 4) + '*'.repeat(run.length - 8) + run.slice(-4));
}

/** Full years between two YYYY-MM-DD dates (a 02-29 birthday counts from 03-01 in common years). */
export function ageOn(birthDate: string, onDate: string): number {
  const by = Number(birthDate.slice(0, 4));
  const oy = Number(onDate.slice(0, 4));
  const hadBirthday = onDate.slice(5, 10) >= birthDate.slice(5, 10);
  return oy - by - (hadBirthday ? 0 : 1);
}
