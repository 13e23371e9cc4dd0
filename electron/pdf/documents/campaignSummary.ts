// 慰问活动汇总表 — recipients and amounts by group and by unit, the budget used and what was not
// collected (DOMAIN §4, §7). Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS } from '../../../shared/campaign';
import type { CampaignReport, ReportRow } from '../../../shared/contract/campaigns';
import { fenToCapitals, formatFen } from '../../../shared/money';
import { chineseIsoDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, sectionTitle, signatureRow } from '../common';

const num = (fen: number | null, bold = false): TableCell => ({ text: fen === null ? '—' : formatFen(fen), alignment: 'right', noWrap: true, bold }) as TableCell;

function table(first: string, rows: ReportRow[], total: ReportRow): Content {
  const header = [first, '名单人数', '名单金额', '预算', '已发人数', '已发金额', '未领人数', '未领金额'].map((t) => labelCell(t, { bold: true }));
  const line = (r: ReportRow, bold = false): TableCell[] => [
    { text: r.label, bold } as TableCell,
    { text: String(r.count), alignment: 'right', bold } as TableCell,
    num(r.listedFen, bold),
    num(r.budgetFen, bold),
    { text: String(r.paidCount), alignment: 'right', bold } as TableCell,
    num(r.paidFen, bold),
    { text: String(r.returnedCount), alignment: 'right', bold } as TableCell,
    num(r.returnedFen, bold),
  ];
  return {
    table: { headerRows: 1, widths: ['*', 40, 62, 62, 40, 62, 40, 58], body: [header, ...rows.map((r) => line(r)), line(total, true)] },
    layout: FORM_LAYOUT,
  };
}

export function campaignSummaryDoc(r: CampaignReport, centre: { centreName: string; printedAt: Date }, preparedBy: string): TDocumentDefinitions {
  const c = r.campaign;
  return {
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 44],
    defaultStyle: { fontSize: 9 },
    info: { title: `${c.name} 慰问活动汇总表`, author: centre.centreName },
    content: [
      headerBlock({
        centreName: centre.centreName,
        title: `${c.name} 慰问活动汇总表`,
        numberLeft: `${CAMPAIGN_KIND_LABELS[c.kind]}　${chineseIsoDate(c.startDate)}至${chineseIsoDate(c.endDate)}　资金：${c.fundName}`,
        numberRight: `${c.number}　${CAMPAIGN_STATUS_LABELS[c.status]}`,
      }),
      {
        table: {
          widths: ['*', '*', '*', '*', '*', '*'],
          body: [
            ['总预算', '名单金额', '已发放', '未领取退回', '实际使用', '预算结余'].map((t) => labelCell(t, { bold: true })),
            [num(c.budgetFen), num(r.total.listedFen), num(r.total.paidFen), num(r.total.returnedFen), num(r.usedFen, true), num(r.remainingFen)],
          ],
        },
        layout: FORM_LAYOUT,
      },
      { text: `实际使用（大写）：人民币${fenToCapitals(r.usedFen)}`, margin: [0, 3, 0, 0] },
      sectionTitle('一、按帮扶对象'),
      table('帮扶对象', r.byGroup, r.total),
      sectionTitle('二、按单位'),
      table('工作单位', r.byUnit, r.total),
      signatureRow(['制表', '审核', '负责人']),
      { text: `制表：${preparedBy}`, fontSize: 8.5, margin: [0, 6, 0, 0] },
    ],
    footer: { text: `打印时间：${printedAtText(centre.printedAt)}` },
  };
}
