// A small synchronous reader of the first worksheet of an .xlsx file: handlers run inside one
// SQLite transaction and cannot await exceljs's asynchronous loader. Reads the zip's central
// directory, inflates the few parts it needs, and takes cell text from shared or inline strings.
import { inflateRawSync } from 'node:zlib';

export interface SheetCell {
  text: string;
  /** Stored as a number (an ID number typed as a number has lost its last digits). */
  numeric: boolean;
}
export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  cells: SheetCell[];
}

class NotXlsx extends Error {}

function unzip(buf: Buffer): Map<string, Buffer> {
  // End of central directory: signature 0x06054b50 within the last 64 KB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotXlsx();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new NotXlsx();
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new NotXlsx();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (method === 0) out.set(name, data);
    else if (method === 8) out.set(name, inflateRawSync(data, { maxOutputLength: 64 * 1024 * 1024 }));
  }
  return out;
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
/** The text of every <t> inside a fragment (rich text runs are joined). */
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1]!)).join('');

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The rows of the workbook's first sheet, or null when the bytes are not an .xlsx workbook. */
export function readFirstSheet(buf: Buffer): SheetRow[] | null {
  let parts: Map<string, Buffer>;
  try {
    parts = unzip(buf);
  } catch {
    return null;
  }
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8');
  if (!workbook || !rels) return null;
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = rid ? new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*\\bTarget="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${rid}"`).exec(rels)?.[1] : undefined;
  if (!target) return null;
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = parts.get(sheetPath)?.toString('utf8');
  if (!sheet) return null;
  const shared = [...(parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));

  const rows: SheetRow[] = [];
  for (const r of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(r[1]!)?.[1] ?? rows.length + 1);
    const cells: SheetCell[] = [];
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const inner = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let cell: SheetCell;
      if (type === 's') cell = { text: shared[Number(v)] ?? '', numeric: false };
      else if (type === 'inlineStr') cell = { text: texts(inner), numeric: false };
      else if (type === 'str' || type === 'b' || type === 'e') cell = { text: decode(v ?? ''), numeric: false };
      else cell = { text: decode(v ?? ''), numeric: v !== undefined };
      cells[ref ? columnIndex(ref) : cells.length] = cell;
    }
    rows.push({ row: rowNumber, cells: Array.from(cells, (x) => x ?? { text: '', numeric: false }) });
  }
  return rows;
}
