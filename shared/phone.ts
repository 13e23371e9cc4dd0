// Phone numbers as clerks write them (138 0000 1234, 0371-6789-1234, (010)12345678, +86 138…),
// stored in one form: 11-digit mobiles as digits, landlines as 区号-号码.

const SEPARATORS = /[\s\-－—–()（）.·]/g;

/** Area codes of three digits: 010 and 020–029; every other one has four. */
const areaLength = (digits: string) => (digits.startsWith('010') || digits.startsWith('02') ? 3 : 4);

/** The stored form of a phone number, or the trimmed input unchanged when it is not recognisably one. */
export function normalisePhone(raw: string): string {
  const trimmed = raw.trim();
  let digits = trimmed.replace(SEPARATORS, '');
  if (!/^\+?\d*$/.test(digits)) return trimmed;
  digits = digits.replace(/^(\+86|0086)(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(digits)) return digits;
  if (/^0\d{9,11}$/.test(digits)) {
    const area = areaLength(digits);
    const local = digits.slice(area);
    if (local.length >= 7 && local.length <= 8) return `${digits.slice(0, area)}-${local}`;
  }
  return trimmed;
}

/** What the stored form must look like: empty, a mobile, or 区号-号码. */
export const PHONE_PATTERN = /^(|1\d{10}|0\d{2,3}-\d{7,8})$/;
export const PHONE_MESSAGE = '电话应为 11 位手机号或带区号的固定电话（如 13800001234、0371-67891234）';
