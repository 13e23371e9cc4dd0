// 物资捐赠收据 — the receipt handed to a donor when the centre takes in goods (DOMAIN §5: "in-kind
// donations carry an estimated value"; "bulky items may stay with the donor (谁捐助谁代管) and are
// still on the books with their location"; receipts numbered, voided never reused, amounts in
// figures and capitals). Laid out like the money receipt (donationReceipt.ts): A5 landscape, number
// in red, one bordered grid with the goods, the estimated total in capitals, where the goods are
// kept, the seal box and the signatures. Pure: data in, definition out.
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReceiptView } from '../../../shared/contract/ledger';
import type { Location, MaterialDocument, Movement } from '../../../shared/contract/materials';
import { DONOR_KIND_LABELS } from '../../../shared/ledger';
import { formatYuan } from '../../../shared/money';
import { chineseIsoDate, FORM_LAYOUT, labelCell, printedAtText, writeLine } from '../common';
import { capitalsText, RECEIPT_RED, receiptHeader, receiptMarks, type ReceiptCentre } from './donationReceipt';

export const MATERIAL_DONATION_RECEIPT_TITLE = '物资捐赠收据';

export interface MaterialReceiptOptions {
  /** The staff member who takes the goods in; printed on the receipt. */
  handler: string;
  /** A second or later print of the same receipt number (补打); `printCount` counts this print. */
  reprint: boolean;
  receiptNumber: string;
  printCount: number;
  /** The receipt was voided: printed with the 作废 watermark. */
  void: boolean;
}

const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());

/** A movement's quantity and value as printed (issues may be booked negative; the slip shows sizes). */
export const lineQty = (m: Movement): number => Math.abs(m.quantity);
export const lineFen = (m: Movement): number => Math.abs(m.valueFen);

/** The estimated unit value: exact when the line value divides by the quantity, otherwise rounded to the fen and marked 约. */
export function unitValueText(m: Movement): string {
  const q = lineQty(m);
  const v = lineFen(m);
  if (q === 0) return '—';
  const rest = v % q;
  const whole = (v - rest) / q; // exact integer division
  if (rest === 0) return formatYuan(whole);
  return `约${formatYuan(rest * 2 >= q ? whole + 1 : whole)}`;
}

/** The total estimated value of a document's lines (adding up the given integers). */
export function documentTotalFen(movements: readonly Movement[]): number {
  let sum = 0;
  for (const m of movements) sum += lineFen(m);
  return sum;
}

/** Where the goods are kept: the centre's store, or "由捐赠方代管：<address>" for goods the donor keeps. */
export function keptAtText(location: Location): string {
  if (location.kind === 'donor') {
    const contact = [location.contact.trim(), location.phone.trim()].filter((s) => s !== '').join(' ');
    return `由捐赠方代管：${orDash(location.address)}${contact === '' ? '' : `（联系人：${contact}）`}`;
  }
  return location.address.trim() === '' ? orDash(location.name) : `${orDash(location.name)}（${location.address.trim()}）`;
}

function sealBox(label: string): ContentTable {
  return { table: { widths: [150], heights: [54], body: [[{ text: label, fontSize: 9, color: '#333333' }]] }, layout: FORM_LAYOUT };
}

/** "经办人：____" with the name, if known, printed on the line. */
function signLine(label: string, width: number, name = ''): Content {
  return {
    columns: [
      { text: `${label}：`, width: 'auto' },
      { width, stack: [{ text: name === '' ? ' ' : name, alignment: 'center' }, { ...writeLine(width), margin: [0, -13, 0, 0] }] },
    ],
    columnGap: 2,
    margin: [0, 6, 0, 0],
  };
}

