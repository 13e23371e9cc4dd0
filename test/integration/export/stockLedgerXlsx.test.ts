// The 物资收发存月报表 workbook, read back with exceljs.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fenToYuanNumber } from '../../../shared/money';
import { stockLedgerWorkbook } from '../../../electron/export/stockLedgerXlsx';
import { SAMPLE_FINANCE_CENTRE, sampleStockLedger } from '../../../electron/pdf/samples';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('stockLedgerWorkbook', () => {
  const l = sampleStockLedger();

  it('round-trips: one row per item and location with quantities and yuan values, then the 合计 row', async () => {
    const wb = await read(await stockLedgerWorkbook(l, SAMPLE_FINANCE_CENTRE.centreName));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['物资收发存']);
    const ws = wb.getWorksheet('物资收发存')!;
    const title = String(ws.getCell('A1').value);
    expect(title).toContain(SAMPLE_FINANCE_CENTRE.centreName);
    expect(title).toContain('2026年11月物资收发存月报表');
    expect(ws.getRow(2).values).toEqual([undefined, '品名', '单位', '存放地点', '期初数量', '期初金额', '收入数量', '收入金额', '发出数量', '发出金额', '期末数量', '期末金额']);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.rowCount).toBe(2 + l.rows.length + 1);
    l.rows.forEach((r, i) => {
      const row = ws.getRow(3 + i);
      expect(row.getCell(1).value).toBe(r.itemName);
      expect(row.getCell(3).value).toBe(r.locationName);
      expect([4, 6, 8, 10].map((c) => row.getCell(c).value)).toEqual([r.openingQty, r.inQty, r.outQty, r.closingQty]);
      expect([5, 7, 9, 11].map((c) => row.getCell(c).value)).toEqual([r.openingFen, r.inFen, r.outFen, r.closingFen].map(fenToYuanNumber));
      expect(row.getCell(5).numFmt).toBe('#,##0.00');
      expect(row.getCell(4).numFmt).toBe('#,##0');
    });
    expect(ws.getRow(4).values).toEqual([undefined, '大米（5kg/袋）', '袋', '宏达建材公司代管仓库', 0, 0, 100, 5000, 2, 100, 98, 4900]);
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(1).font?.bold).toBe(true);
    expect([5, 7, 9, 11].map((c) => total.getCell(c).value)).toEqual([13625, 9600, 7135, 16090]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('copes with an empty month', async () => {
    const wb = await read(await stockLedgerWorkbook({ month: '2026-12', rows: [] }, SAMPLE_FINANCE_CENTRE.centreName));
    const ws = wb.getWorksheet('物资收发存')!;
    expect(String(ws.getCell('A1').value)).toContain('2026年12月');
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(3).getCell(11).value).toBe(0);
  });
});
