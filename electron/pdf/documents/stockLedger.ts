// 物资收发存月报表 — the month's stock ledger of donated and bought materials (DOMAIN §5: "per
// material, opening stock, in, out, closing; signature lines (制表 / 审核 / 负责人)"). One row per item
// and location, so goods kept by a donor (谁捐助谁代管) appear on the books at their own location.
// Quantities and estimated values (估价, integer fen) are printed exactly as the books give them; the
// document only adds up the given integers for the 合计 row and to flag rows that do not agree
// with themselves. The table is shared with the monthly statement's 物资收发存 section.
// A4 landscape. Pure: data in, definition out.
import type { Column, Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { StockLedger, StockLedgerRow } from '../../../shared/contract/materials';
import { formatFen } from '../../../shared/money';
import { chineseDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, writeLine } from '../common';
import type { ReceiptCentre } from './donationReceipt';

export const STOCK_LEDGER_TITLE = '物资收发存月报表';

export interface StockLedgerOptions {
  /** Who prepared the report (制表), printed on its signature line. */
  preparedBy: string;
}

const WARN = '#b00000';
const EMPTY: TableCell = { text: '' };

const qtyCell = (n: number, extra: Record<string, unknown> = {}): TableCell => ({ text: String(n), alignment: 'right', noWrap: true, ...extra }) as TableCell;
const fenCell = (fen: number, extra: Record<string, unknown> = {}): TableCell => ({ text: formatFen(fen), alignment: 'right', noWrap: true, ...extra }) as TableCell;
/** Ledgers leave an empty 收入 / 发出 column blank; 期初 and 期末 always show their figure. */
const blankIfZero = (n: number, cell: (n: number) => TableCell): TableCell => (n === 0 ? { text: '' } : cell(n));

/** The value totals of a ledger (quantities of different items and units are not added up). */
export interface StockLedgerTotals {
  openingFen: number;
  inFen: number;
  outFen: number;
  closingFen: number;
}

export function stockLedgerTotals(rows: readonly StockLedgerRow[]): StockLedgerTotals {
  const t: StockLedgerTotals = { openingFen: 0, inFen: 0, outFen: 0, closingFen: 0 };
  for (const r of rows) {
    t.openingFen += r.openingFen;
    t.inFen += r.inFen;
    t.outFen += r.outFen;
    t.closingFen += r.closingFen;
  }
  return t;
}

/** Rows whose own figures do not agree (期初＋收入－发出≠期末), by item and location. */
function rowProblems(rows: readonly StockLedgerRow[]): string[] {
  const bad = rows.filter((r) => r.openingQty + r.inQty - r.outQty !== r.closingQty || r.openingFen + r.inFen - r.outFen !== r.closingFen);
  return bad.length === 0 ? [] : [`${bad.map((r) => `${r.itemName}（${r.locationName}）`).join('、')}的期初＋收入－发出不等于期末`];
}

/**
 * The 收发存 table: item, unit, location, then 期初结存 / 本月收入 / 本月发出 / 期末结存 each in 数量
 * and 金额 (estimated value, yuan), and the 合计 row of the values. Two header rows, repeated on
 * every page. Sized for A4 portrait (the monthly statement), or landscape with `wide`.
 */
export function stockLedgerTable(rows: readonly StockLedgerRow[], wide = false): ContentTable {
  const group = (t: string): TableCell[] => [labelCell(t, { colSpan: 2, bold: true }), EMPTY];
  const head1: TableCell[] = [
    labelCell('品名及规格', { rowSpan: 2, bold: true }),
    labelCell('单位', { rowSpan: 2, bold: true }),
    labelCell('存放地点', { rowSpan: 2, bold: true }),
    ...group('期初结存'),
    ...group('本月收入'),
    ...group('本月发出'),
    ...group('期末结存'),
  ];
  const head2: TableCell[] = [EMPTY, EMPTY, EMPTY, ...Array.from({ length: 4 }, () => [labelCell('数量'), labelCell('金额')]).flat()];
  const body: TableCell[][] = rows.map((r) => [
    { text: r.itemName },
    { text: r.unit, alignment: 'center' },
    { text: r.locationName },
    qtyCell(r.openingQty),
    fenCell(r.openingFen),
    blankIfZero(r.inQty, (n) => qtyCell(n)),
    blankIfZero(r.inFen, (n) => fenCell(n)),
    blankIfZero(r.outQty, (n) => qtyCell(n)),
    blankIfZero(r.outFen, (n) => fenCell(n)),
    qtyCell(r.closingQty, { bold: true }),
    fenCell(r.closingFen, { bold: true }),
  ]);
  if (body.length === 0) body.push([{ text: '本月无物资收发存记录', colSpan: 11, alignment: 'center', color: '#555555' }, ...Array.from({ length: 10 }, () => EMPTY)]);
  const t = stockLedgerTotals(rows);
  const total: TableCell[] = [
    labelCell('合　计', { colSpan: 3, bold: true }),
    EMPTY,
    EMPTY,
    EMPTY,
    fenCell(t.openingFen, { bold: true }),
    EMPTY,
    fenCell(t.inFen, { bold: true }),
    EMPTY,
    fenCell(t.outFen, { bold: true }),
    EMPTY,
    fenCell(t.closingFen, { bold: true }),
  ];
  return {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      // portrait: the item (with its specification) takes the room, the place may wrap
      widths: wide ? ['*', 26, '*', 40, 62, 40, 62, 40, 62, 40, 62] : ['*', 18, 48, 24, 44, 24, 44, 24, 44, 24, 44],
      body: [head1, head2, ...body, total],
    },
    layout: FORM_LAYOUT,
    fontSize: wide ? 9 : 8,
    lineHeight: 1.0,
  };
}

