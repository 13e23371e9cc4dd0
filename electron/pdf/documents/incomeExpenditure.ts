// 收入支出表 (工会会计报表) — the monthly report of income and expenditure to the higher union: rows by
// income and expense account with 本月数 and 本年累计数, the totals and the surplus, the totals also in
// Chinese capitals, and the signature lines 单位负责人 / 财务负责人 / 制表. Pure: data in, definition out.
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { IncomeExpenditure, IncomeExpenditureRow } from '../../../shared/contract/reports';
import { fenToCapitals, formatFen } from '../../../shared/money';
import { chineseDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, writeLine } from '../common';

export interface ReportCentre {
  centreName: string;
  printedAt: Date;
}

const TITLE = '收入支出表';
const WARN = '#b00000';

const amount = (fen: number, bold = false): TableCell => ({ text: fen === 0 ? '' : formatFen(fen), alignment: 'right', noWrap: true, bold }) as TableCell;

/** The last part of the name, indented by level (a margin: pdfmake drops leading spaces). */
function nameCell(r: IncomeExpenditureRow): TableCell {
  const short = r.level > 1 ? (r.name.split('—').pop() ?? r.name) : r.name;
  return { text: short, bold: r.level === 1, margin: [(r.level - 1) * 12, 0, 0, 0] } as TableCell;
}

/** 单位负责人 and 财务负责人 sign; 制表 carries the name of whoever printed it. */
function signatures(preparedBy: string): Content {
  const line = (label: string, name = ''): Column => ({
    width: '*',
    columns: [
      { text: `${label}：`, width: 'auto' },
      { width: 90, stack: [{ text: name === '' ? ' ' : name, alignment: 'center' }, { ...writeLine(90), margin: [0, -13, 0, 0] }] },
    ],
    columnGap: 2,
  });
  return { columns: [line('单位负责人'), line('财务负责人'), line('制表', preparedBy.trim())], columnGap: 12, margin: [0, 10, 0, 0] };
}

function section(title: string, rows: IncomeExpenditureRow[], monthFen: number, yearFen: number, totalLabel: string): TableCell[][] {
  return [
    [{ text: title, bold: true, colSpan: 4 } as TableCell, { text: '' }, { text: '' }, { text: '' }],
    // Detail accounts with nothing this year are left out so the report fits a page; first-level ones always show.
    ...rows.filter((r) => r.level === 1 || r.monthFen !== 0 || r.yearFen !== 0).map((r): TableCell[] => [{ text: r.code, noWrap: true }, nameCell(r), amount(r.monthFen, r.level === 1), amount(r.yearFen, r.level === 1)]),
    [labelCell(totalLabel, { colSpan: 2, bold: true }), { text: '' }, amount(monthFen, true), amount(yearFen, true)],
  ];
}

export function incomeExpenditureDoc(r: IncomeExpenditure, centre: ReportCentre, opts: { preparedBy: string }): TDocumentDefinitions {
  const [y, m] = r.month.split('-').map(Number) as [number, number];
  const label = `${y}年${m}月`;
  const t = r.totals;
  const body: TableCell[][] = [
    ['科目编码', '项　目', '本月数', '本年累计数'].map((h) => labelCell(h, { bold: true })),
    ...section('一、收入', r.income, t.incomeMonthFen, t.incomeYearFen, '本期收入合计'),
    ...section('二、支出', r.expense, t.expenseMonthFen, t.expenseYearFen, '本期支出合计'),
    [labelCell('三、收支结余', { colSpan: 2, bold: true }), { text: '' }, amount(t.surplusMonthFen, true), amount(t.surplusYearFen, true)],
  ];
  const content: Content[] = [
    headerBlock({ centreName: centre.centreName, title: TITLE }),
    { text: label, alignment: 'center', fontSize: 11, bold: true, margin: [0, -2, 0, 6] },
    { columns: [{ width: '*', text: `编制单位：${centre.centreName}` }, { width: 'auto', text: '会工02表　金额单位：元', alignment: 'right' }], fontSize: 9.5 },
    { text: '本年无发生额的明细科目不列示。', fontSize: 8, color: '#555555' },
  ];
  if (!r.closed) content.push({ text: '本月尚未结账（未结账），表中数字可能变动，仅供核对，不作正式报表。', color: WARN, bold: true, alignment: 'center', margin: [0, 4, 0, 0] });
  content.push(
    { table: { headerRows: 1, dontBreakRows: true, widths: [62, '*', 90, 90], body }, layout: FORM_LAYOUT, fontSize: 9, margin: [0, 4, 0, 0] },
    {
      stack: [
        { text: `本年累计收入合计（大写）：人民币${fenToCapitals(t.incomeYearFen)}` },
        { text: `本年累计支出合计（大写）：人民币${fenToCapitals(t.expenseYearFen)}` },
      ],
      fontSize: 9.5,
      margin: [0, 6, 0, 0],
    },
    {
      stack: [
        signatures(opts.preparedBy),
        { text: `编制日期：${chineseDate(centre.printedAt)}`, alignment: 'right', margin: [0, 8, 0, 0] },
      ],
      unbreakable: true,
      margin: [0, 6, 0, 0],
    },
  );
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 30, 40, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${TITLE} ${label}`, subject: TITLE, author: centre.centreName },
    ...(r.closed ? {} : { watermark: { text: '未结账', color: WARN, opacity: 0.1, bold: true, fontSize: 110 } }),
    content,
    footer: { text: `${centre.centreName}　${label}${TITLE}　打印时间：${printedAtText(centre.printedAt)}` },
  };
}
