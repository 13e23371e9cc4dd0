// The one place pdfmake is called. Documents are pure functions returning a pdfmake definition
// (electron/pdf/documents/*); this turns a definition into PDF bytes with the embedded CJK font.
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, DynamicContent, ProgressCallback, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { TABLE_LAYOUTS } from './common';
import { prepareFontLayout } from './fontLayout';
import { FONT_FAMILY, fontPaths, type FontPaths } from './fonts';

export const PDF_CREATOR = '工会困难职工帮扶中心';
/** Body text size of every document unless it says otherwise (pt). */
export const DEFAULT_FONT_SIZE = 10;
/** A4 with 2 cm side margins and a little room at the bottom for the page footer (pt). */
export const DEFAULT_PAGE_MARGINS: [number, number, number, number] = [50, 40, 50, 48];

function fontDictionary(fonts: FontPaths): TFontDictionary {
  // Noto Sans SC has no italic faces: italics fall back to the upright ones.
  return {
    [FONT_FAMILY]: { normal: fonts.regular, bold: fonts.bold, italics: fonts.regular, bolditalics: fonts.bold },
  };
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * pdfmake mutates the definition while laying it out; documents stay reusable (and tests can
 * render the same definition twice) because we hand it a copy. Functions and binary data are
 * kept by reference.
 */
function copyDefinition<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyDefinition(v)) as T;
  if (value !== null && typeof value === 'object') {
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value) || value instanceof Date) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyDefinition(v);
    return out as T;
  }
  return value;
}

/** The page footer: the document's own static footer (if any) plus "第 n 页 共 m 页" on multi-page output. */
function pageFooter(staticFooter: Content | undefined, margins: [number, number, number, number]): DynamicContent {
  return (currentPage, pageCount) => {
    const pageText = pageCount > 1 ? `第 ${currentPage} 页  共 ${pageCount} 页` : '';
    if (staticFooter === undefined && pageText === '') return null;
    return {
      margin: [margins[0], Math.max(4, margins[3] - 28), margins[2], 0],
      columns: [
        { width: '*', stack: staticFooter === undefined ? [] : [copyDefinition(staticFooter)] },
        { width: 'auto', text: pageText, alignment: 'right' },
      ],
      fontSize: 8,
      color: '#555555',
    };
  };
}

function normalizedMargins(m: TDocumentDefinitions['pageMargins']): [number, number, number, number] {
  if (typeof m === 'number') return [m, m, m, m];
  if (Array.isArray(m) && m.length === 4) return [m[0], m[1], m[2], m[3]];
  if (Array.isArray(m) && m.length === 2) return [m[0], m[1], m[0], m[1]];
  return DEFAULT_PAGE_MARGINS;
}

// pdfmake accepts no callback (its default); its typings say otherwise.
const setProgress = pdfmake.setProgressCallback.bind(pdfmake) as (callback: ProgressCallback | undefined) => void;

export interface RenderOptions {
  /** Hears the fraction (0–1) of laid-out items written to the PDF; its first call marks the end of layout. */
  onWriting?: (fraction: number) => void;
}

/**
 * Renders a document definition to PDF bytes: A4, Noto Sans SC (Regular/Bold) embedded as subsets,
 * no network access, local file access limited to the fonts directory.
 */
export async function renderPdf(doc: TDocumentDefinitions, opts: RenderOptions = {}): Promise<Buffer> {
  const fonts = fontPaths();
  const def = copyDefinition(doc);
  const margins = normalizedMargins(def.pageMargins);

  const full: TDocumentDefinitions = {
    ...def,
    pageSize: def.pageSize ?? 'A4',
    pageMargins: margins,
    defaultStyle: { font: FONT_FAMILY, fontSize: DEFAULT_FONT_SIZE, lineHeight: 1.15, ...def.defaultStyle },
    info: { creator: PDF_CREATOR, producer: `${PDF_CREATOR}（pdfmake）`, ...def.info },
    footer: typeof def.footer === 'function' ? def.footer : pageFooter(def.footer, margins),
  };

  // pdfmake is a process-wide singleton: set fonts and policies on every call (fresh objects,
  // because pdfmake rewrites the font dictionary in place while resolving it). Table layouts are
  // registered by name so document definitions stay plain data.
  pdfmake.setFonts(fontDictionary(fonts));
  prepareFontLayout();
  pdfmake.setTableLayouts(TABLE_LAYOUTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => isInside(fonts.dir, file));
  // createPdf copies the callback into this document's options synchronously; clearing it right after
  // keeps one render's progress from reaching another's listener.
  setProgress(opts.onWriting);
  const created = pdfmake.createPdf(full);
  setProgress(undefined);
  const buffer = await created.getBuffer();
  return Buffer.from(buffer);
}
