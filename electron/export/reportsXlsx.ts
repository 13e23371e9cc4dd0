// The reports for the higher union as Excel workbooks: 收入支出表 (one sheet, rows by account with 本月数
// and 本年累计数) and 救助发放统计 (one sheet per grouping). Amounts are numbers in yuan ('#,##0.00') so
// finance can add them up; the figures are the report's, never recomputed here.
import ExcelJS from 'exceljs';
import type { PetitionStats } from '../../shared/contract/petitions';
import type { IncomeExpenditure, ReliefReport, ReliefReportGroup, YearSummary } from '../../shared/contract/reports';
import { petitionMonths } from '../pdf/documents/petitionReport';
import { fenToYuanNumber } from '../../shared/money';

const MONEY_FORMAT = '#,##0.00';
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

/** Title row merged over the columns, then the bold header row; both frozen. */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: [string, number][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  ws.columns = headers.map(([, width]) => ({ width }));
  const t = ws.addRow([title]);
  ws.mergeCells(1, 1, 1, headers.length);
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const h = ws.addRow(headers.map(([text]) => text));
  h.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: 'center' };
  });
  return ws;
}

function body(ws: ExcelJS.Worksheet, values: (string | number | null)[], moneyColumns: number[], bold = false): void {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.border = BORDER;
    if (moneyColumns.includes(col)) c.numFmt = MONEY_FORMAT;
    if (bold) c.font = { bold: true };
  });
}

export async function incomeExpenditureWorkbook(r: IncomeExpenditure, centreName: string): Promise<Buffer> {
  const [y, m] = r.month.split('-').map(Number) as [number, number];
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  const ws = sheet(wb, '收入支出表', `${centreName} 收入支出表 ${y}年${m}月${r.closed ? '' : '（未结账）'}`, [
    ['科目编码', 14],
    ['项目', 40],
    ['本月数', 16],
    ['本年累计数', 16],
  ]);
  const money = [3, 4];
  const t = r.totals;
  body(ws, [null, '一、收入', null, null], money, true);
  for (const row of r.income) body(ws, [row.code, `${'  '.repeat(row.level - 1)}${row.name}`, fenToYuanNumber(row.monthFen), fenToYuanNumber(row.yearFen)], money, row.level === 1);
  body(ws, [null, '本期收入合计', fenToYuanNumber(t.incomeMonthFen), fenToYuanNumber(t.incomeYearFen)], money, true);
  body(ws, [null, '二、支出', null, null], money, true);
  for (const row of r.expense) body(ws, [row.code, `${'  '.repeat(row.level - 1)}${row.name}`, fenToYuanNumber(row.monthFen), fenToYuanNumber(row.yearFen)], money, row.level === 1);
  body(ws, [null, '本期支出合计', fenToYuanNumber(t.expenseMonthFen), fenToYuanNumber(t.expenseYearFen)], money, true);
  body(ws, [null, '三、收支结余', fenToYuanNumber(t.surplusMonthFen), fenToYuanNumber(t.surplusYearFen)], money, true);
  ws.addRow([]);
  ws.addRow(['单位负责人：', null, '财务负责人：', '制表：']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function reliefReportWorkbook(r: ReliefReport, centreName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  const groups: [string, string, ReliefReportGroup[]][] = [
    ['按类别', '救助类别', r.byCategory],
    ['按月份', '月份', r.byMonth],
    ['按单位', '工作单位', r.byUnit],
    ['按审批人', '审批人', r.byApprover],
  ];
  for (const [name, header, list] of groups) {
    const ws = sheet(wb, name, `${centreName} 救助发放统计 ${r.from} 至 ${r.to}（${name}）`, [
      [header, 30],
      ['人次', 10],
      ['金额（元）', 16],
    ]);
    for (const g of list) body(ws, [g.label, g.count, fenToYuanNumber(g.amountFen)], [3]);
    body(ws, ['合计', r.count, fenToYuanNumber(r.amountFen)], [3], true);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function petitionReportWorkbook(s: PetitionStats, centreName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  const ws = sheet(wb, '来访统计', `${centreName} ${s.year}年来访统计`, [
    ['月份', 12],
    ['登记', 10],
    ['受理', 10],
    ['答复', 10],
    ['办结', 10],
    ['逾期', 10],
    ['按期办结', 10],
  ]);
  for (const m of petitionMonths(s)) {
    const v = m.values;
    body(ws, [`${Number(m.month.slice(5))}月`, v.received, v.accepted, v.answered, v.closed, v.overdue, v.closedOnTime], []);
  }
  const t = s.totals;
  body(ws, ['合计', t.received, t.accepted, t.answered, t.closed, t.overdue, t.closedOnTime], [], true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function yearSummaryWorkbook(y: YearSummary, centreName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  const work = sheet(wb, '工作', `${centreName} ${y.year}年工作汇总`, [
    ['项目', 30],
    ['数量', 12],
    ['金额（元）', 16],
  ]);
  const rows: [string, number, number | null][] = [
    ['新建档案（户）', y.files.created, null],
    ['脱困退出（户）', y.files.exited, null],
    ['来访登记（件）', y.petitions.received, null],
    ['来访答复（件）', y.petitions.answered, null],
    ['来访办结（件）', y.petitions.closed, null],
    ['来访逾期（件）', y.petitions.overdue, null],
    ...y.relief.byCategory.map((g): [string, number, number] => [`救助发放—${g.label}（人次）`, g.count, g.amountFen]),
    ['救助发放合计（人次）', y.relief.count, y.relief.amountFen],
    ['收到捐款（笔）', y.donations.count, y.donations.amountFen],
  ];
  for (const [label, n, fen] of rows) body(work, [label, n, fen === null ? null : fenToYuanNumber(fen)], [3]);
  const money = sheet(wb, '收支', `${centreName} ${y.year}年收入支出（本年累计至${Number(y.throughMonth.slice(5))}月）`, [
    ['科目编码', 14],
    ['项目', 30],
    ['本年累计数', 16],
  ]);
  for (const r of y.money.income) body(money, [r.code, r.name, fenToYuanNumber(r.yearFen)], [3]);
  body(money, [null, '收入合计', fenToYuanNumber(y.money.incomeFen)], [3], true);
  for (const r of y.money.expense) body(money, [r.code, r.name, fenToYuanNumber(r.yearFen)], [3]);
  body(money, [null, '支出合计', fenToYuanNumber(y.money.expenseFen)], [3], true);
  body(money, [null, '收支结余', fenToYuanNumber(y.money.surplusFen)], [3], true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
