// 来访统计表 — petitions of a year by month: received, accepted, answered, closed, overdue and closed on
// time, with the year's totals and the on-time rate. Pure: data in, definition out.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PetitionStats } from '../../../shared/contract/petitions';
import { chineseDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, signatureRow } from '../common';
import type { ReportCentre } from './incomeExpenditure';

const TITLE = '来访统计表';
const MEASURES = ['received', 'accepted', 'answered', 'closed', 'overdue', 'closedOnTime'] as const;
const HEADERS = ['月份', '登记', '受理', '答复', '办结', '逾期', '按期办结'];

/** Per month of the year: the core's month × category rows added up by month. */
export function petitionMonths(s: PetitionStats): { month: string; values: Record<(typeof MEASURES)[number], number> }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${s.year}-${String(i + 1).padStart(2, '0')}`;
    const values = { received: 0, accepted: 0, answered: 0, closed: 0, overdue: 0, closedOnTime: 0 };
    for (const r of s.rows.filter((x) => x.month === month)) for (const m of MEASURES) values[m] += r[m];
    return { month, values };
  });
}

export const onTimeText = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

export function petitionReportDoc(s: PetitionStats, centre: ReportCentre, opts: { preparedBy: string }): TDocumentDefinitions {
  const num = (n: number, bold = false): TableCell => ({ text: String(n), alignment: 'right', bold }) as TableCell;
  const body: TableCell[][] = [
    HEADERS.map((h) => labelCell(h, { bold: true })),
    ...petitionMonths(s).map((m): TableCell[] => [{ text: `${Number(m.month.slice(5))}月`, alignment: 'center' }, ...MEASURES.map((k) => num(m.values[k]))]),
    [labelCell('合　计', { bold: true }), ...MEASURES.map((k) => num(s.totals[k], true))],
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 30, 40, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${TITLE} ${s.year}年`, subject: TITLE, author: centre.centreName },
    content: [
      headerBlock({ centreName: centre.centreName, title: TITLE }),
      { text: `${s.year}年`, alignment: 'center', fontSize: 11, bold: true, margin: [0, -2, 0, 6] },
      { table: { headerRows: 1, widths: ['*', 60, 60, 60, 60, 60, 60], body }, layout: FORM_LAYOUT, fontSize: 9.5 },
      { text: `按期办结率：${onTimeText(s.totals.onTimeRate)}（按期办结件数 ÷ 办结件数）。逾期：当月登记、曾超过受理、答复或办结期限的件数。`, fontSize: 9, margin: [0, 6, 0, 0] },
      { stack: [signatureRow(['制表', '审核', '负责人']), { text: `制表人：${opts.preparedBy}　　编制日期：${chineseDate(centre.printedAt)}`, alignment: 'right', margin: [0, 8, 0, 0] }], unbreakable: true },
    ],
    footer: { text: `${centre.centreName}　${s.year}年${TITLE}　打印时间：${printedAtText(centre.printedAt)}` },
  };
}
