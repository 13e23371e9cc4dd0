// 困难职工救助公示 — the public notice of approved relief, posted for the notice period before payment
// (DOMAIN §3: "approved beneficiaries are posted for at least five days with ID numbers masked").
// A4 portrait. The notice is put up in public: ID numbers are only ever printed masked.
// Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReliefNotice, ReliefNoticeLine } from '../../../shared/contract/relief';
import { maskIdNumber } from '../../../shared/idcard';
import { RELIEF_CATEGORY_LABELS } from '../../../shared/relief';
import { FORM_LAYOUT, LABEL_FILL, chineseDate, chineseIsoDate, headerBlock, money, printedAtText } from '../common';

export const RELIEF_NOTICE_TITLE = '困难职工救助公示';

export interface ReliefNoticeCentre {
  centreName: string;
  unionName: string;
  centrePhone: string;
  centreAddress: string;
  printedAt: Date;
}

const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());

/**
 * The masked ID as the line carries it; should a line ever carry a full number, it is masked here
 * too — a notice on the wall must never show one.
 */
export function publicIdNumber(line: Pick<ReliefNoticeLine, 'maskedIdNumber'>): string {
  const s = line.maskedIdNumber.trim();
  return s.includes('*') ? s : maskIdNumber(s);
}

/** Lines that are posted: an application rejected on an upheld objection is no longer a beneficiary. */
export function postedLines(n: ReliefNotice): ReliefNoticeLine[] {
  return n.lines.filter((l) => l.resolution !== 'upheld');
}

export function reliefNoticeDoc(n: ReliefNotice, centre: ReliefNoticeCentre): TDocumentDefinitions {
  const lines = postedLines(n);
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  const start = chineseIsoDate(n.startDate);
  const end = chineseIsoDate(n.endDate);
  const issuer = centre.unionName.trim() || centre.centreName;

  const head = (text: string): TableCell => ({ text, bold: true, fillColor: LABEL_FILL, alignment: 'center' });
  const body: TableCell[][] = [
    [head('序号'), head('姓名'), head('身份证号（已隐藏）'), head('工作单位'), head('救助类别'), head('金额（元）')],
    ...lines.map((l, i): TableCell[] => [
      { text: String(i + 1), alignment: 'center' },
      { text: l.name, alignment: 'center' },
      { text: publicIdNumber(l), alignment: 'center' },
      { text: orDash(l.workUnit) },
      { text: RELIEF_CATEGORY_LABELS[l.category], alignment: 'center' },
      { text: money(l.amountFen), alignment: 'right' },
    ]),
    [
      { text: '合计', bold: true, alignment: 'center' },
      { text: `${lines.length} 人`, colSpan: 4, alignment: 'left' },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: money(totalFen), bold: true, alignment: 'right' },
    ],
  ];

  const intro: Content = {
    text: [
      '根据帮扶中心章程和困难职工救助的有关规定，经本人申请、中心审核、按权限审批，拟对以下 ',
      { text: String(lines.length), bold: true },
      ' 名困难职工给予救助，现予公示。公示期自 ',
      { text: start, bold: true },
      ' 至 ',
      { text: end, bold: true },
      '。',
    ],
    margin: [0, 4, 0, 8],
    lineHeight: 1.4,
  };

  const objections: Content = {
    stack: [
      {
        text: [
          '公示期间，如对公示对象的困难情况或救助金额有异议，请于 ',
          { text: end, bold: true },
          ` 前以来访、来电或书面形式向${centre.centreName}反映。反映情况请实事求是，并留下联系方式，以便核实。`,
        ],
      },
      { text: `联系电话：${orDash(centre.centrePhone)}`, margin: [0, 4, 0, 0] },
      { text: `地　　址：${orDash(centre.centreAddress)}` },
      { text: '公示期满无异议的，按规定发放救助金。', margin: [0, 4, 0, 0] },
    ],
    margin: [0, 10, 0, 0],
    lineHeight: 1.4,
  };

  return noticePage({
    title: RELIEF_NOTICE_TITLE,
    number: n.number,
    issuer,
    centre,
    intro,
    body,
    objections,
    footer: { text: `打印时间：${printedAtText(centre.printedAt)}　公示期：${start} 至 ${end}` },
  });
}

/** The A4 page every public notice shares: title, number, intro, the table, objections, the stamp and date. */
export function noticePage(p: {
  title: string;
  number: string;
  issuer: string;
  centre: { centreName: string; printedAt: Date };
  intro: Content;
  body: TableCell[][];
  objections: Content;
  footer: TDocumentDefinitions['footer'];
}): TDocumentDefinitions {
  const closing: Content = {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: [{ text: `${p.centre.centreName}（盖章）` }, { text: chineseDate(p.centre.printedAt), margin: [0, 4, 0, 0] }],
        alignment: 'center',
      },
    ],
    margin: [0, 28, 0, 0],
    unbreakable: true,
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    defaultStyle: { fontSize: 10.5 },
    info: { title: `${p.title} ${p.number}`, subject: p.title, author: p.issuer },
    content: [
      headerBlock({ centreName: p.issuer, title: p.title }),
      { text: `编号：${p.number}`, alignment: 'right', fontSize: 9.5, margin: [0, 0, 0, 4] },
      p.intro,
      {
        table: { headerRows: 1, widths: [28, 48, 108, '*', 80, 62], body: p.body, dontBreakRows: true },
        layout: FORM_LAYOUT,
        fontSize: 10,
      },
      p.objections,
      closing,
    ],
    footer: p.footer,
  };
}
