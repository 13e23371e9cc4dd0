// The 月度收支明细表's fund detail, laid out page by page here rather than by pdfmake (issue 14).
// pdfmake lays a table out cell by cell and a 20,000-line month took a minute; here every page of a
// fund is one small table: the header row, one row whose cells hold that page's lines one under the
// other (the lines between them drawn as one canvas), and on the fund's last page the 本月合计 row.
// The printed result is the table pdfmake would print: same columns, widths, paddings and rules, the
// header on every page, a fund heading never left alone at the foot of a page. Long memos and
// account names wrap inside their column as pdfmake would wrap them (measured with the font), so
// every line's height is known and the pages can be filled here. The heights follow pdfmake's
// geometry (a text line is the font's line height × lineHeight; a table row is its padding, content
// and rule); test/integration/pdf/ledgerDocuments.test.ts checks the printed pages against them.
import type { CanvasElement, Content, ContentStack, ContentTable, ContentText, TableCell } from 'pdfmake/interfaces';
import type { StatementFund } from '../../../shared/contract/ledger';
import { formatFen } from '../../../shared/money';
import { FORM_LAYOUT, labelCell } from '../common';
import { fontLineHeight, textWidth } from '../fontLayout';

/** A4 portrait (595.28 × 841.89 pt) with the statement's margins [40, 30, 40, 40]. */
export const STATEMENT_MARGINS: [number, number, number, number] = [40, 30, 40, 40];
const PAGE_TOP = STATEMENT_MARGINS[1];
const PAGE_BOTTOM = 841.89 - STATEMENT_MARGINS[3];
/** The text width between the side margins. */
export const PAGE_WIDTH = 595.28 - STATEMENT_MARGINS[0] - STATEMENT_MARGINS[2];
/** Kept free at the foot of every page against rounding. */
const SLACK = 0.5;
/** The statement's lineHeight for text outside the detail tables (its defaultStyle). */
export const STATEMENT_LINE_HEIGHT = 1.05;

// FORM_LAYOUT's geometry (common.ts): cell padding, inner and outer rules.
const PAD = 2;
const INNER = 0.5;
const OUTER = 1;
const PAD_X = 4;

const DETAIL_FONT_SIZE = 8;
const DETAIL_WIDTHS = [38, 72, '*', 44, 58, 58] as const;
const FIXED_WIDTH = 38 + 72 + 44 + 58 + 58;
/** What pdfmake gives the '*' column: the rest after fixed columns, paddings and the seven rules. */
const MEMO_WIDTH = PAGE_WIDTH - FIXED_WIDTH - DETAIL_WIDTHS.length * 2 * PAD_X - (2 * OUTER + 5 * INNER);
const ACCOUNT_WIDTH = 44;

/** Height of one text line (pt) at a font size and lineHeight, as pdfmake measures it. */
export function lineHeightOf(fontSize: number, lineHeight = STATEMENT_LINE_HEIGHT): number {
  return fontLineHeight(fontSize) * lineHeight;
}

const CLOSING_PUNCTUATION = new Set('，。、；：！？）》」』】’”…%');

/** Pieces a line may break between: a run of Latin letters, digits and signs with its trailing spaces, or one other character (with closing punctuation kept on it). */
function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const m of text.matchAll(/[\x21-\x7e\u00a0-\u024f]+ *| +|[^]/gu)) {
    const piece = m[0];
    if (pieces.length > 0 && CLOSING_PUNCTUATION.has(piece)) pieces[pieces.length - 1] += piece;
    else pieces.push(piece);
  }
  return pieces;
}

