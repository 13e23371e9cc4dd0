// 捐赠收据 — the receipt handed to a donor when the centre takes in money (DOMAIN §5: "receipts are
// numbered per kind and year without gaps; a spoiled receipt is voided, never reused; amounts are
// printed in figures and in Chinese capitals"). One copy on A5 landscape, laid out like the printed
// 收据 books finance keeps: number in red at the top right, a bordered grid, the seal box and the
// signatures at the foot. Pure: data in, definition out.
import type { Content, ContentTable, TableCell, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import type { Donation, ReceiptView } from '../../../shared/contract/ledger';
import { DONOR_KIND_LABELS, PAYMENT_METHOD_LABELS } from '../../../shared/ledger';
import { fenToCapitals, formatYuan } from '../../../shared/money';
import { chineseIsoDate, FORM_LAYOUT, labelCell, printedAtText, writeLine } from '../common';

export const DONATION_RECEIPT_TITLE = '捐赠收据';

/** The centre as printed on receipts (name, union, phone, address) and the moment of printing. */
export interface ReceiptCentre {
  centreName: string;
  unionName: string;
  centrePhone: string;
  centreAddress: string;
  printedAt: Date;
}

export interface ReceiptPrintOptions {
  /** Finance staff member who handles the money; printed on the receipt. */
  handler: string;
  /**
   * A second or later print of the same receipt number (补打). The receipt's `printCount` must
   * already count this print, so the mark reads "补打（第 n 次打印）" with n = printCount.
   */
  reprint: boolean;
}

const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());
/** Red of the number and the marks, like the pre-printed numbers of receipt books. */
export const RECEIPT_RED = '#b00000';

/** "人民币（大写）伍仟元整": the capitals always come from fenToCapitals. */
export function capitalsText(fen: number): string {
  return `人民币（大写）${fenToCapitals(fen)}`;
}

/** "补打（第 3 次打印）" */
export function reprintText(receipt: ReceiptView): string {
  return `补打（第 ${receipt.printCount} 次打印）`;
}

/**
 * The marks over a receipt: the 补打 stamp on reprints (top left) and, for a voided receipt, the big
 * diagonal 作废 watermark plus the reason under the grid.
 */
export function receiptMarks(receipt: ReceiptView, reprint: boolean): { stamp: Content; watermark: Watermark | undefined; voidNote: Content | undefined } {
  const isVoid = receipt.status === 'void';
  const stampText = [reprint ? reprintText(receipt) : '', isVoid ? '已作废' : ''].filter((s) => s !== '').join('　');
  return {
    stamp: stampText === '' ? { text: '' } : { text: stampText, color: RECEIPT_RED, bold: true, fontSize: 11 },
    watermark: isVoid ? { text: '作废', color: RECEIPT_RED, opacity: 0.3, bold: true, fontSize: 150, angle: -18 } : undefined,
    voidNote: isVoid
      ? { text: `本收据已作废${receipt.voidReason ? `，作废原因：${receipt.voidReason}` : ''}。作废收据不得作为收付款凭证。`, color: RECEIPT_RED, bold: true, fontSize: 9, margin: [0, 4, 0, 0] }
      : undefined,
  };
}

/** Centre name, spaced title, the 补打/作废 stamp on the left and the receipt number in red on the right. */
export function receiptHeader(centreName: string, title: string, receipt: ReceiptView, stamp: Content, dateLine: string): Content {
  // the title is 20 pt CJK (20 pt a character); the double rule under it overhangs a little
  const ruleWidth = Array.from(title).length * 20 + 16;
  return {
    stack: [
      { text: centreName, alignment: 'center', fontSize: 11, margin: [0, 0, 0, 1] },
      {
        columns: [
          { width: 150, stack: [stamp], margin: [0, 10, 0, 0] },
          {
            width: '*',
            stack: [
              { text: title, alignment: 'center', fontSize: 20, bold: true },
              // the double rule under a receipt title
              {
                canvas: [
                  { type: 'line', x1: 0, y1: 1, x2: ruleWidth, y2: 1, lineWidth: 0.8 },
                  { type: 'line', x1: 0, y1: 3.5, x2: ruleWidth, y2: 3.5, lineWidth: 0.8 },
                ],
                alignment: 'center',
                margin: [0, 0, 0, 0],
              },
            ],
          },
          {
            width: 150,
            text: [{ text: 'No. ', fontSize: 10, color: RECEIPT_RED }, { text: receipt.number, fontSize: 14, bold: true, color: RECEIPT_RED }],
            alignment: 'right',
            margin: [0, 8, 0, 0],
          },
        ],
      },
      { text: dateLine, alignment: 'center', fontSize: 10, margin: [0, 4, 0, 5] },
    ],
  };
}

