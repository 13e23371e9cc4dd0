// 受理回执 — the acknowledgement slip handed to (or sent to) a visitor when a petition is registered
// (DOMAIN §1: "An acknowledgement slip (受理回执) is printed for the visitor"). Printed on A5
// portrait. The visitor's ID number is always masked: the slip leaves the centre.
// Pure: data in, definition out.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Petition } from '../../../shared/contract/petitions';
import { localDateTime } from '../../../shared/dates';
import { maskIdNumber } from '../../../shared/idcard';
import { PETITION_CATEGORY_LABELS, PETITION_CHANNEL_LABELS, URGENCY_LABELS } from '../../../shared/petition';
import { chineseDate, chineseIsoDate, headerBlock, kvTable, printedAtText, signatureRow } from '../common';

export const PETITION_SLIP_TITLE = '受理回执';
/** The request is summarized to this many characters on the slip. */
export const SLIP_SUMMARY_MAX = 300;

export interface PetitionSlipCentre {
  centreName: string;
  unionName: string;
  centrePhone: string;
  centreAddress: string;
  printedAt: Date;
}

/** Width of the label column (pt); A5 leaves about 350 pt between the margins. */
const LABEL_WIDTH = 58;
const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());

/** The visitor's request on one paragraph, cut to `max` characters (code points) with "…". */
export function summarizeRequest(request: string, max = SLIP_SUMMARY_MAX): string {
  const chars = Array.from(request.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A UTC timestamp as the centre's local date and time: "2026年11月20日 09:15". */
function receivedText(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${chineseDate(at)} ${localDateTime(at).slice(11)}`;
}

export function petitionSlipDoc(p: Petition, centre: PetitionSlipCentre): TDocumentDefinitions {
  const answerDue = chineseIsoDate(p.answerDue);
  const provisional = p.status === 'registered';
  const idNumber = p.visitorIdNumber.trim();

  const details = kvTable(
    [
      [
        { label: '来访人', value: orDash(p.visitorName), style: { bold: true } },
        { label: '联系电话', value: orDash(p.visitorPhone) },
      ],
      ...(idNumber === '' ? [] : [[{ label: '身份证号', value: maskIdNumber(idNumber), span: 2 }]]),
      [{ label: '登记时间', value: receivedText(p.receivedAt), span: 2 }],
      [
        { label: '来访方式', value: PETITION_CHANNEL_LABELS[p.channel] },
        { label: '紧急程度', value: URGENCY_LABELS[p.urgency], ...(p.urgency === 'normal' ? {} : { style: { bold: true } }) },
      ],
      [
        { label: '诉求类别', value: PETITION_CATEGORY_LABELS[p.category] },
        { label: '经办人', value: orDash(p.handlerName) },
      ],
      [{ label: '诉求摘要', value: summarizeRequest(p.request), span: 2, style: { fontSize: 9, lineHeight: 1.0 } }],
      [
        {
          label: '承诺答复',
          value: {
            text: [
              { text: `${answerDue}前`, bold: true },
              provisional ? { text: '（暂定，正式受理后如有调整将另行告知）', fontSize: 8, color: '#444444' } : '',
            ],
          },
          span: 2,
        },
      ],
    ],
    { pairs: 2, labelWidth: LABEL_WIDTH, valueWidths: ['*', 96] },
  );

  const notice: Content = {
    stack: [
      {
        text: [
          '您反映的问题已登记在案，本中心将于 ',
          { text: answerDue, bold: true },
          ' 前给予答复。',
        ],
      },
      { text: '请妥善保管本回执，凭编号查询办理进度。', bold: true },
      { text: `查询电话：${centre.centrePhone}`, margin: [0, 3, 0, 0] },
      { text: `中心地址：${orDash(centre.centreAddress)}` },
    ],
    fontSize: 9,
    lineHeight: 1.1,
    margin: [0, 7, 0, 0],
  };

  // Signatures and the centre's stamp stay together on the page.
  const closing: Content = {
    stack: [
      signatureRow(['经办人签字', '来访人签字'], 84),
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            stack: [{ text: `${centre.centreName}（盖章）` }, { text: chineseDate(centre.printedAt), margin: [0, 3, 0, 0] }],
            alignment: 'center',
          },
        ],
        margin: [0, 16, 0, 0],
      },
    ],
    unbreakable: true,
  };

  return {
    pageSize: 'A5',
    pageOrientation: 'portrait',
    pageMargins: [36, 30, 36, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${PETITION_SLIP_TITLE} ${p.number}`, subject: PETITION_SLIP_TITLE, author: centre.centreName },
    content: [
      headerBlock({ centreName: centre.centreName, title: PETITION_SLIP_TITLE }),
      {
        text: [{ text: '编号：', fontSize: 10 }, { text: p.number, fontSize: 15, bold: true, color: '#a00000' }],
        alignment: 'right',
        margin: [0, -2, 0, 5],
      },
      details,
      notice,
      closing,
    ],
    footer: { text: `打印时间：${printedAtText(centre.printedAt)}　本回执仅作受理凭证，不作其他用途` },
  };
}
