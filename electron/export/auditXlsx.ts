// 审计日志 as an Excel workbook (issue 15): the rows of the page's current filter, newest first, each as
// the page shows it — local time, who, the operation, the outcome and the Chinese sentence — with the
// recorded input (masked as stored) in a last column for whoever needs the technical detail.
import ExcelJS from 'exceljs';
import { auditActor, auditSentence } from '../../shared/auditText';
import type { AuditRow } from '../../shared/contract/audit';
import { localDateTime } from '../../shared/dates';

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

export const AUDIT_SHEET = '审计日志';
const COLUMNS: [string, number][] = [
  ['序号', 10],
  ['时间', 18],
  ['用户', 14],
  ['操作', 22],
  ['结果', 8],
  ['内容', 70],
  ['原始记录', 50],
];

/** `scope` says which filter the rows answer, printed under the title ("2026年11月1日至2026年11月30日"). */
export async function auditWorkbook(rows: readonly AuditRow[], centreName: string, scope: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  wb.title = AUDIT_SHEET;
  const ws = wb.addWorksheet(AUDIT_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }] });
  ws.columns = COLUMNS.map(([, width]) => ({ width }));
  const title = ws.addRow([`${centreName} 审计日志`]);
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.addRow([`${scope}　共 ${rows.length} 条`]);
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  const head = ws.addRow(COLUMNS.map(([text]) => text));
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: 'center' };
  });
  for (const r of rows) {
    const s = auditSentence(r);
    const row = ws.addRow([r.id, localDateTime(new Date(r.at)), auditActor(r), r.channelTitle, r.outcome === 'ok' ? '成功' : '拒绝', s.text, s.detail ?? '']);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER;
      if (col >= 6) c.alignment = { wrapText: true, vertical: 'top' };
    });
    if (r.outcome === 'refused') row.getCell(5).font = { color: { argb: 'FFCC0000' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
