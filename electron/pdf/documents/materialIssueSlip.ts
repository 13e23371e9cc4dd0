// 物资领取单 — the slip a worker signs (and thumbprints) when approved relief is given in goods
// (DOMAIN §5: "every issue names its recipient and the approval behind it"; issue slips are
// numbered per kind and year). It goes into the books as the issue's evidence, so the recipient's
// ID number is printed masked only. A5 landscape, one copy. Pure: data in, definition out.
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReceiptView } from '../../../shared/contract/ledger';
import type { MaterialDocument } from '../../../shared/contract/materials';
import { maskIdNumber } from '../../../shared/idcard';
import { formatYuan } from '../../../shared/money';
import { BLANK_DATE, chineseIsoDate, FORM_LAYOUT, labelCell, printedAtText } from '../common';
import { capitalsText, receiptHeader, receiptMarks, type ReceiptCentre } from './donationReceipt';
import { documentTotalFen, lineFen, lineQty } from './materialDonationReceipt';

export const MATERIAL_ISSUE_SLIP_TITLE = '物资领取单';

export interface MaterialIssueRecipient {
  name: string;
  /** The ID number as masked by the caller; an unmasked one is masked here before printing. */
  maskedIdNumber: string;
  workUnit: string;
  /** The approved relief application behind the issue. */
  applicationNumber: string;
}

export interface MaterialIssueSlipOptions {
  /** The staff member who hands the goods out (经办人). */
  handler: string;
  /** A second or later print of the slip (补打); `printCount` counts this print. */
  reprint: boolean;
  printCount: number;
  /** The slip was voided: the 已作废 stamp and 作废 watermark (no extra line, so it stays one page). */
  void?: boolean;
}

const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());

/** Never a full ID on paper: anything that still carries more than the first six and last four digits is masked. */
function safeId(id: string): string {
  const s = id.trim();
  if (s === '') return '—';
  return s.includes('*') ? s : maskIdNumber(s);
}

/** The issuing location(s), from the document's lines. */
function issuedFrom(doc: MaterialDocument): string {
  const names = [...new Set(doc.movements.map((m) => m.locationName.trim()).filter((n) => n !== ''))];
  return names.length === 0 ? '—' : names.join('、');
}

/** Three signature boxes; the recipient's is wide enough for a thumbprint. */
function signatureBoxes(handler: string): ContentTable {
  const box = (label: string, note = ''): TableCell => ({
    stack: [{ text: label, fontSize: 9.5 }, ...(note ? [{ text: note, fontSize: 8.5, color: '#444444', margin: [0, 12, 0, 0] as [number, number, number, number] }] : [])],
  });
  return {
    table: { widths: ['*', 120, 120], heights: [40], body: [[box('领取人签字（按手印）'), box('经办人', `（${orDash(handler)}）`), box('保管员')]], dontBreakRows: true },
    layout: FORM_LAYOUT,
  };
}

export function materialIssueSlipDoc(doc: MaterialDocument, recipient: MaterialIssueRecipient, centre: ReceiptCentre, opts: MaterialIssueSlipOptions): TDocumentDefinitions {
  const number = doc.number ?? '—';
  // the slip is numbered like a receipt: the shared header prints its number in red and the 补打 stamp
  const asReceipt: ReceiptView = { id: doc.id, kind: 'donation', number, status: opts.void ? 'void' : 'issued', voidReason: null, printCount: opts.printCount, issuedAt: doc.date };
  const marks = receiptMarks(asReceipt, opts.reprint);
  const totalFen = documentTotalFen(doc.movements);
  const E: TableCell = { text: '' };
  const value = (text: string, span = 1, extra: Record<string, unknown> = {}): TableCell => ({ text, verticalAlignment: 'middle', ...(span > 1 ? { colSpan: span } : {}), ...extra }) as TableCell;

  // five columns: label | 品名 | 数量 | 单位 | 估价金额
  const itemRows: TableCell[][] = doc.movements.map((m, i): TableCell[] => [
    { text: String(i + 1), alignment: 'center' },
    { text: orDash(m.itemName) },
    { text: String(lineQty(m)), alignment: 'right', noWrap: true, bold: true },
    { text: orDash(m.unit), alignment: 'center' },
    { text: formatYuan(lineFen(m)), alignment: 'right', noWrap: true },
  ]);
  if (itemRows.length === 0) itemRows.push([value('（无物资明细）', 5, { alignment: 'center', color: '#555555' }), E, E, E, E]);

  const rows: TableCell[][] = [
    [labelCell('领 取 人'), value(orDash(recipient.name), 1, { bold: true, fontSize: 11 }), labelCell('身份证号', { colSpan: 2 }), E, value(safeId(recipient.maskedIdNumber), 1, { noWrap: true })],
    [labelCell('工作单位'), value(orDash(recipient.workUnit)), labelCell('救助申请编号', { colSpan: 2 }), E, value(orDash(recipient.applicationNumber), 1, { noWrap: true })],
    [labelCell('发放地点'), value(issuedFrom(doc), 4), E, E, E],
    [labelCell('序号'), labelCell('品名及规格'), labelCell('数量'), labelCell('单位'), labelCell('估价金额')],
    ...itemRows,
    [labelCell('估价合计'), value(capitalsText(totalFen), 3, { bold: true }), E, E, value(formatYuan(totalFen), 1, { bold: true, alignment: 'right', noWrap: true })],
  ];
  const heights = rows.map((_, i) => (i < 3 || i === rows.length - 1 ? 18 : ('auto' as const)));
  const grid: ContentTable = { table: { widths: [60, '*', 52, 40, 100], body: rows, heights, dontBreakRows: true }, layout: FORM_LAYOUT, lineHeight: 1.0 };

  const body: Content[] = [
    receiptHeader(centre.centreName, MATERIAL_ISSUE_SLIP_TITLE, asReceipt, marks.stamp, `发放日期：${chineseIsoDate(doc.date)}`),
    grid,
    {
      stack: [
        {
          columns: [
            { width: '*', text: '本人已如数领到上述物资，所填信息真实无误。' },
            { width: 'auto', text: `领取日期：${BLANK_DATE}` },
          ],
          margin: [0, 5, 0, 3],
        },
        signatureBoxes(opts.handler),
      ],
      unbreakable: true,
    },
  ];

  return {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [36, 24, 36, 34],
    defaultStyle: { fontSize: 10, lineHeight: 1.1 },
    info: { title: `${MATERIAL_ISSUE_SLIP_TITLE} ${number}`, subject: MATERIAL_ISSUE_SLIP_TITLE, author: centre.centreName },
    ...(marks.watermark ? { watermark: marks.watermark } : {}),
    content: body,
    footer: {
      text: `${centre.centreName}　电话：${centre.centrePhone}　打印时间：${printedAtText(centre.printedAt)}　本单作为物资发放的记账依据，请妥善保管`,
    },
  };
}
