// 物资收发存月报表 as an Excel workbook (DOMAIN §5 and §7: the month's stock ledger, exportable to
// Excel): one sheet 物资收发存 with a row per item and location, quantities as whole numbers and
// estimated values as yuan numbers formatted '#,##0.00', and the 合计 row of the values. The
// figures are the ones the books give, never recomputed here.
import ExcelJS from 'exceljs';
import type { StockLedger } from '../../shared/contract/materials';
import { addStockLedgerSheet } from './statementXlsx';

/** '2026-11' → '2026年11月' */
function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

export async function stockLedgerWorkbook(l: StockLedger, centreName: string): Promise<Buffer> {
  const label = monthLabel(l.month);
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  wb.title = `${label}物资收发存月报表`;
  addStockLedgerSheet(wb, '物资收发存', `${centreName} ${label}物资收发存月报表（金额为估价）`, l.rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
