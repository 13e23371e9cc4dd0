import { describe, expect, it } from 'vitest';
import { composedLayout, shapedWhole, textWidth } from '../../../electron/pdf/fontLayout';
import { largeMonthlyStatement, sampleMonthlyStatement } from '../../../electron/pdf/samples';
import { formatFen } from '../../../shared/money';

/** Texts a statement prints, and awkward ones: kerning pairs, ligatures, combining marks, astral characters. */
function corpus(): string[] {
  const out = new Set<string>(['AV To Wa', 'fi fl ffi office', 'Té e\u0301', '"quote"', '𠮷野家', 'PZ-2026-B123', '¥1,234.00（人民币壹仟贰佰叁拾肆元整）', '第 12 页  共 340 页', '  two  spaces\tand tab ', '']);
  for (const s of [sampleMonthlyStatement(), largeMonthlyStatement(600)]) {
    for (const f of s.funds) {
      out.add(f.fundName);
      for (const l of f.lines) for (const t of [l.memo, l.entryNumber, l.accountName, formatFen(l.receiptFen), formatFen(l.paymentFen)]) out.add(t);
    }
  }
  return [...out];
}

const ids = (glyphs: { id: number }[] | null) => (glyphs ?? []).map((g) => g.id);

describe('composed text layout', () => {
  it('gives the glyphs, positions and widths pdfkit gets by shaping every word whole', () => {
    for (const bold of [false, true]) {
      for (const text of corpus()) {
        const whole = shapedWhole(text, bold);
        const composed = composedLayout(text, bold);
        expect(ids(composed.glyphs), text).toEqual(ids(whole.glyphs));
        expect(composed.advanceWidth, text).toBeCloseTo(whole.advanceWidth, 9);
        composed.positions!.forEach((p, i) => {
          const w = whole.positions![i]!;
          expect([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth], `${text} #${i}`).toEqual([w.xAdvance, w.yAdvance, w.xOffset, w.yOffset, w.advanceWidth]);
        });
      }
    }
  });

  it('measures widths in points at a font size', () => {
    expect(textWidth('收到捐款', 8)).toBeCloseTo(32, 6); // four ideographs, one em each
    expect(textWidth('', 8)).toBe(0);
    expect(textWidth('PZ-2026-B123', 10)).toBeCloseTo(shapedWhole('PZ-2026-B123').advanceWidth / 100, 9);
  });
});
