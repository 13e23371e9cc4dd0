// Reading a list workbook back: the data rows (title, filter line and heads come first; a 合计 row last
// when the sheet has money columns).
import ExcelJS from 'exceljs';
import type { FileDownload } from '../../../shared/contract/define';
import { LIST_FIRST_ROW } from '../../../electron/export/listXlsx';

export interface ListBook {
  sheet: ExcelJS.Worksheet;
  scope: string;
  heads: unknown[];
  rows: ExcelJS.Row[];
  total: ExcelJS.Row | null;
}

export async function readListBook(file: FileDownload, sheetName: string, hasTotal: boolean): Promise<ListBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer); // exceljs types want an ArrayBuffer; a Node Buffer is what it reads
  const sheet = wb.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const last = sheet.rowCount;
  const rows: ExcelJS.Row[] = [];
  for (let i = LIST_FIRST_ROW; i <= (hasTotal ? last - 1 : last); i++) rows.push(sheet.getRow(i));
  return {
    sheet,
    scope: String(sheet.getCell('A2').value),
    heads: (sheet.getRow(LIST_FIRST_ROW - 1).values as unknown[]).slice(1),
    rows,
    total: hasTotal ? sheet.getRow(last) : null,
  };
}

/** Every page of a paged list, page by page, so the workbook is compared with what the page can show. */
export async function allPages<T>(fetch: (page: number, pageSize: number) => Promise<{ rows: T[]; total: number }>, pageSize = 2): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const r = await fetch(page, pageSize);
    out.push(...r.rows);
    if (out.length >= r.total || r.rows.length === 0) return out;
  }
}
