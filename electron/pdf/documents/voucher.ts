// 记账凭证 — one journal entry on paper, the way finance files it with its supporting documents
// (DOMAIN §5: audited by finance and audit departments; amounts in figures and Chinese capitals).
// A5 landscape like the pre-printed voucher pads: number, date and 附单据 at the top, one row per line
// (摘要, 会计科目, 资金来源, 借方, 贷方), the 合计 row with the total in capitals, and the 制单 / 审核 /
// 记账 signature lines. A voucher not (yet) in the books carries a large mark and a warning.
// Pure: data in, definition out.
import type { Column, Content, TableCell, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import { fenToCapitals, formatFen } from '../../../shared/money';
import { chineseIsoDate, FORM_LAYOUT, labelCell, printedAtText, writeLine } from '../common';

export const VOUCHER_TITLE = '记账凭证';

export interface VoucherPrintLine {
  summary: string;
  accountCode: string;
  accountName: string;
  fundName: string;
  debitFen: number;
  creditFen: number;
}

export interface VoucherPrint {
  /** The PZ number once in the books, else the draft's number. */
  number: string;
  date: string;
  /** 凭证类别 as the clerk knows it, e.g. 其他收入, 提现存现, 记账凭证. */
  kindLabel: string;
  memo: string;
  /** 附单据张数; null when not recorded (left to fill in by hand). */
  attachments: number | null;
  /** In the books, or why not: a draft waiting for review, returned or withdrawn. */
  state: { posted: true } | { posted: false; mark: string; note: string };
  lines: VoucherPrintLine[];
  /** 制单, 审核, 记账: names where the system knows them, else a blank line to sign. */
  preparedBy: string;
  reviewedBy: string | null;
  postedBy: string | null;
}

export interface VoucherCentre {
  centreName: string;
  printedAt: Date;
}

const RED = '#b00000';

const amountCell = (fen: number, extra: Record<string, unknown> = {}): TableCell =>
  (fen === 0 ? { text: '' } : { text: formatFen(fen), alignment: 'right', noWrap: true, ...extra }) as TableCell;

function signature(label: string, name: string | null): Column {
  return {
    width: '*',
    columns: [
      { text: `${label}：`, width: 'auto' },
      name ? { text: name, width: 90, margin: [4, 0, 0, 0], decoration: 'underline' } : writeLine(90),
    ],
    columnGap: 2,
  };
}

export function voucherDoc(v: VoucherPrint, centre: VoucherCentre): TDocumentDefinitions {
  const debit = v.lines.reduce((s, l) => s + l.debitFen, 0);
  const credit = v.lines.reduce((s, l) => s + l.creditFen, 0);
  const header: TableCell[] = ['摘　要', '会计科目', '资金来源', '借方金额', '贷方金额'].map((t) => labelCell(t, { bold: true }));
  const rows: TableCell[][] = v.lines.map((l) => [
    { text: l.summary.trim() || v.memo },
    { text: `${l.accountCode} ${l.accountName}` },
    { text: l.fundName },
    amountCell(l.debitFen),
    amountCell(l.creditFen),
  ]);
  // The capitals name the debit total; a voucher whose sides differ says so instead of hiding it.
  const total: TableCell[] = [
    labelCell('合　计', { bold: true }),
    { text: debit === credit ? `人民币（大写）${fenToCapitals(debit)}` : '借贷不平衡', bold: true, colSpan: 2, color: debit === credit ? undefined : RED },
    { text: '' },
    amountCell(debit, { bold: true }),
    amountCell(credit, { bold: true }),
  ];

  const notPosted = v.state.posted ? null : v.state;
  const watermark: Watermark | undefined = notPosted ? { text: notPosted.mark, color: RED, opacity: 0.25, bold: true, fontSize: 110, angle: -18 } : undefined;

  const body: Content[] = [
    { text: centre.centreName, alignment: 'center', fontSize: 11 },
    { text: VOUCHER_TITLE, alignment: 'center', fontSize: 20, bold: true, margin: [0, 2, 0, 2] },
    {
      columns: [
        { width: '*', text: [`类别：${v.kindLabel}`, ...(notPosted ? [{ text: `　【${notPosted.mark}】`, color: RED, bold: true }] : [])] },
        { width: 'auto', text: `日期：${chineseIsoDate(v.date)}`, alignment: 'center' },
        { width: '*', text: [{ text: '凭证号 ' }, { text: v.number, bold: true, color: RED }], alignment: 'right' },
      ],
      fontSize: 10,
      margin: [0, 0, 0, 4],
    },
    {
      table: { widths: ['*', 130, 80, 78, 78], headerRows: 1, body: [header, ...rows, total], dontBreakRows: true },
      layout: FORM_LAYOUT,
    },
    {
      columns: [
        { width: '*', text: `摘要：${v.memo}`, fontSize: 9 },
        { width: 'auto', text: v.attachments === null ? '附单据　　张' : `附单据 ${v.attachments} 张`, fontSize: 9 },
      ],
      margin: [0, 4, 0, 0],
    },
  ];
  if (notPosted) body.push({ text: notPosted.note, color: RED, bold: true, fontSize: 9, margin: [0, 4, 0, 0] });
  body.push({
    columns: [signature('制单', v.preparedBy), signature('审核', v.reviewedBy), signature('记账', v.postedBy)],
    columnGap: 12,
    margin: [0, 14, 0, 0],
    unbreakable: true,
  });

  return {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [32, 24, 32, 30],
    defaultStyle: { fontSize: 10, lineHeight: 1.1 },
    info: { title: `${VOUCHER_TITLE} ${v.number}`, subject: VOUCHER_TITLE, author: centre.centreName },
    ...(watermark ? { watermark } : {}),
    content: body,
    footer: { text: `打印时间：${printedAtText(centre.printedAt)}` },
  };
}
