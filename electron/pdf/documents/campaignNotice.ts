// 慰问名单公示 — the optional public notice of a campaign list the chair has approved (issue 12).
// A4 portrait, put up in public: ID numbers are only ever printed masked. Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CampaignNotice } from '../../../shared/contract/campaigns';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_KIND_LABELS } from '../../../shared/campaign';
import { LABEL_FILL, chineseIsoDate, money, printedAtText } from '../common';
import { noticePage, publicIdNumber } from './reliefNotice';

export const CAMPAIGN_NOTICE_TITLE = '慰问名单公示';

export interface CampaignNoticeCentre {
  centreName: string;
  unionName: string;
  centrePhone: string;
  centreAddress: string;
  printedAt: Date;
}


export function campaignNoticeDoc(n: CampaignNotice, centre: CampaignNoticeCentre): TDocumentDefinitions {
  const totalFen = n.lines.reduce((sum, l) => sum + l.amountFen, 0);
  const issuer = centre.unionName.trim() || centre.centreName;
  const start = chineseIsoDate(n.noticeStart);
  const end = chineseIsoDate(n.noticeEnd);
  const head = (text: string): TableCell => ({ text, bold: true, fillColor: LABEL_FILL, alignment: 'center' });
  const body: TableCell[][] = [
    [head('序号'), head('姓名'), head('身份证号（已隐藏）'), head('工作单位'), head('帮扶对象类别'), head('金额（元）')],
    ...n.lines.map((l, i): TableCell[] => [
      { text: String(i + 1), alignment: 'center' },
      { text: l.name, alignment: 'center' },
      { text: publicIdNumber(l), alignment: 'center' },
      { text: l.workUnit.trim() || '—' },
      { text: CAMPAIGN_GROUP_LABELS[l.group], alignment: 'center' },
      { text: money(l.amountFen), alignment: 'right' },
    ]),
    [
      { text: '合计', bold: true, alignment: 'center' },
      { text: `${n.lines.length} 人`, colSpan: 4 },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: money(totalFen), bold: true, alignment: 'right' },
    ],
  ];
  const c = n.campaign;
  const intro: Content = {
    text: [
      `${c.name}（${CAMPAIGN_KIND_LABELS[c.kind]}，编号 ${c.number}，活动期间 ${chineseIsoDate(c.startDate)} 至 ${chineseIsoDate(c.endDate)}）慰问名单经中心审核、工会主席批准，共 `,
      { text: String(n.lines.length), bold: true },
      ' 人，现予公示。公示期自 ',
      { text: start, bold: true },
      ' 至 ',
      { text: end, bold: true },
      '。',
    ],
    margin: [0, 4, 0, 8],
    lineHeight: 1.4,
  };
  const contact: Content[] = [
    ...(centre.centrePhone.trim() ? [{ text: `联系电话：${centre.centrePhone.trim()}`, margin: [0, 4, 0, 0] } as Content] : []),
    ...(centre.centreAddress.trim() ? [{ text: `地　　址：${centre.centreAddress.trim()}` } as Content] : []),
  ];
  const objections: Content = {
    stack: [
      { text: `公示期间，如对名单有异议，请于 ${end} 前以来访、来电或书面形式向${centre.centreName}反映，并留下联系方式，以便核实。` },
      ...contact,
    ],
    margin: [0, 10, 0, 0],
    lineHeight: 1.4,
  };
  return noticePage({
    title: CAMPAIGN_NOTICE_TITLE,
    number: c.number,
    issuer,
    centre,
    intro,
    body,
    objections,
    footer: (page: number, pages: number) => ({ text: `打印时间：${printedAtText(centre.printedAt)}　公示期：${start} 至 ${end}　第 ${page} 页 共 ${pages} 页`, alignment: 'center', fontSize: 8 }),
  });
}