/** Splits text into lines no wider than `width` at the font size (a piece wider than a line is cut by character). */
export function wrapToWidth(text: string, fontSize: number, width: number, bold = false): string[] {
  if (textWidth(text, fontSize, bold) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  const push = (piece: string): void => {
    const candidate = line + piece;
    if (line === '' || textWidth(candidate.trimEnd(), fontSize, bold) <= width) line = candidate;
    else {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    }
  };
  for (const piece of breakPieces(text)) {
    if (textWidth(piece.trimEnd(), fontSize, bold) <= width) push(piece);
    else for (const ch of piece) push(ch);
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Lines a text of full page width takes; one more than measured when it wraps, as pdfmake may break it elsewhere. */
export function linesAcrossPage(width: number): number {
  return width <= PAGE_WIDTH - SLACK ? 1 : Math.ceil(width / PAGE_WIDTH) + 1;
}

/** Where the next block starts on the current page (pt from the top of the paper). */
export interface PageCursor {
  y: number;
}
export const newPageCursor = (): PageCursor => ({ y: PAGE_TOP });

/** True when `height` more fits on the cursor's page. */
export const fitsOnPage = (cursor: PageCursor, height: number): boolean => cursor.y + height <= PAGE_BOTTOM - SLACK;

/** Moves the cursor past a block pdfmake places itself: onto the next page first when it will not fit here. */
export function advance(cursor: PageCursor, height: number): void {
  if (!fitsOnPage(cursor, height) && cursor.y > PAGE_TOP) cursor.y = PAGE_TOP;
  cursor.y += height;
}

/** Starts a new page when `height` does not fit on this one; returns whether it did. */
export function breakUnlessFits(cursor: PageCursor, height: number): boolean {
  if (fitsOnPage(cursor, height) || cursor.y === PAGE_TOP) return false;
  cursor.y = PAGE_TOP;
  return true;
}

// ── the detail table ────────────────────────────────────────────────────────────────────────

let detailLine = 0;
/** One detail text line (8 pt, lineHeight 1), measured once. */
const LINE = (): number => (detailLine ||= lineHeightOf(DETAIL_FONT_SIZE, 1));
/** From one line's text to the next line's text when the two are separate rows. */
const ROW_GAP = 2 * PAD + INNER;
const HEADER_ROW = (): number => PAD + LINE() + PAD;

/** One statement line as printed: the text lines in each of the six columns, and the row's height in lines. */
interface DetailRow {
  columns: string[][];
  lines: number;
}

/** '2026-11-03' → '11月3日' (the year is in the title). */
function dayText(date: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(date);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : date;
}

function detailRows(f: StatementFund): DetailRow[] {
  return f.lines.map((l) => {
    const columns = [
      [dayText(l.date)],
      [l.entryNumber],
      wrapToWidth(l.memo, DETAIL_FONT_SIZE, MEMO_WIDTH),
      wrapToWidth(l.accountName, DETAIL_FONT_SIZE, ACCOUNT_WIDTH),
      [l.receiptFen === 0 ? '' : formatFen(l.receiptFen)],
      [l.paymentFen === 0 ? '' : formatFen(l.paymentFen)],
    ];
    return { columns, lines: Math.max(...columns.map((c) => c.length)) };
  });
}

/** The content height of rows printed one under the other in one table row. */
function blockHeight(rows: readonly DetailRow[]): number {
  return rows.reduce((h, r) => h + r.lines * LINE(), 0) + (rows.length - 1) * ROW_GAP;
}

/** Height of a page's table: rules, header row, the rows' block and, on the fund's last page, the 本月合计 row. */
function pageTableHeight(block: number, withTotal: boolean): number {
  return OUTER + HEADER_ROW() + INNER + PAD + block + PAD + (withTotal ? INNER + HEADER_ROW() : 0) + OUTER;
}

const HEADER_TEXTS = ['日期', '凭证号', '摘要', '科目', '收入', '支出'];
const ALIGNMENTS = ['center', 'left', 'left', 'left', 'right', 'right'] as const;

/**
 * One column's lines for a block of rows: each row's text lines, the last one stretched (lineHeight)
 * to reach the next row's text, so the column's lines stand beside the other columns' lines. A blank
 * cell (an empty amount) prints nothing: the line above it stretches over it instead.
 */
function columnStack(rows: readonly DetailRow[], column: number): Content[] {
  const nodes: ContentText[] = [];
  const heights: number[] = [];
  let lead = 0;
  rows.forEach((r, k) => {
    const texts = r.columns[column]!;
    const rowHeight = r.lines * LINE() + (k === rows.length - 1 ? 0 : ROW_GAP);
    if (texts.length === 1 && texts[0] === '') {
      if (heights.length === 0) lead += rowHeight;
      else heights[heights.length - 1]! += rowHeight;
      return;
    }
    texts.forEach((text, j) => {
      nodes.push({ text });
      heights.push(j === texts.length - 1 ? rowHeight - (texts.length - 1) * LINE() : LINE());
    });
  });
  nodes.forEach((node, i) => {
    if (Math.abs(heights[i]! - LINE()) > 1e-9) node.lineHeight = heights[i]! / LINE();
  });
  if (lead > 0 && nodes[0]) nodes[0].margin = [0, lead, 0, 0];
  return nodes.length > 0 ? nodes : [{ text: '' }];
}

/** The rules between the rows of a block, drawn across the whole table from the first cell's text origin. */
function rowRules(rows: readonly DetailRow[]): CanvasElement[] {
  const rules: CanvasElement[] = [];
  let top = 0;
  const left = -(OUTER + PAD_X);
  for (const r of rows.slice(0, -1)) {
    const y = top + r.lines * LINE() + PAD + INNER / 2;
    rules.push({ type: 'line', x1: left, y1: y, x2: left + PAGE_WIDTH, y2: y, lineWidth: INNER, lineColor: '#000000' });
    top += r.lines * LINE() + ROW_GAP;
  }
  return rules;
}

function blockRow(rows: readonly DetailRow[]): TableCell[] {
  return HEADER_TEXTS.map((_, c) => {
    const lines = columnStack(rows, c);
    const stack: Content[] = c === 0 && rows.length > 1 ? [{ canvas: rowRules(rows), relativePosition: { x: 0, y: 0 }, alignment: 'left' } as Content, ...lines] : lines;
    return { stack, alignment: ALIGNMENTS[c], noWrap: true } as ContentStack as TableCell;
  });
}

function headerRow(): TableCell[] {
  return HEADER_TEXTS.map((t) => labelCell(t, { bold: true }));
}

function totalRow(f: StatementFund): TableCell[] {
  const bold = (fen: number): TableCell => ({ text: formatFen(fen), alignment: 'right', noWrap: true, bold: true }) as TableCell;
  return [labelCell('本月合计', { colSpan: 4, bold: true }), { text: '' }, { text: '' }, { text: '' }, bold(f.receiptsFen), bold(f.paymentsFen)];
}

function detailTable(body: TableCell[][], newPage: boolean): ContentTable {
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [...DETAIL_WIDTHS], body },
    layout: FORM_LAYOUT,
    fontSize: DETAIL_FONT_SIZE,
    lineHeight: 1.0,
    ...(newPage ? { pageBreak: 'before' as const } : {}),
  };
}

/** How much of a fund must follow its heading on the same page: the header and its first line (with the total when that is all). */
function firstPageMinimum(rows: readonly DetailRow[]): number {
  return rows.length === 0 ? pageTableHeight(LINE(), true) : pageTableHeight(blockHeight(rows.slice(0, 1)), rows.length === 1);
}

/**
 * A fund's heading and its detail tables, one per page, from the cursor on (which it moves). The
 * heading starts a new page when its table's header and first line would not fit under it.
 */
export function fundDetailPages(f: StatementFund, heading: Content, headingHeight: number, cursor: PageCursor): Content[] {
  const rows = detailRows(f);
  const newPage = breakUnlessFits(cursor, headingHeight + firstPageMinimum(rows));
  const out: Content[] = [newPage ? ({ ...(heading as object), pageBreak: 'before' } as Content) : heading];
  cursor.y += headingHeight;
  if (rows.length === 0) {
    const empty: TableCell[] = [{ text: '本月无收支', colSpan: 6, alignment: 'center', color: '#555555' }, { text: '' }, { text: '' }, { text: '' }, { text: '' }, { text: '' }];
    out.push(detailTable([headerRow(), empty, totalRow(f)], false));
    cursor.y += pageTableHeight(LINE(), true);
    return out;
  }
  let start = 0;
  let onNewPage = false;
  while (start < rows.length) {
    const room = PAGE_BOTTOM - SLACK - cursor.y;
    let count = 0;
    let block = -ROW_GAP;
    while (start + count < rows.length) {
      const longer = block + ROW_GAP + rows[start + count]!.lines * LINE();
      if (pageTableHeight(longer, false) > room) break;
      block = longer;
      count++;
    }
    // the 本月合计 row goes with at least one line: without room for it, the last line moves on too
    if (start + count === rows.length && pageTableHeight(block, true) > room) count--;
    if (count <= 0 && cursor.y === PAGE_TOP) count = 1; // a single line taller than a page: print it anyway
    if (count > 0) {
      const chunk = rows.slice(start, start + count);
      const ends = start + count === rows.length;
      out.push(detailTable([headerRow(), blockRow(chunk), ...(ends ? [totalRow(f)] : [])], onNewPage));
      cursor.y += pageTableHeight(blockHeight(chunk), ends);
      start += count;
      if (ends) break;
    }
    cursor.y = PAGE_TOP;
    onNewPage = true;
  }
  return out;
}

/** For tests: the rows a fund's lines make and the width the memo column wraps at. */
export const detailLayoutForTests = { detailRows, MEMO_WIDTH };
