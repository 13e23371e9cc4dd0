// 救助发放统计 — relief paid in a date range by category, work unit, month and approver (counts and
// amounts). Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReliefReport, ReliefReportGroup } from '../../../shared/contract/reports';
import { formatFen } from '../../../shared/money';
import { chineseDate, chineseIsoDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, sectionTitle, signatureRow } from '../common';
import type { ReportCentre } from './incomeExpenditure';

const TITLE = '救助发放统计表';

function groupTable(title: string, groups: ReliefReportGroup[], total: { count: number; amountFen: number }): Content[] {
  const body: TableCell[][] = [
    [labelCell(title, { bold: true }), labelCell('人次', { bold: true }), labelCell('金额（元）', { bold: true })],
    ...groups.map((g): TableCell[] => [{ text: g.label }, { text: String(g.count), alignment: 'right' }, { text: formatFen(g.amountFen), alignment: 'right', noWrap: true }]),
    [labelCell('合　计', { bold: true }), { text: String(total.count), alignment: 'right', bold: true }, { text: formatFen(total.amountFen), alignment: 'right', bold: true, noWrap: true }],
  ];
  return [sectionTitle(`按${title}`), { table: { headerRows: 1, dontBreakRows: true, widths: ['*', 60, 100], body }, layout: FORM_LAYOUT, fontSize: 9 }];
}

export function reliefReportDoc(r: ReliefReport, centre: ReportCentre, opts: { preparedBy: string }): TDocumentDefinitions {
  const period = `${chineseIsoDate(r.from)}至${chineseIsoDate(r.to)}`;
  const total = { count: r.count, amountFen: r.amountFen };
  return {
    pageSize: 'A4',
    pageMargins: [40, 30, 40, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${TITLE} ${period}`, subject: TITLE, author: centre.centreName },
    content: [
      headerBlock({ centreName: centre.centreName, title: TITLE }),
      { text: period, alignment: 'center', fontSize: 11, bold: true, margin: [0, -2, 0, 4] },
      { text: `共发放救助 ${r.count} 人次，金额 ${formatFen(r.amountFen)} 元（不含已冲销的发放）。`, margin: [0, 0, 0, 2] },
      ...groupTable('救助类别', r.byCategory, total),
      ...groupTable('月份', r.byMonth, total),
      ...groupTable('工作单位', r.byUnit, total),
      ...groupTable('审批人', r.byApprover, total),
      { stack: [signatureRow(['制表', '审核', '负责人']), { text: `制表人：${opts.preparedBy}　　编制日期：${chineseDate(centre.printedAt)}`, alignment: 'right', margin: [0, 8, 0, 0] }], unbreakable: true },
    ],
    footer: { text: `${centre.centreName}　${TITLE}（${period}）　打印时间：${printedAtText(centre.printedAt)}` },
  };
}
