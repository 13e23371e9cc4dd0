// Campaign workbooks: the import template base-level unions fill in, the bank's batch payment file
// (代发) and the campaign summary (DOMAIN §4, §7). Amounts are yuan numbers formatted '#,##0.00',
// converted only here from integer fen; card and ID numbers are text so Excel keeps every digit.
import ExcelJS from 'exceljs';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_KIND_LABELS, IMPORT_COLUMNS } from '../../shared/campaign';
import type { CampaignBatch, CampaignReport, CampaignSummary, ReportRow } from '../../shared/contract/campaigns';
import { fenToYuanNumber } from '../../shared/money';

const MONEY_FORMAT = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function header(ws: ExcelJS.Worksheet, titles: readonly string[]): void {
  const row = ws.addRow([...titles]);
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center' };
  });
}

function titled(wb: ExcelJS.Workbook, name: string, title: string, widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = widths.map((width) => ({ width }));
  const t = ws.addRow([title]);
  ws.mergeCells(1, 1, 1, widths.length);
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  return ws;
}

const border = (row: ExcelJS.Row, n: number, bold = false) => {
  for (let i = 1; i <= n; i++) {
    row.getCell(i).border = BORDER;
    if (bold) row.getCell(i).font = { bold: true };
  }
};

/** The template: headers on row 1 of the first sheet, the ID column as text, the group as a drop-down. */
export async function importTemplateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('慰问名单');
  ws.columns = [{ width: 12 }, { width: 22, style: { numFmt: '@' } }, { width: 30 }, { width: 16 }];
  header(ws, IMPORT_COLUMNS);
  const labels = Object.values(CAMPAIGN_GROUP_LABELS).join(',');
  for (let r = 2; r <= 2001; r++) ws.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${labels}"`] };
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 100 }];
  for (const line of [
    '1. 在“慰问名单”表第 2 行起每行填一人，不要改动第 1 行表头，也不要插入空行以外的其他内容。',
    '2. 身份证号填 18 位，须按文本填写（本模板该列已设为文本格式），末位 X 大小写均可。',
    `3. 帮扶类别从下拉框选择：${Object.values(CAMPAIGN_GROUP_LABELS).join('、')}；须是本次活动设置的类别。`,
    '4. 每人须已在中心建档（先建档、后帮扶、实名制）；姓名须与档案一致。',
    '5. 导入时全部检查，只要有一行不符合就一行也不导入，并逐行列出原因；改正后重新导入即可。',
  ]) help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface BankLine {
  name: string;
  idNumber: string;
  bankCard: string;
  bankName: string;
  amountFen: number;
}

/** 代发 batch file for the bank: 序号, 姓名, 身份证号, 银行卡号, 开户行, 金额, then the total row. */
export async function bankBatchWorkbook(c: CampaignSummary, batch: CampaignBatch, lines: BankLine[], centreName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  const ws = titled(wb, '代发明细', `${centreName} ${c.name} 银行代发明细（${batch.number}）`, [8, 12, 22, 26, 30, 14]);
  header(ws, ['序号', '姓名', '身份证号', '银行卡号', '开户行', '金额（元）']);
  let total = 0;
  lines.forEach((l, i) => {
    const row = ws.addRow([i + 1, l.name, l.idNumber, l.bankCard, l.bankName, fenToYuanNumber(l.amountFen)]);
    row.getCell(3).numFmt = '@';
    row.getCell(4).numFmt = '@';
    row.getCell(6).numFmt = MONEY_FORMAT;
    border(row, 6);
    total += l.amountFen;
  });
  const t = ws.addRow(['合计', `${lines.length} 人`, null, null, null, fenToYuanNumber(total)]);
  t.getCell(6).numFmt = MONEY_FORMAT;
  border(t, 6, true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function reportSheet(wb: ExcelJS.Workbook, name: string, title: string, first: string, rows: ReportRow[], total: ReportRow): void {
  const ws = titled(wb, name, title, [30, 10, 16, 16, 10, 16, 10, 16]);
  header(ws, [first, '名单人数', '名单金额', '预算', '已发人数', '已发金额', '未领取人数', '未领取金额']);
  for (const r of [...rows, total]) {
    const row = ws.addRow([
      r.label,
      r.count,
      fenToYuanNumber(r.listedFen),
      r.budgetFen === null ? null : fenToYuanNumber(r.budgetFen),
      r.paidCount,
      fenToYuanNumber(r.paidFen),
      r.returnedCount,
      fenToYuanNumber(r.returnedFen),
    ]);
    for (const i of [3, 4, 6, 8]) row.getCell(i).numFmt = MONEY_FORMAT;
    border(row, 8, r === total);
  }
}

export async function campaignSummaryWorkbook(r: CampaignReport, centreName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  const c = r.campaign;
  const head = `${centreName} ${c.name}（${CAMPAIGN_KIND_LABELS[c.kind]}）`;
  reportSheet(wb, '按帮扶对象', `${head} 按帮扶对象汇总`, '帮扶对象', r.byGroup, r.total);
  reportSheet(wb, '按单位', `${head} 按单位汇总`, '工作单位', r.byUnit, r.total);
  const ws = wb.addWorksheet('预算执行');
  ws.columns = [{ width: 20 }, { width: 18 }];
  for (const [label, fen] of [
    ['总预算', c.budgetFen],
    ['名单金额', r.total.listedFen],
    ['已发放', r.total.paidFen],
    ['未领取退回', r.total.returnedFen],
    ['实际使用', r.usedFen],
    ['预算结余', r.remainingFen],
  ] as const) {
    const row = ws.addRow([label, fenToYuanNumber(fen)]);
    row.getCell(2).numFmt = MONEY_FORMAT;
    border(row, 2);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

