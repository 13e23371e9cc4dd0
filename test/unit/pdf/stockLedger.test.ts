import { describe, expect, it } from 'vitest';
import type { ContentTable } from 'pdfmake/interfaces';
import { STOCK_LEDGER_TITLE, stockLedgerDoc, stockLedgerTable, stockLedgerTotals } from '../../../electron/pdf/documents/stockLedger';
import { SAMPLE_FINANCE_CENTRE, sampleStockLedger } from '../../../electron/pdf/samples';
import { formatFen } from '../../../shared/money';
import { allText, texts } from './ledgerDocText';

describe('物资收发存月报表 document definition', () => {
  const l = sampleStockLedger();
  const doc = stockLedgerDoc(l, SAMPLE_FINANCE_CENTRE, { preparedBy: '周丽华' });
  const text = allText(doc);

  it('the sample agrees with itself: opening + in − out = closing in quantity and value', () => {
    for (const r of l.rows) {
      expect(r.openingQty + r.inQty - r.outQty).toBe(r.closingQty);
      expect(r.openingFen + r.inFen - r.outFen).toBe(r.closingFen);
    }
    const rice = l.rows.find((r) => r.locationName === '宏达建材公司代管仓库' && r.itemName.startsWith('大米'));
    expect(rice).toMatchObject({ inQty: 100, outQty: 2, closingQty: 98 });
  });

  it('has the title, the month, the column groups and A4 landscape', () => {
    for (const s of [STOCK_LEDGER_TITLE, '2026年11月', '2026年11月1日至2026年11月30日', SAMPLE_FINANCE_CENTRE.centreName, '期初结存', '本月收入', '本月发出', '期末结存', '数量', '金额', '存放地点']) {
      expect(text).toContain(s);
    }
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageOrientation).toBe('landscape');
  });

  it('prints every row: item, unit, location, quantities and values', () => {
    const table = stockLedgerTable(l.rows);
    const body = table.table.body;
    expect(table.table.headerRows).toBe(2);
    expect(body).toHaveLength(2 + l.rows.length + 1);
    l.rows.forEach((r, i) => {
      const row = texts(body[2 + i]);
      expect(row.slice(0, 3)).toEqual([r.itemName, r.unit, r.locationName]);
      expect(row).toContain(String(r.openingQty));
      expect(row).toContain(formatFen(r.openingFen));
      expect(row).toContain(String(r.closingQty));
      expect(row).toContain(formatFen(r.closingFen));
      if (r.inQty > 0) expect(row).toContain(formatFen(r.inFen));
      if (r.outQty > 0) expect(row).toContain(formatFen(r.outFen));
    });
    const rice = texts(body[3]);
    expect(rice).toEqual(['大米（5kg/袋）', '袋', '宏达建材公司代管仓库', '0', '0.00', '100', '5,000.00', '2', '100.00', '98', '4,900.00']);
  });

  it('adds up the values in the 合计 row', () => {
    const t = stockLedgerTotals(l.rows);
    expect(t).toEqual({ openingFen: 1_362_500, inFen: 960_000, outFen: 713_500, closingFen: 1_609_000 });
    const total = texts(stockLedgerTable(l.rows).table.body.at(-1));
    expect(total.filter((s) => s !== '')).toEqual(['合　计', '13,625.00', '9,600.00', '7,135.00', '16,090.00']);
  });

  it('has the signature labels, the preparer and the 代管 note', () => {
    for (const s of ['制表：', '审核：', '负责人：', '周丽华', '编制日期：2026年11月20日', '谁捐助谁代管']) expect(text).toContain(s);
  });

  it('flags a row that does not agree with itself, and copes with an empty month', () => {
    expect(text).not.toContain('注意');
    const r0 = l.rows[0]!;
    const bad = allText(stockLedgerDoc({ ...l, rows: [{ ...r0, closingQty: r0.closingQty + 1 }, ...l.rows.slice(1)] }, SAMPLE_FINANCE_CENTRE, { preparedBy: '' }));
    expect(bad).toContain('注意');
    expect(bad).toContain('期初＋收入－发出不等于期末');
    const empty = stockLedgerDoc({ month: '2026-12', rows: [] }, SAMPLE_FINANCE_CENTRE, { preparedBy: '' });
    expect(allText(empty)).toContain('本月无物资收发存记录');
    expect(((empty.content as unknown[]).find((c) => typeof c === 'object' && c !== null && 'table' in c) as ContentTable).table.body).toHaveLength(4);
  });
});
