// One sheet of a list page's rows (issue 14): title, the filter in words, the column heads, a row per
// record in the page's order, and a 合计 row when there are money columns. Money is a yuan number
// formatted '#,##0.00', converted only here from integer fen.
import ExcelJS from 'exceljs';
import { fenToYuanNumber } from '../../shared/money';

const MONEY_FORMAT = '#,##0.00';
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
/** Rows between progress reports: often enough for the bar, rare enough not to flood the worker's port. */
const REPORT_EVERY = 500;
/** The first data row: title, filter line and heads come before it. */
export const LIST_FIRST_ROW = 4;

export interface ListColumn<T> {
  title: string;
  width: number;
  /** Money columns give integer fen. */
  value: (row: T) => string | number;
  money?: boolean;
  /** Money that does not add up (e.g. a per-capita income): formatted, but left out of the 合计 row. */
  noSum?: boolean;
}

export interface ListSheet<T> {
  sheet: string;
  centreName: string;
  columns: readonly ListColumn<T>[];
  rows: readonly T[];
  /** The filter and order in words, printed under the title. */
  scope: string;
  unit: string;
  onRows?: (done: number, total: number) => void;
}

export async function listWorkbook<T>(s: ListSheet<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = s.centreName;
  wb.title = s.sheet;
  addListSheet(wb, s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Adds the list as a sheet of `wb` (a workbook may hold a list and its detail lines). */
export function addListSheet<T>(wb: ExcelJS.Workbook, s: ListSheet<T>): void {
  const ws = wb.addWorksheet(s.sheet, { views: [{ state: 'frozen', ySplit: LIST_FIRST_ROW - 1 }] });
  const width = s.columns.length;
  ws.columns = s.columns.map((c) => ({ width: c.width }));
  const title = ws.addRow([`${s.centreName} ${s.sheet}`]);
  ws.mergeCells(1, 1, 1, width);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.addRow([`${s.scope}　共 ${s.rows.length} ${s.unit}`]);
  ws.mergeCells(2, 1, 2, width);
  const head = ws.addRow(s.columns.map((c) => c.title));
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: 'center' };
  });
  const sums = s.columns.map(() => 0);
  s.rows.forEach((r, i) => {
    const row = ws.addRow(
      s.columns.map((c, col) => {
        const v = c.value(r);
        if (!c.money) return v;
        sums[col] = (sums[col] ?? 0) + (v as number);
        return fenToYuanNumber(v as number);
      }),
    );
    decorate(row, s.columns);
    if (s.onRows && (i + 1) % REPORT_EVERY === 0) s.onRows(i + 1, s.rows.length);
  });
  if (s.columns.some((c) => c.money && !c.noSum)) {
    const total = ws.addRow(s.columns.map((c, col) => (c.money && !c.noSum ? fenToYuanNumber(sums[col] ?? 0) : col === 0 ? '合计' : '')));
    decorate(total, s.columns);
    total.font = { bold: true };
  }
  s.onRows?.(s.rows.length, s.rows.length);
}

function decorate<T>(row: ExcelJS.Row, columns: readonly ListColumn<T>[]): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    if (c.money) cell.numFmt = MONEY_FORMAT;
  });
}

/** The filter's parts joined for the line under the title; '全部' when nothing narrows the list. */
export const scopeLine = (parts: readonly (string | false | undefined)[]): string => parts.filter(Boolean).join('；') || '全部';

export const orderText = (label: string, order: 'asc' | 'desc'): string => `按${label}${order === 'asc' ? '升序' : '降序'}`;
