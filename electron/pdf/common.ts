// Small pure building blocks shared by every printed document. Everything returned here is plain
// data (JSON-serializable): table layouts are referred to by name and registered in render.ts.
import type { Content, ContentCanvas, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { formatChineseDate, localDate, localDateTime } from '../../shared/dates';
import { fenToCapitals, formatYuan } from '../../shared/money';

// ── table layouts (by name) ──────────────────────────────────────────────────────────────────
/** Bordered government-form grid: thin inner lines, slightly heavier frame. */
export const FORM_LAYOUT = 'form';
/** No lines, no outer padding: for arranging checklists and signature lines. */
export const PLAIN_LAYOUT = 'plain';

export const TABLE_LAYOUTS: Record<string, CustomTableLayout> = {
  [FORM_LAYOUT]: {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 1 : 0.5),
    vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 1 : 0.5),
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  [PLAIN_LAYOUT]: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i) => (i === 0 ? 0 : 4),
    paddingRight: (i, node) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 4),
    paddingTop: () => 1.5,
    paddingBottom: () => 1.5,
  },
};

/** Grey of label cells in forms. */
export const LABEL_FILL = '#eeeeee';

// ── text helpers ─────────────────────────────────────────────────────────────────────────────
/** Money for print: 123400 → "¥1,234.00" (integer fen in, no float math). */
export function money(fen: number): string {
  return formatYuan(fen);
}

/** 123400 → "¥1,234.00（人民币壹仟贰佰叁拾肆元整）", for receipts. */
export function moneyWithCapitals(fen: number): string {
  return `${formatYuan(fen)}（人民币${fenToCapitals(fen)}）`;
}

/** An instant as the centre's calendar date in Chinese: "2026年11月22日". */
export function chineseDate(at: Date): string {
  return formatChineseDate(localDate(at));
}

/**
 * 'YYYY-MM-DD' (a calendar date) or a full ISO timestamp (an instant, stored in UTC) →
 * "2026年11月22日" in the centre's calendar; empty or unreadable input stays as it is.
 */
export function chineseIsoDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatChineseDate(iso);
  const at = new Date(iso);
  return iso && !Number.isNaN(at.getTime()) ? chineseDate(at) : iso;
}

/** An instant as the centre's local date-time: "2026-11-22 09:30". */
export function printedAtText(at: Date): string {
  return localDateTime(at);
}

/** Document numbers: numberWithPrefix('DA', 123) → "DA-000123". */
export function numberWithPrefix(prefix: string, n: number, width = 6): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

/** Groups long digit strings for reading aloud and checking: "6222 0212 3456 7890 123". */
export function groupDigits(s: string, size = 4): string {
  return s.replace(/\s+/g, '').replace(new RegExp(`(.{${size}})(?=.)`, 'g'), '$1 ');
}

/** A handwritten date: "　　　　年　　月　　日". */
export const BLANK_DATE = '　　　　年　　月　　日';

// ── blocks ───────────────────────────────────────────────────────────────────────────────────
export interface HeaderOptions {
  centreName: string;
  title: string;
  /** Left and right of the line under the title, e.g. 填表单位 and 编号. */
  numberLeft?: string;
  numberRight?: string;
}

