// Text measurement for printed documents, fast enough for a 20,000-line statement (issue 14).
//
// pdfkit shapes every space-separated word with fontkit (full OpenType shaping, ~40 µs) and keeps
// each result in a per-document cache; in a ledger nearly every word is new (voucher numbers,
// amounts), so shaping and the cache's garbage dominated a big render. With Noto Sans SC, shaping a
// word gives the same glyphs and positions as shaping its characters one by one plus the pair
// adjustments (kerning) of its neighbours, so words are composed from per-character and
// per-pair results. A word where that does not hold (a ligature, a combining mark, a character with
// offsets) is shaped whole, as before. The script fontkit picks for a word (from its first
// character of a definite script) is kept: digits shape differently in a Latin word.
// test/unit/pdf/fontLayout.test.ts checks the equivalence against pdfkit's own shaping.
import { createRequire } from 'node:module';
import { fontPaths } from './fonts';

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface Glyph {
  id: number;
  advanceWidth: number;
}
interface FontkitRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  script: string;
}
interface FontkitFont {
  layout(text: string, features?: undefined, script?: string): FontkitRun;
}
interface WordLayout {
  glyphs: Glyph[] | null;
  positions: GlyphPosition[] | null;
  advanceWidth: number;
}
/** pdfkit's EmbeddedFont, as far as this module uses it. */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  layout(text: string, features?: unknown, onlyWidth?: boolean): WordLayout;
  widthOfString(text: string, size: number): number;
  lineHeight(size: number, includeGap?: boolean): number;
}
interface PdfkitDocument {
  font(src: string): PdfkitDocument;
  _font: EmbeddedFont;
}
type PdfkitConstructor = new (options?: { autoFirstPage?: boolean }) => PdfkitDocument;

/** The pdfkit that pdfmake itself loads, so the composed layout reaches the fonts pdfmake creates. */
function pdfmakesPdfkit(): PdfkitConstructor {
  const fromHere = createRequire(typeof __filename === 'string' ? __filename : `${process.cwd()}/index.js`);
  return createRequire(fromHere.resolve('pdfmake'))('pdfkit') as PdfkitConstructor;
}

interface Single {
  glyph: Glyph;
  pos: GlyphPosition;
}
/** Per script: characters and pairs by code point(s), each with null when it must be shaped whole. */
interface ScriptCaches {
  singles: Map<number, Single | null>;
  /** Kerning of a pair, or null when the pair does more than kern. */
  pairs: Map<number, number | null>;
}
interface FontCaches {
  unknownScript: string;
  scriptOf: Map<number, string>;
  byScript: Map<string, ScriptCaches>;
}

const caches = new WeakMap<EmbeddedFont, FontCaches>();

function cachesOf(font: EmbeddedFont): FontCaches {
  let c = caches.get(font);
  if (!c) {
    c = { unknownScript: font.font.layout('').script, scriptOf: new Map(), byScript: new Map() };
    caches.set(font, c);
  }
  return c;
}

function scriptCaches(c: FontCaches, script: string): ScriptCaches {
  let sc = c.byScript.get(script);
  if (!sc) c.byScript.set(script, (sc = { singles: new Map(), pairs: new Map() }));
  return sc;
}

/** fontkit's shaping scaled to pdfkit's 1000-unit em, as pdfkit's own layoutRun does. */
function shape(font: EmbeddedFont, text: string, script: string): FontkitRun {
  const run = font.font.layout(text, undefined, script);
  run.positions.forEach((p, i) => {
    p.xAdvance *= font.scale;
    p.yAdvance *= font.scale;
    p.xOffset *= font.scale;
    p.yOffset *= font.scale;
    p.advanceWidth = run.glyphs[i]!.advanceWidth * font.scale;
  });
  return run;
}

const plain = (p: GlyphPosition): boolean => p.xOffset === 0 && p.yOffset === 0 && p.yAdvance === 0;

function single(font: EmbeddedFont, sc: ScriptCaches, cp: number, script: string): Single | null {
  let s = sc.singles.get(cp);
  if (s === undefined) {
    const run = shape(font, String.fromCodePoint(cp), script);
    s = run.glyphs.length === 1 && plain(run.positions[0]!) ? { glyph: run.glyphs[0]!, pos: run.positions[0]! } : null;
    sc.singles.set(cp, s);
  }
  return s;
}

