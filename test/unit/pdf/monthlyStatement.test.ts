import { describe, expect, it } from 'vitest';
import type { ContentTable } from 'pdfmake/interfaces';
import { monthlyStatementDoc } from '../../../electron/pdf/documents/monthlyStatement';
import * as statementModule from '../../../electron/pdf/documents/monthlyStatement';
import { largeMonthlyStatement, SAMPLE_FINANCE_CENTRE, sampleMonthlyStatement } from '../../../electron/pdf/samples';
import { formatFen } from '../../../shared/money';
import { allText, texts } from './ledgerDocText';

const opts = { preparedBy: '周丽华' };

describe('月度收支明细表 document definition', () => {
  const s = sampleMonthlyStatement();
  const doc = monthlyStatementDoc(s, SAMPLE_FINANCE_CENTRE, opts);
  const text = allText(doc);

  it('the sample agrees with itself: opening + receipts − payments = closing, lines add up, totals add up', () => {
    expect(s.funds).toHaveLength(3);
    expect(s.funds.reduce((n, f) => n + f.lines.length, 0)).toBe(20);
    for (const f of s.funds) {
      expect(f.openingFen + f.receiptsFen - f.paymentsFen).toBe(f.closingFen);
      expect(f.lines.reduce((n, l) => n + l.receiptFen, 0)).toBe(f.receiptsFen);
      expect(f.lines.reduce((n, l) => n + l.paymentFen, 0)).toBe(f.paymentsFen);
    }
    expect(s.totals.openingFen + s.totals.receiptsFen - s.totals.paymentsFen).toBe(s.totals.closingFen);
  });

  it('has the title, the month, the centre and A4 portrait', () => {
    expect(text).toContain('月度收支明细表');
    expect(text).toContain('2026年11月');
    expect(text).toContain('2026年11月1日至2026年11月30日');
    expect(text).toContain(SAMPLE_FINANCE_CENTRE.centreName);
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageOrientation).toBe('portrait');
    expect(doc.info?.title).toBe('月度收支明细表 2026年11月');
  });

  it("contains every fund's four figures, the 合计 row from the totals and every line", () => {
    for (const f of s.funds) {
      expect(text).toContain(f.fundName);
      for (const fen of [f.openingFen, f.receiptsFen, f.paymentsFen, f.closingFen]) expect(text).toContain(formatFen(fen));
      for (const l of f.lines) {
        expect(text).toContain(l.entryNumber);
        expect(text).toContain(l.memo);
      }
    }
    expect(text).toContain('合　计');
    for (const fen of Object.values(s.totals)) expect(text).toContain(formatFen(fen));
    expect(text).toContain('本月合计');
  });

  it('has the signature labels, the preparer and the date', () => {
    for (const s2 of ['制表：', '审核：', '负责人：', '周丽华', '编制日期：2026年11月20日']) expect(text).toContain(s2);
  });

  it('has the materials section 三、物资收发存 after the money part, with the stock ledger table', () => {
    expect(s.materials.length).toBeGreaterThan(0);
    expect(text).toContain('三、物资收发存');
    expect(text.indexOf('三、物资收发存')).toBeGreaterThan(text.indexOf('二、资金收支明细'));
    expect(text.indexOf('三、物资收发存')).toBeLessThan(text.indexOf('制表：'));
    for (const h of ['期初结存', '本月收入', '本月发出', '期末结存']) expect(text).toContain(h);
    for (const r of s.materials) {
      expect(text).toContain(r.itemName);
      expect(text).toContain(r.locationName);
      expect(text).toContain(formatFen(r.closingFen));
    }
    const tables = (doc.content as unknown[]).filter((c): c is ContentTable => typeof c === 'object' && c !== null && 'table' in c);
    const materials = tables.at(-1)!;
    expect(materials.table.headerRows).toBe(2);
    expect(materials.table.body).toHaveLength(2 + s.materials.length + 1);
    const rice = texts(materials.table.body[3]);
    expect(rice.slice(0, 3)).toEqual(['大米（5kg/袋）', '袋', '宏达建材公司代管仓库']);
    expect(rice.slice(5)).toEqual(['100', '5,000.00', '2', '100.00', '98', '4,900.00']);
    expect(texts(materials.table.body.at(-1)).filter((x) => x !== '')).toEqual(['合　计', '13,625.00', '9,600.00', '7,135.00', '16,090.00']);
  });

  it('omits the materials section when the month has no stock ledger rows', () => {
    const t = allText(monthlyStatementDoc({ ...s, materials: [] }, SAMPLE_FINANCE_CENTRE, opts));
    expect(t).not.toContain('物资');
    expect(t).toContain('二、资金收支明细');
    expect(t).toContain('制表：');
  });

  it('marks an open month 未结账 (note and watermark), a closed one not', () => {
    expect(text).not.toContain('未结账');
    expect(doc.watermark).toBeUndefined();
    const open = monthlyStatementDoc(sampleMonthlyStatement(false), SAMPLE_FINANCE_CENTRE, opts);
    expect(allText(open)).toContain('未结账');
    expect(open.watermark).toMatchObject({ text: '未结账' });
  });

  it('prints the given figures and flags a statement that does not agree with itself', () => {
    expect(text).not.toContain('注意');
    const f0 = s.funds[0]!;
    const bad = { ...s, funds: [{ ...f0, receiptsFen: f0.receiptsFen + 1 }, ...s.funds.slice(1)] };
    const t = allText(monthlyStatementDoc(bad, SAMPLE_FINANCE_CENTRE, opts));
    expect(t).toContain(formatFen(f0.receiptsFen + 1)); // printed as given
    expect(t).toContain('与本月收支数不一致');
    expect(t).toContain('不等于期末余额');
    expect(t).toContain('各资金来源之和与合计行不一致');
  });

  it('lays the detail out one table per page, each starting with the header row, every line once', () => {
    const big = monthlyStatementDoc(largeMonthlyStatement(2000), SAMPLE_FINANCE_CENTRE, opts);
    const tables = (big.content as unknown[]).filter((c): c is ContentTable => typeof c === 'object' && c !== null && 'table' in c);
    expect(allText(big)).not.toContain('物资收发存');
    const details = tables.slice(1); // after the summary
    expect(details.length).toBeGreaterThan(40); // 2,000 lines of three funds over some 45 pages
    for (const t of details) {
      expect(t.table.headerRows).toBe(1);
      expect(texts(t.table.body[0])).toEqual(['日期', '凭证号', '摘要', '科目', '收入', '支出']);
    }
    // every table after a fund's first starts a page; the fund's last one ends with 本月合计
    const totals = details.filter((t) => texts(t.table.body.at(-1)).includes('本月合计'));
    expect(totals).toHaveLength(3);
    expect(details.filter((t) => (t as { pageBreak?: string }).pageBreak === 'before')).toHaveLength(details.length - 3);
    const entryNumbers = details.flatMap((t) => texts(t.table.body[1]![1]).filter((x) => x.startsWith('PZ-')));
    expect(entryNumbers).toHaveLength(2000);
    expect(new Set(entryNumbers).size).toBe(2000);
  });

  it('copes with a month without funds', () => {
    const t = allText(monthlyStatementDoc({ month: '2026-12', closed: false, funds: [], totals: { openingFen: 0, receiptsFen: 0, paymentsFen: 0, closingFen: 0 }, materials: [] }, SAMPLE_FINANCE_CENTRE, opts));
    expect(t).toContain('2026年12月1日至2026年12月31日');
    expect(t).toContain('本月无资金来源');
    expect(t).toContain('0.00');
  });

  it('exports only the document function (and its option types)', () => {
    expect(Object.keys(statementModule)).toEqual(['monthlyStatementDoc']);
  });
});
