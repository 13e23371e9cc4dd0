// Money is integer fen (分) everywhere; these helpers are the only place yuan text is parsed or printed.

const YUAN_TEXT = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses "1,000.50" / "12" / "0.05" into fen; returns null for anything that is not an exact amount. */
export function parseYuan(text: string): number | null {
  const m = YUAN_TEXT.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!m) return null;
  const yuan = Number(m[2]);
  const cents = Number((m[3] ?? '').padEnd(2, '0'));
  const fen = yuan * 100 + cents;
  return m[1] ? -fen : fen;
}

/** 123456 → "1,234.56" */
export function formatFen(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 123456 → "¥1,234.56" */
export function formatYuan(fen: number): string {
  return fen < 0 ? `-¥${formatFen(-fen)}` : `¥${formatFen(fen)}`;
}

export function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分：${fen}`);
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Chinese capitals for receipts (人民币大写): 100005 → "壹仟元零伍分", 100000 → "壹仟元整". */
export function fenToCapitals(fen: number): string {
  assertFen(fen);
  if (fen < 0) return `负${fenToCapitals(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  const yuanText = yuan > 0 ? `${integerCapitals(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return yuan > 0 ? `${yuanText}整` : '零元整';
  let tail = '';
  if (jiao > 0) tail += `${DIGITS[jiao]}角`;
  else if (yuan > 0) tail += '零';
  if (fenDigit > 0) tail += `${DIGITS[fenDigit]}分`;
  else tail += '整';
  return yuanText + tail;
}

function integerCapitals(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      pendingZero = out.length > 0;
      continue;
    }
    if (out.length > 0 && (pendingZero || group < 1000)) out += '零';
    out += groupCapitals(group) + BIG_UNITS[g];
    pendingZero = false;
  }
  return out;
}

function groupCapitals(group: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(group / 10 ** pos) % 10;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[d]! + SMALL_UNITS[pos]!;
    zero = false;
  }
  return out;
}

/**
 * Integer fen → yuan as a number for a spreadsheet cell or a chart axis, only at those edges. The yuan and the
 * cents are split with integer arithmetic and written as an exact two-decimal string, which Number()
 * reads as the double nearest to it — the same value Excel would store for the typed amount. No
 * float arithmetic (fen / 100, × 0.01 …) is ever applied to money: the project keeps money integer
 * everywhere and this conversion stays visibly exact.
 */
export function fenToYuanNumber(fen: number): number {
  assertFen(fen);
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100; // exact: abs - cents is a multiple of 100
  return Number(`${fen < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`);
}