/** The table followed by a red note when some rows do not agree with themselves. */
export function stockLedgerBlock(rows: readonly StockLedgerRow[], wide = false): Content[] {
  const problems = rowProblems(rows);
  return [
    stockLedgerTable(rows, wide),
    ...(problems.length === 0 ? [] : [{ text: `注意：${problems.join('；')}，请核对物资账。`, color: WARN, bold: true, fontSize: 9, margin: [0, 2, 0, 0] } as Content]),
  ];
}

/** '2026-11' → { label: '2026年11月', period: '2026年11月1日至2026年11月30日' } */
function monthTexts(month: string): { label: string; period: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return { label: month, period: month };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { label: `${y}年${mo}月`, period: `${y}年${mo}月1日至${y}年${mo}月${lastDay}日` };
}

function signatureLine(label: string, name: string): Column {
  return {
    width: '*',
    columns: [
      { text: `${label}：`, width: 'auto' },
      { width: 100, stack: [{ text: name === '' ? ' ' : name, alignment: 'center' }, { ...writeLine(100), margin: [0, -13, 0, 0] }] },
    ],
    columnGap: 2,
  };
}

export function stockLedgerDoc(l: StockLedger, centre: ReceiptCentre, opts: StockLedgerOptions): TDocumentDefinitions {
  const { label, period } = monthTexts(l.month);
  const content: Content[] = [
    headerBlock({ centreName: centre.centreName, title: STOCK_LEDGER_TITLE }),
    { text: `${label}（${period}）`, alignment: 'center', fontSize: 11, bold: true, margin: [0, -2, 0, 6] },
    {
      columns: [
        { width: '*', text: `编制单位：${centre.centreName}` },
        { width: 'auto', text: '金额为估价，单位：元', alignment: 'right' },
      ],
      fontSize: 9.5,
      margin: [0, 0, 0, 4],
    },
    ...stockLedgerBlock(l.rows, true),
    {
      text: '注：存放地点为捐赠方的物资由捐赠方代管（谁捐助谁代管），仍在本中心账内核算。',
      fontSize: 8.5,
      color: '#333333',
      margin: [0, 4, 0, 0],
    },
    {
      stack: [
        { columns: [signatureLine('制表', opts.preparedBy.trim()), signatureLine('审核', ''), signatureLine('负责人', '')], columnGap: 40 },
        { text: `编制日期：${chineseDate(centre.printedAt)}`, alignment: 'right', margin: [0, 8, 0, 0] },
      ],
      margin: [0, 14, 0, 0],
      unbreakable: true,
    },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 30, 40, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${STOCK_LEDGER_TITLE} ${label}`, subject: STOCK_LEDGER_TITLE, author: centre.centreName },
    content,
    footer: { text: `${centre.centreName}　${label}${STOCK_LEDGER_TITLE}　打印时间：${printedAtText(centre.printedAt)}` },
  };
}
