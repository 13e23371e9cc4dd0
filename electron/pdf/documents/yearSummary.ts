// 年度工作汇总 — the year's work and money on one page: worker files, petitions, relief by category,
// donations, and income and expenditure by first-level account. Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { YearSummary } from '../../../shared/contract/reports';
import { fenToCapitals, formatFen } from '../../../shared/money';
import { chineseDate, FORM_LAYOUT, headerBlock, kvTable, labelCell, printedAtText, sectionTitle, signatureRow } from '../common';
import type { ReportCentre } from './incomeExpenditure';
import { onTimeText } from './petitionReport';

const TITLE = '年度工作汇总表';
const money = (fen: number, bold = false): TableCell => ({ text: formatFen(fen), alignment: 'right', noWrap: true, bold }) as TableCell;

function twoColumn(title: string, rows: [string, string | number, number | null][]): Content {
  const body: TableCell[][] = [
    [labelCell('项　目', { bold: true }), labelCell(title, { bold: true }), labelCell('金额（元）', { bold: true })],
    ...rows.map(([label, count, fen]): TableCell[] => [{ text: label }, { text: String(count), alignment: 'right' }, fen === null ? { text: '' } : money(fen)]),
  ];
  return { table: { headerRows: 1, widths: ['*', 80, 110], body }, layout: FORM_LAYOUT, fontSize: 9.5 };
}

export function yearSummaryDoc(y: YearSummary, centre: ReportCentre, opts: { preparedBy: string }): TDocumentDefinitions {
  const through = `${Number(y.throughMonth.slice(5))}月`;
  const p = y.petitions;
  const moneyRows: TableCell[][] = [
    [labelCell('科目编码', { bold: true }), labelCell('项　目', { bold: true }), labelCell(`本年累计数（至${through}）`, { bold: true })],
    ...y.money.income.map((r): TableCell[] => [{ text: r.code }, { text: r.name }, money(r.yearFen)]),
    [labelCell('收入合计', { colSpan: 2, bold: true }), { text: '' }, money(y.money.incomeFen, true)],
    ...y.money.expense.map((r): TableCell[] => [{ text: r.code }, { text: r.name }, money(r.yearFen)]),
    [labelCell('支出合计', { colSpan: 2, bold: true }), { text: '' }, money(y.money.expenseFen, true)],
    [labelCell('收支结余', { colSpan: 2, bold: true }), { text: '' }, money(y.money.surplusFen, true)],
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 30, 40, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${TITLE} ${y.year}年`, subject: TITLE, author: centre.centreName },
    content: [
      headerBlock({ centreName: centre.centreName, title: TITLE }),
      { text: `${y.year}年`, alignment: 'center', fontSize: 11, bold: true, margin: [0, -2, 0, 6] },
      sectionTitle('一、困难职工档案与来访'),
      kvTable(
        [
          [
            { label: '新建档案', value: `${y.files.created} 户` },
            { label: '脱困退出', value: `${y.files.exited} 户` },
          ],
          [
            { label: '来访登记', value: `${p.received} 件` },
            { label: '办结', value: `${p.closed} 件（按期办结率 ${onTimeText(p.onTimeRate)}）` },
          ],
          [
            { label: '答复', value: `${p.answered} 件` },
            { label: '逾期', value: `${p.overdue} 件` },
          ],
        ],
        { pairs: 2, labelWidth: 70 },
      ),
      sectionTitle('二、救助发放与捐赠'),
      twoColumn('人次／笔数', [
        ...y.relief.byCategory.map((g): [string, number, number] => [g.label, g.count, g.amountFen]),
        ['救助发放合计', y.relief.count, y.relief.amountFen],
        ['收到捐款', y.donations.count, y.donations.amountFen],
      ]),
      sectionTitle('三、收入支出', `按工会会计制度一级科目，本年累计至${through}`),
      { table: { headerRows: 1, widths: [62, '*', 130], body: moneyRows }, layout: FORM_LAYOUT, fontSize: 9.5 },
      { text: `收入合计（大写）：人民币${fenToCapitals(y.money.incomeFen)}；支出合计（大写）：人民币${fenToCapitals(y.money.expenseFen)}`, fontSize: 9, margin: [0, 4, 0, 0] },
      { stack: [signatureRow(['单位负责人', '财务负责人', '制表']), { text: `制表人：${opts.preparedBy}　　编制日期：${chineseDate(centre.printedAt)}`, alignment: 'right', margin: [0, 8, 0, 0] }], unbreakable: true },
    ],
    footer: { text: `${centre.centreName}　${y.year}年${TITLE}　打印时间：${printedAtText(centre.printedAt)}` },
  };
}
