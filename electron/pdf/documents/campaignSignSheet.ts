// 慰问金签领表 — the sheet recipients sign when they collect a campaign's money (DOMAIN §4). One
// section per work unit, each starting on a new page: 序号, 姓名, masked ID number, group, amount, a wide
// 签字 column and 备注; the unit's total in figures and in capitals; 制表 / 审核 / 负责人 lines. A grand
// total closes the sheet when it covers more than one unit. Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_KIND_LABELS } from '../../../shared/campaign';
import type { CampaignBatch, CampaignLine, CampaignSummary } from '../../../shared/contract/campaigns';
import { fenToCapitals, formatFen } from '../../../shared/money';
import { chineseIsoDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, signatureRow } from '../common';

export interface SignSheetCentre {
  centreName: string;
  printedAt: Date;
}

export interface SignSheetData {
  campaign: CampaignSummary;
  /** The batch the sheet is for, or null for the whole approved list (printed before paying). */
  batch: CampaignBatch | null;
  lines: CampaignLine[];
  preparedBy: string;
}

export const SIGN_SHEET_TITLE = '慰问金签领表';

/** "人民币（大写）伍仟元整" */
export const capitalsLine = (fen: number) => `人民币（大写）${fenToCapitals(fen)}`;

function unitTable(lines: CampaignLine[]): Content {
  const header: TableCell[] = ['序号', '姓名', '身份证号', '帮扶类别', '金额（元）', '签　字', '备注'].map((t) => labelCell(t, { bold: true }));
  const body: TableCell[][] = [header];
  lines.forEach((l, i) => {
    body.push([
      { text: String(i + 1), alignment: 'center' },
      { text: l.name },
      { text: l.maskedIdNumber, noWrap: true },
      { text: CAMPAIGN_GROUP_LABELS[l.group] },
      { text: formatFen(l.amountFen), alignment: 'right', noWrap: true },
      { text: '' },
      { text: l.returned ? '未领取退回' : '', fontSize: 8 },
    ] as TableCell[]);
  });
  const total = lines.reduce((s, l) => s + l.amountFen, 0);
  body.push([
    labelCell('合计', { bold: true, colSpan: 4 }),
    { text: '' },
    { text: '' },
    { text: '' },
    { text: formatFen(total), alignment: 'right', bold: true, noWrap: true },
    { text: `${lines.length} 人`, colSpan: 2 },
    { text: '' },
  ] as TableCell[]);
  body.push([labelCell('合计（大写）', { bold: true, colSpan: 2 }), { text: '' }, { text: capitalsLine(total), bold: true, colSpan: 5 }, { text: '' }, { text: '' }, { text: '' }, { text: '' }] as TableCell[]);
  return {
    table: { headerRows: 1, widths: [26, 52, 108, 64, 62, '*', 56], heights: (row: number) => (row === 0 ? 18 : 24), body, dontBreakRows: true } as never,
    layout: FORM_LAYOUT,
  };
}

export function campaignSignSheetDoc(d: SignSheetData, centre: SignSheetCentre): TDocumentDefinitions {
  const units = new Map<string, CampaignLine[]>();
  for (const l of d.lines) units.set(l.workUnit, [...(units.get(l.workUnit) ?? []), l]);
  const c = d.campaign;
  const content: Content[] = [];
  let first = true;
  for (const [unit, lines] of units) {
    content.push({
      stack: [
        headerBlock({
          centreName: centre.centreName,
          title: `${c.name} ${SIGN_SHEET_TITLE}`,
          numberLeft: `单位：${unit}`,
          numberRight: `${CAMPAIGN_KIND_LABELS[c.kind]}　${c.number}${d.batch ? `　批次 ${d.batch.number}` : ''}`,
        }),
      ],
      ...(first ? {} : { pageBreak: 'before' as const }),
    });
    content.push(unitTable(lines));
    content.push({ text: '领款人请核对金额后本人签字；代领须注明代领人姓名及关系。', fontSize: 8.5, margin: [0, 4, 0, 0] });
    content.push(signatureRow(['制表', '审核', '负责人']));
    content.push({ text: `制表：${d.preparedBy}　　发放日期：${d.batch ? chineseIsoDate(d.batch.date) : '　　　　年　　月　　日'}`, fontSize: 8.5, margin: [0, 6, 0, 0] });
    first = false;
  }
  const total = d.lines.reduce((s, l) => s + l.amountFen, 0);
  if (units.size > 1 || units.size === 0) {
    content.push({
      stack: [
        { text: `总计：${units.size} 个单位，${d.lines.length} 人，金额 ¥${formatFen(total)}`, bold: true },
        { text: `总计（大写）：${capitalsLine(total)}`, bold: true },
      ],
      margin: [0, 14, 0, 0],
      unbreakable: true,
    });
  }
  return {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 44],
    defaultStyle: { fontSize: 9.5 },
    info: { title: `${c.name} ${SIGN_SHEET_TITLE}`, subject: SIGN_SHEET_TITLE, author: centre.centreName },
    content,
    footer: { text: `打印时间：${printedAtText(centre.printedAt)}` },
  };
}