function pairKerning(font: EmbeddedFont, sc: ScriptCaches, a: number, b: number, sa: Single, sb: Single, script: string): number | null {
  const key = a * 0x110000 + b;
  let k = sc.pairs.get(key);
  if (k === undefined) {
    const run = shape(font, String.fromCodePoint(a, b), script);
    const [p0, p1] = run.positions;
    const same = run.glyphs.length === 2 && run.glyphs[0]!.id === sa.glyph.id && run.glyphs[1]!.id === sb.glyph.id;
    k = same && plain(p0!) && plain(p1!) && p1!.xAdvance === sb.pos.xAdvance ? p0!.xAdvance - sa.pos.xAdvance : null;
    sc.pairs.set(key, k);
  }
  return k;
}

/** One word (pdfkit's unit: up to and including a space or tab) composed, or false when it must be shaped whole. */
function composeWord(font: EmbeddedFont, c: FontCaches, cps: number[], start: number, end: number, out: WordLayout): boolean {
  let script = c.unknownScript;
  for (let i = start; i < end; i++) {
    const cp = cps[i]!;
    let s = c.scriptOf.get(cp);
    if (s === undefined) c.scriptOf.set(cp, (s = font.font.layout(String.fromCodePoint(cp)).script));
    if (s !== c.unknownScript) {
      script = s;
      break;
    }
  }
  const sc = scriptCaches(c, script);
  let next = single(font, sc, cps[start]!, script);
  for (let i = start; i < end; i++) {
    const here = next;
    if (!here) return false;
    let kerning = 0;
    if (i + 1 < end) {
      next = single(font, sc, cps[i + 1]!, script);
      if (!next) return false;
      const k = pairKerning(font, sc, cps[i]!, cps[i + 1]!, here, next, script);
      if (k === null) return false;
      kerning = k;
    }
    out.advanceWidth += here.pos.xAdvance + kerning;
    if (out.glyphs && out.positions) {
      out.glyphs.push(here.glyph);
      out.positions.push(kerning === 0 ? here.pos : { ...here.pos, xAdvance: here.pos.xAdvance + kerning });
    }
  }
  return true;
}

const SPACE = 0x20;
const TAB = 0x09;

/** pdfkit's own EmbeddedFont.layout, kept for the words that cannot be composed. */
let pdfkitLayout: EmbeddedFont['layout'] | null = null;

/** Makes pdfkit's embedded fonts lay out text by composition (see the file comment); idempotent. */
function useComposedLayout(proto: EmbeddedFont): void {
  if (pdfkitLayout) return;
  const shapeWhole = proto.layout;
  pdfkitLayout = shapeWhole;
  proto.layout = function composedLayout(this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean): WordLayout {
    if (features) return shapeWhole.call(this, text, features, onlyWidth);
    const c = cachesOf(this);
    const cps: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      cps.push(cp);
      if (cp > 0xffff) i++;
    }
    const out: WordLayout = { glyphs: onlyWidth ? null : [], positions: onlyWidth ? null : [], advanceWidth: 0 };
    let start = 0;
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] !== SPACE && cps[i] !== TAB && i + 1 < cps.length) continue;
      if (!composeWord(this, c, cps, start, i + 1, out)) return shapeWhole.call(this, text, features, onlyWidth);
      start = i + 1;
    }
    return out;
  };
}

interface Measurer {
  regular: EmbeddedFont;
  bold: EmbeddedFont;
}
let measurer: Measurer | null = null;

/** The document fonts outside any document, for measuring; also installs the composed layout. */
function fonts(): Measurer {
  if (!measurer) {
    const Pdfkit = pdfmakesPdfkit();
    const paths = fontPaths();
    const regular = new Pdfkit({ autoFirstPage: false }).font(paths.regular)._font;
    const bold = new Pdfkit({ autoFirstPage: false }).font(paths.bold)._font;
    useComposedLayout(Object.getPrototypeOf(regular) as EmbeddedFont);
    measurer = { regular, bold };
  }
  return measurer;
}

/** Call before pdfmake lays out a document, so its fonts use the composed layout. */
export function prepareFontLayout(): void {
  fonts();
}

/** Width (pt) of one line of text in the document font, as pdfmake will measure it. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const f = fonts();
  return (bold ? f.bold : f.regular).widthOfString(text, fontSize);
}

/** Height (pt) of one line in the document font at lineHeight 1 (pdfmake multiplies it by lineHeight). */
export function fontLineHeight(fontSize: number): number {
  return fonts().regular.lineHeight(fontSize);
}

/** For tests: pdfkit's own layout of `text` (every word shaped whole). */
export function shapedWhole(text: string, bold = false): WordLayout {
  const f = fonts();
  return pdfkitLayout!.call(bold ? f.bold : f.regular, text);
}

/** For tests: the composed layout of `text`. */
export function composedLayout(text: string, bold = false): WordLayout {
  const f = fonts();
  return (bold ? f.bold : f.regular).layout(text);
}