/** A grid row: label, value, label, value (pass span 3 to let the first value take the whole row). */
export function gridRow(label: string, value: string, rest?: { label: string; value: string; style?: Record<string, unknown> }, style: Record<string, unknown> = {}): TableCell[] {
  const first: TableCell[] = [labelCell(label), { text: value, verticalAlignment: 'middle', ...style, ...(rest ? {} : { colSpan: 3 }) } as TableCell];
  if (!rest) return [...first, { text: '' }, { text: '' }];
  return [...first, labelCell(rest.label), { text: rest.value, verticalAlignment: 'middle', ...rest.style } as TableCell];
}

/** The amount row: capitals big in the middle, figures on the right. */
export function amountRow(fen: number, label = '金　额'): TableCell[] {
  return [
    labelCell(label),
    { text: capitalsText(fen), bold: true, fontSize: 12, verticalAlignment: 'middle' } as TableCell,
    labelCell('小　写'),
    { text: formatYuan(fen), bold: true, fontSize: 12, verticalAlignment: 'middle' } as TableCell,
  ];
}

export function receiptGrid(rows: TableCell[][], heights: number[]): ContentTable {
  return {
    table: { widths: [68, '*', 60, 130], body: rows, heights, dontBreakRows: true },
    layout: FORM_LAYOUT,
  };
}

/** A signature line with its label: "收款人（签章）：________". */
function signLine(label: string, width: number): Content {
  return { columns: [{ text: `${label}：`, width: 'auto' }, writeLine(width)], columnGap: 2, margin: [0, 6, 0, 0] };
}

function sealBox(): ContentTable {
  return {
    table: { widths: [160], heights: [76], body: [[{ text: '收款单位（盖章）', fontSize: 9, color: '#333333' }]] },
    layout: FORM_LAYOUT,
  };
}

export function donationReceiptDoc(d: Donation, receipt: ReceiptView, centre: ReceiptCentre, opts: ReceiptPrintOptions): TDocumentDefinitions {
  const marks = receiptMarks(receipt, opts.reprint);
  const purpose = d.designatedUse.trim() === '' ? '无指定用途' : d.designatedUse.trim();

  const grid = receiptGrid(
    [
      gridRow('捐 赠 人', orDash(d.donor.name), { label: '捐赠人类别', value: DONOR_KIND_LABELS[d.donor.kind] }, { bold: true, fontSize: 11 }),
      amountRow(d.amountFen),
      gridRow('捐赠用途', purpose),
      gridRow('入账资金', orDash(d.fundName), { label: '收款方式', value: PAYMENT_METHOD_LABELS[d.method] }),
      gridRow('收款账户', orDash(d.accountName), { label: '经 办 人', value: orDash(opts.handler) }),
    ],
    [28, 32, 28, 26, 26],
  );

  const foot: Content = {
    columns: [
      { width: 'auto', stack: [sealBox()] },
      {
        width: '*',
        stack: [
          { text: '感谢您对困难职工帮扶事业的支持！', fontSize: 10, margin: [0, 2, 0, 10] },
          { columns: [signLine('收款人', 110), signLine('经办人', 110)], columnGap: 16 },
        ],
        margin: [16, 0, 0, 0],
      },
    ],
    margin: [0, 8, 0, 0],
    unbreakable: true,
  };

  const body: Content[] = [
    receiptHeader(centre.centreName, DONATION_RECEIPT_TITLE, receipt, marks.stamp, `日期：${chineseIsoDate(d.date)}`),
    grid,
  ];
  if (marks.voidNote) body.push(marks.voidNote);
  body.push(foot);

  return {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [36, 24, 36, 34],
    defaultStyle: { fontSize: 10, lineHeight: 1.1 },
    info: { title: `${DONATION_RECEIPT_TITLE} ${receipt.number}`, subject: DONATION_RECEIPT_TITLE, author: centre.centreName },
    ...(marks.watermark ? { watermark: marks.watermark } : {}),
    content: body,
    footer: {
      text: `地址：${orDash(centre.centreAddress)}　电话：${centre.centrePhone}　打印时间：${printedAtText(centre.printedAt)}`,
    },
  };
}