export function materialDonationReceiptDoc(
  doc: MaterialDocument,
  donor: { name: string; kind: 'unit' | 'person' },
  location: Location,
  centre: ReceiptCentre,
  opts: MaterialReceiptOptions,
): TDocumentDefinitions {
  const receipt: ReceiptView = {
    id: doc.receiptId ?? 0,
    kind: 'donation',
    number: opts.receiptNumber,
    status: opts.void ? 'void' : 'issued',
    voidReason: null,
    printCount: opts.printCount,
    issuedAt: doc.date,
  };
  const marks = receiptMarks(receipt, opts.reprint);
  const totalFen = documentTotalFen(doc.movements);
  const E: TableCell = { text: '' };

  // six columns: label | 品名 | 数量 | 单位 | 估价单价 | 估价金额
  const itemRows: TableCell[][] = doc.movements.map((m): TableCell[] => [
    E,
    { text: orDash(m.itemName) },
    { text: String(lineQty(m)), alignment: 'right', noWrap: true },
    { text: orDash(m.unit), alignment: 'center' },
    { text: unitValueText(m), alignment: 'right', noWrap: true },
    { text: formatYuan(lineFen(m)), alignment: 'right', noWrap: true },
  ]);
  if (itemRows.length === 0) itemRows.push([E, { text: '（无物资明细）', colSpan: 5, alignment: 'center', color: '#555555' } as TableCell, E, E, E, E]);
  const rows: TableCell[][] = [
    [
      labelCell('捐 赠 人'),
      { text: orDash(donor.name), bold: true, fontSize: 11, colSpan: 3, verticalAlignment: 'middle' } as TableCell,
      E,
      E,
      labelCell('捐赠人类别'),
      { text: DONOR_KIND_LABELS[donor.kind], verticalAlignment: 'middle' } as TableCell,
    ],
    [labelCell('捐赠物资', { rowSpan: itemRows.length + 1 }), labelCell('品名及规格'), labelCell('数量'), labelCell('单位'), labelCell('估价单价'), labelCell('估价金额')],
    ...itemRows,
    [
      labelCell('估价合计'),
      { text: capitalsText(totalFen), bold: true, fontSize: 11, colSpan: 3, verticalAlignment: 'middle' } as TableCell,
      E,
      E,
      labelCell('小　写'),
      { text: formatYuan(totalFen), bold: true, fontSize: 11, alignment: 'right', noWrap: true, verticalAlignment: 'middle' } as TableCell,
    ],
    [labelCell('存放地点'), { text: keptAtText(location), colSpan: 5, verticalAlignment: 'middle' } as TableCell, E, E, E, E],
  ];
  // the donor row and the two rows under the goods are taller, like the money receipt's grid
  const heights = rows.map((_, i) => (i === 0 || i >= rows.length - 2 ? 19 : ('auto' as const)));
  const grid: ContentTable = { table: { widths: [60, '*', 44, 32, 70, 90], body: rows, heights, dontBreakRows: true }, layout: FORM_LAYOUT, lineHeight: 1.0 };

  const foot: Content = {
    columns: [
      { width: 'auto', stack: [sealBox('接收单位（盖章）')] },
      {
        width: '*',
        stack: [
          { text: '感谢您对困难职工帮扶事业的支持！所捐物资已登记入账。', fontSize: 9.5, margin: [0, 2, 0, 8] },
          { columns: [signLine('经办人', 100, opts.handler.trim()), signLine('保管员', 100)], columnGap: 16 },
        ],
        margin: [14, 0, 0, 0],
      },
    ],
    margin: [0, 6, 0, 0],
    unbreakable: true,
  };

  const body: Content[] = [receiptHeader(centre.centreName, MATERIAL_DONATION_RECEIPT_TITLE, receipt, marks.stamp, `日期：${chineseIsoDate(doc.date)}${doc.number ? `　入库单号：${doc.number}` : ''}`), grid];
  if (opts.void) {
    body.push({ text: '本收据已作废，不得作为物资入库或捐赠凭证。', color: RECEIPT_RED, bold: true, fontSize: 9, margin: [0, 4, 0, 0] });
  }
  body.push(foot);

  return {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [36, 24, 36, 34],
    defaultStyle: { fontSize: 10, lineHeight: 1.1 },
    info: { title: `${MATERIAL_DONATION_RECEIPT_TITLE} ${opts.receiptNumber}`, subject: MATERIAL_DONATION_RECEIPT_TITLE, author: centre.centreName },
    ...(marks.watermark ? { watermark: marks.watermark } : {}),
    content: body,
    footer: {
      text: `地址：${orDash(centre.centreAddress)}　电话：${centre.centrePhone}　打印时间：${printedAtText(centre.printedAt)}`,
    },
  };
}