/** Centre name, document title and the number line. */
export function headerBlock(o: HeaderOptions): Content {
  const blocks: Content[] = [
    { text: o.centreName, alignment: 'center', fontSize: 11, margin: [0, 0, 0, 2] },
    { text: o.title, alignment: 'center', fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
  ];
  if (o.numberLeft !== undefined || o.numberRight !== undefined) {
    blocks.push({
      columns: [
        { width: '*', text: o.numberLeft ?? '' },
        { width: 'auto', text: o.numberRight ?? '', alignment: 'right' },
      ],
      fontSize: 9.5,
      margin: [0, 0, 0, 4],
    });
  }
  return { stack: blocks };
}

/** A section heading above a table, with an optional note in normal weight after it. */
export function sectionTitle(text: string, note?: string): Content {
  return {
    text: note ? [text, { text: `　${note}`, bold: false, fontSize: 9 }] : text,
    bold: true,
    fontSize: 10.5,
    margin: [0, 5, 0, 2],
  };
}

export function labelCell(text: string, extra: Record<string, unknown> = {}): TableCell {
  return { text, fillColor: LABEL_FILL, alignment: 'center', verticalAlignment: 'middle', ...extra } as TableCell;
}

export interface KvPair {
  label: string;
  value: string | Content;
  /** How many label/value slots this pair occupies (its value spans the rest), default 1. */
  span?: number;
  /** Extra properties for the value cell (bold, fontSize, alignment …). */
  style?: Record<string, unknown>;
}

export interface KvTableOptions {
  /** Label/value slots per row. */
  pairs: number;
  /** Width of label columns (pt); default 60. */
  labelWidth?: number;
  /** Width of each value column; default '*'. */
  valueWidths?: (number | '*' | 'auto')[];
  /** Minimum row heights by row index (pt). */
  heights?: (number | 'auto')[];
}

/**
 * A bordered key/value grid: every row is a list of pairs whose spans add up to `pairs`.
 * A pair with span 2 in a 3-pair table takes one label cell and a value cell over 3 columns.
 */
export function kvTable(rows: KvPair[][], o: KvTableOptions): ContentTable {
  const labelWidth = o.labelWidth ?? 60;
  const widths: (number | '*' | 'auto')[] = [];
  for (let i = 0; i < o.pairs; i++) widths.push(labelWidth, o.valueWidths?.[i] ?? '*');

  const body: TableCell[][] = rows.map((row, r) => {
    const cells: TableCell[] = [];
    let used = 0;
    for (const p of row) {
      const span = p.span ?? 1;
      used += span;
      cells.push(labelCell(p.label));
      const value: TableCell = typeof p.value === 'string' ? { text: p.value } : { stack: [p.value] };
      const colSpan = span * 2 - 1;
      cells.push({ ...(value as object), verticalAlignment: 'middle', ...(colSpan > 1 ? { colSpan } : {}), ...p.style } as TableCell);
      for (let k = 1; k < colSpan; k++) cells.push({ text: '' });
    }
    if (used !== o.pairs) throw new RangeError(`kvTable 第 ${r + 1} 行占 ${used} 格，应为 ${o.pairs} 格`);
    return cells;
  });

  return {
    table: { widths, body, ...(o.heights ? { heights: o.heights } : {}), dontBreakRows: true },
    layout: FORM_LAYOUT,
  };
}

/** A drawn check box, ticked or empty (the font has no ☑/☐ glyphs). */
export function checkBox(checked: boolean, size = 8): ContentCanvas & { width: number } {
  const box = { type: 'rect' as const, x: 0, y: 2, w: size, h: size, lineWidth: 0.7, lineColor: '#000000' };
  const tick = {
    type: 'polyline' as const,
    lineWidth: 1.2,
    lineColor: '#000000',
    points: [
      { x: size * 0.18, y: 2 + size * 0.52 },
      { x: size * 0.42, y: 2 + size * 0.8 },
      { x: size * 0.86, y: 2 + size * 0.2 },
    ],
  };
  return { canvas: checked ? [box, tick] : [box], width: size + 4 };
}

/** A checklist laid out in `columns` columns: box, label. */
export function checklist(items: { label: string; checked: boolean }[], columns: number): ContentTable {
  const body: TableCell[][] = [];
  for (let i = 0; i < items.length; i += columns) {
    const row: TableCell[] = [];
    for (let c = 0; c < columns; c++) {
      const item = items[i + c];
      row.push(item ? { columns: [checkBox(item.checked), { text: item.label, width: '*' }], columnGap: 2 } : { text: '' });
    }
    body.push(row);
  }
  return { table: { widths: Array.from({ length: columns }, () => '*'), body }, layout: PLAIN_LAYOUT };
}

/** A horizontal rule to write on, `width` pt long. */
export function writeLine(width: number): ContentCanvas & { width: number } {
  return { canvas: [{ type: 'line', x1: 0, y1: 13, x2: width, y2: 13, lineWidth: 0.6, lineColor: '#000000' }], width };
}

/**
 * A row of signature lines, e.g. signatureRow(['经办人', '审核', '负责人']): each label followed by a
 * line to sign on, spread over the page width.
 */
export function signatureRow(labels: string[], lineWidth = 90): Content {
  return {
    columns: labels.map((label) => ({
      width: '*',
      columns: [{ text: `${label}：`, width: 'auto' }, writeLine(lineWidth)],
      columnGap: 2,
    })),
    columnGap: 12,
    margin: [0, 10, 0, 0],
  };
}
