// The 月度收支明细表 workbook, read back with exceljs.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fenToYuanNumber } from '../../../shared/money';
import { statementWorkbook } from '../../../electron/export/statementXlsx';
import { largeMonthlyStatement, SAMPLE_FINANCE_CENTRE, sampleMonthlyStatement } from '../../../electron/pdf/samples';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('fenToYuanNumber', () => {
  it.each([
    [0, 0],
    [5, 0.05],
    [1_000, 10],
    [100_050, 1000.5],
    [1_001_000, 10010],
    [123_456_789, 1234567.89],
    [-7, -0.07],
    [-100_050, -1000.5],
  ])('%i fen → %d yuan', (fen, yuan) => {
    expect(fenToYuanNumber(fen)).toBe(yuan);
  });

  it('refuses fractional fen', () => {
    expect(() => fenToYuanNumber(1.5)).toThrow(RangeError);
  });
});

describe('statementWorkbook', () => {
  const s = sampleMonthlyStatement();

  it('round-trips: 汇总 per fund with the 合计 row, as yuan numbers formatted #,##0.00', async () => {
    const wb = await read(await statementWorkbook(s, SAMPLE_FINANCE_CENTRE.centreName));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '物资']);
    const sum = wb.getWorksheet('汇总')!;
    expect(String(sum.getCell('A1').value)).toContain(SAMPLE_FINANCE_CENTRE.centreName);
    expect(String(sum.getCell('A1').value)).toContain('2026年11月');
    expect(sum.getRow(2).values).toEqual([undefined, '资金来源', '期初余额', '本月收入', '本月支出', '期末余额']);
    expect(sum.getCell('A2').font?.bold).toBe(true);
    s.funds.forEach((f, i) => {
      const row = sum.getRow(3 + i);
      expect(row.getCell(1).value).toBe(f.fundName);
      expect(row.getCell(2).value).toBe(fenToYuanNumber(f.openingFen));
      expect(row.getCell(5).value).toBe(fenToYuanNumber(f.closingFen));
    });
    const total = sum.getRow(3 + s.funds.length);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(2).value).toBe(441650);
    expect(total.getCell(3).value).toBe(181386.85);
    expect(total.getCell(4).value).toBe(48200);
    expect(total.getCell(5).value).toBe(574836.85);
    expect([2, 3, 4, 5].map((c) => total.getCell(c).value)).toEqual([s.totals.openingFen, s.totals.receiptsFen, s.totals.paymentsFen, s.totals.closingFen].map(fenToYuanNumber));
    expect(total.getCell(3).numFmt).toBe('#,##0.00');
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(sum.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sum.getColumn(1).width).toBeGreaterThanOrEqual(20);
  });

  it('lists every line with its fund in 明细', async () => {
    const wb = await read(await statementWorkbook(s, SAMPLE_FINANCE_CENTRE.centreName));
    const detail = wb.getWorksheet('明细')!;
    expect(detail.getRow(2).values).toEqual([undefined, '资金来源', '日期', '凭证号', '摘要', '科目', '收入', '支出']);
    const lines = s.funds.flatMap((f) => f.lines.map((l) => ({ fund: f.fundName, ...l })));
    expect(detail.rowCount).toBe(2 + lines.length + 1);
    lines.forEach((l, i) => {
      const row = detail.getRow(3 + i);
      expect(row.getCell(1).value).toBe(l.fund);
      expect(row.getCell(2).value).toEqual(new Date(`${l.date}T00:00:00Z`));
      expect(row.getCell(3).value).toBe(l.entryNumber);
      expect(row.getCell(4).value).toBe(l.memo);
      expect(row.getCell(6).value).toBe(fenToYuanNumber(l.receiptFen));
      expect(row.getCell(7).value).toBe(fenToYuanNumber(l.paymentFen));
      expect(row.getCell(7).numFmt).toBe('#,##0.00');
    });
    const last = detail.getRow(detail.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(6).value).toBe(fenToYuanNumber(s.totals.receiptsFen));
    expect(last.getCell(7).value).toBe(fenToYuanNumber(s.totals.paymentsFen));
  });

  it('has the month\'s stock ledger in 物资: per item and location, quantities and values, the 合计 of the values', async () => {
    const wb = await read(await statementWorkbook(s, SAMPLE_FINANCE_CENTRE.centreName));
    const ws = wb.getWorksheet('物资')!;
    expect(String(ws.getCell('A1').value)).toContain('2026年11月物资收发存');
    expect(ws.getRow(2).values).toEqual([undefined, '品名', '单位', '存放地点', '期初数量', '期初金额', '收入数量', '收入金额', '发出数量', '发出金额', '期末数量', '期末金额']);
    expect(ws.rowCount).toBe(2 + s.materials.length + 1);
    s.materials.forEach((r, i) => {
      expect(ws.getRow(3 + i).values).toEqual([
        undefined,
        r.itemName,
        r.unit,
        r.locationName,
        r.openingQty,
        fenToYuanNumber(r.openingFen),
        r.inQty,
        fenToYuanNumber(r.inFen),
        r.outQty,
        fenToYuanNumber(r.outFen),
        r.closingQty,
        fenToYuanNumber(r.closingFen),
      ]);
    });
    expect(ws.getRow(4).values).toEqual([undefined, '大米（5kg/袋）', '袋', '宏达建材公司代管仓库', 0, 0, 100, 5000, 2, 100, 98, 4900]);
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect([5, 7, 9, 11].map((c) => total.getCell(c).value)).toEqual([13625, 9600, 7135, 16090]);
    expect(total.getCell(4).value).toBeNull();
    expect(total.getCell(11).numFmt).toBe('#,##0.00');
  });

  it('leaves out 物资 when the month has no stock rows', async () => {
    const wb = await read(await statementWorkbook({ ...s, materials: [] }, SAMPLE_FINANCE_CENTRE.centreName));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细']);
  });

  it('notes an open month in the titles and copes with 2,000 lines', async () => {
    const big = largeMonthlyStatement(2000);
    const wb = await read(await statementWorkbook(big, SAMPLE_FINANCE_CENTRE.centreName));
    expect(String(wb.getWorksheet('汇总')!.getCell('A1').value)).toContain('未结账');
    expect(wb.getWorksheet('明细')!.rowCount).toBe(2 + 2000 + 1);
    const total = wb.getWorksheet('汇总')!.getRow(3 + big.funds.length);
    expect(total.getCell(5).value).toBe(fenToYuanNumber(big.totals.closingFen));
  });
});
