// Text of a pdfmake definition for the 账务 document tests (receipts, monthly statement).
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const TEXT_KEYS = new Set(['text', 'stack', 'columns', 'content', 'table', 'body', 'footer']);

/** Every piece of text in a definition, in document order (text nodes, plain strings, text arrays). */
export function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (TEXT_KEYS.has(k)) texts(v, out);
  }
  return out;
}

export const allText = (doc: TDocumentDefinitions): string => texts(doc).join('\n');
