// 月度收支明细表 as an Excel workbook (DOMAIN §7: "every list exportable to Excel"): sheet 汇总 with
// one row per fund and the 合计 row, sheet 明细 with every line and its fund, and sheet 物资 with the
// month's stock ledger (物资收发存, the same sheet as the 物资收发存月报表 workbook) when it has rows. Amounts are numbers in
// yuan with the '#,##0.00' format, so finance can add them up in Excel; the figures are the ones the
// books give, never recomputed here.
import ExcelJS from 'exceljs';
import type { MonthlyStatement } from '../../shared/contract/ledger';
import type { StockLedgerRow } from '../../shared/contract/materials';
import { fenToYuanNumber } from '../../shared/money';

const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };


/** '2026-11' → '2026年11月' */
function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** 'YYYY-MM-DD' → a Date at UTC midnight: exceljs writes it as that calendar day whatever the machine's zone. */
function excelDate(date: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : date;
}

interface Column {
  header: string;
  width: number;
  money?: boolean;
  date?: boolean;
}

/** Title row (merged over the columns), the bold header row below it, both frozen. */
function startSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = ws.addRow([title]);
  ws.mergeCells(1, 1, 1, columns.length);
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 24;
  const header = ws.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  return ws;
}

function styleBody(row: ExcelJS.Row, columns: Column[], bold = false): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    if (c.money) cell.numFmt = MONEY_FORMAT;
    if (c.date) cell.numFmt = DATE_FORMAT;
    if (bold) cell.font = { bold: true };
  });
}

const QTY_FORMAT = '#,##0';

/**
 * A 物资收发存 sheet: one row per item and location with 期初 / 收入 / 发出 / 期末 in quantity and
 * estimated value (yuan), then the 合计 row of the values (quantities of different items are not
 * added up). Shared with stockLedgerXlsx.ts.
 */
export function addStockLedgerSheet(wb: ExcelJS.Workbook, name: string, title: string, rows: readonly StockLedgerRow[]): ExcelJS.Worksheet {
  const qty = (header: string): Column => ({ header, width: 10 });
  const value = (header: string): Column => ({ header, width: 14, money: true });
  const columns: Column[] = [
    { header: '品名', width: 22 },
    { header: '单位', width: 8 },
    { header: '存放地点', width: 26 },
    qty('期初数量'),
    value('期初金额'),
    qty('收入数量'),
    value('收入金额'),
    qty('发出数量'),
    value('发出金额'),
    qty('期末数量'),
    value('期末金额'),
  ];
  const ws = startSheet(wb, name, title, columns);
  const total = { openingFen: 0, inFen: 0, outFen: 0, closingFen: 0 };
  for (const r of rows) {
    const row = ws.addRow([
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
    styleBody(row, columns);
    for (const c of [4, 6, 8, 10]) row.getCell(c).numFmt = QTY_FORMAT;
    total.openingFen += r.openingFen;
    total.inFen += r.inFen;
    total.outFen += r.outFen;
    total.closingFen += r.closingFen;
  }
  const totalRow = ws.addRow(['合计', null, null, null, fenToYuanNumber(total.openingFen), null, fenToYuanNumber(total.inFen), null, fenToYuanNumber(total.outFen), null, fenToYuanNumber(total.closingFen)]);
  styleBody(totalRow, columns, true);
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return ws;
}

export async function statementWorkbook(s: MonthlyStatement, centreName: string): Promise<Buffer> {
  const label = monthLabel(s.month);
  const note = s.closed ? '' : '（未结账）';
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  wb.title = `${label}月度收支明细表`;

  const summaryColumns: Column[] = [
    { header: '资金来源', width: 30 },
    { header: '期初余额', width: 16, money: true },
    { header: '本月收入', width: 16, money: true },
    { header: '本月支出', width: 16, money: true },
    { header: '期末余额', width: 16, money: true },
  ];
  const summary = startSheet(wb, '汇总', `${centreName} ${label}月度收支明细表${note}`, summaryColumns);
  for (const f of s.funds) {
    const row = summary.addRow([f.fundName, fenToYuanNumber(f.openingFen), fenToYuanNumber(f.receiptsFen), fenToYuanNumber(f.paymentsFen), fenToYuanNumber(f.closingFen)]);
    styleBody(row, summaryColumns);
  }
  const t = s.totals;
  const totalRow = summary.addRow(['合计', fenToYuanNumber(t.openingFen), fenToYuanNumber(t.receiptsFen), fenToYuanNumber(t.paymentsFen), fenToYuanNumber(t.closingFen)]);
  styleBody(totalRow, summaryColumns, true);

  const detailColumns: Column[] = [
    { header: '资金来源', width: 24 },
    { header: '日期', width: 12, date: true },
    { header: '凭证号', width: 18 },
    { header: '摘要', width: 40 },
    { header: '科目', width: 16 },
    { header: '收入', width: 14, money: true },
    { header: '支出', width: 14, money: true },
  ];
  const detail = startSheet(wb, '明细', `${centreName} ${label}收支明细${note}`, detailColumns);
  for (const f of s.funds) {
    for (const l of f.lines) {
      const row = detail.addRow([f.fundName, excelDate(l.date), l.entryNumber, l.memo, l.accountName, fenToYuanNumber(l.receiptFen), fenToYuanNumber(l.paymentFen)]);
      styleBody(row, detailColumns);
    }
  }
  const detailTotal = detail.addRow(['合计', null, null, null, null, fenToYuanNumber(t.receiptsFen), fenToYuanNumber(t.paymentsFen)]);
  styleBody(detailTotal, detailColumns, true);
  detail.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: detailColumns.length } };

  if (s.materials.length > 0) addStockLedgerSheet(wb, '物资', `${centreName} ${label}物资收发存（金额为估价）${note}`, s.materials);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
