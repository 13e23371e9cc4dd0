// Compressed answers for the browser door's static files. The build writes brotli and gzip siblings
// (`x.js.br`, `x.js.gz`); a file without a fresh sibling is compressed once on first request and kept
// in memory. Which one a browser gets follows its Accept-Encoding.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };
/** Text types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.ico']);
/** Below this the header costs more than the saving. */
const MIN_BYTES = 1024;

export const isCompressible = (file: string): boolean => COMPRESSIBLE.has(path.extname(file));

/**
 * The encodings the client accepts, best first: q=0 refuses one, `*` stands for any not named,
 * and brotli wins a tie (it is smaller).
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (e: Encoding) => q.get(e) ?? q.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** `smallest` is for the build (slow, done once); the door itself compresses fast, a page is waiting. */
export function compress(data: Buffer, encoding: Encoding, smallest = false): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: smallest ? 11 : 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } })
    : gzip(data, { level: smallest ? 9 : 6 });
}

interface Cached {
  mtimeMs: number;
  size: number;
  body: Promise<Buffer>;
}
const cache = new Map<string, Cached>();

/** The file's body in `encoding`: the build's sibling when it is as new as the file, else compressed here once. */
function compressedBody(file: string, stat: fs.Stats, encoding: Encoding): Promise<Buffer> {
  const key = `${file}\0${encoding}`;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
  const sibling = `${file}${SUFFIX[encoding]}`;
  const siblingStat = fs.statSync(sibling, { throwIfNoEntry: false });
  const body =
    siblingStat && siblingStat.mtimeMs >= stat.mtimeMs ? fs.promises.readFile(sibling) : fs.promises.readFile(file).then((data) => compress(data, encoding));
  cache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  body.catch(() => cache.delete(key));
  return body;
}

/** The compressed body and its encoding, or null for the file as it is; `varies`: the choice depended on Accept-Encoding. */
export type StaticAnswer = { encoding: Encoding; body: Buffer; varies: true } | { encoding: null; body: null; varies: boolean };

export async function staticAnswer(file: string, acceptEncoding: string | undefined): Promise<StaticAnswer> {
  const stat = fs.statSync(file);
  if (!isCompressible(file) || stat.size < MIN_BYTES) return { encoding: null, body: null, varies: false };
  const [encoding] = acceptedEncodings(acceptEncoding);
  if (!encoding) return { encoding: null, body: null, varies: true };
  return { encoding, body: await compressedBody(file, stat, encoding), varies: true };
}

/** Build step: writes `.br` and `.gz` beside every compressible file of `dir` (recursively). */
export async function precompressDir(dir: string): Promise<void> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await precompressDir(file);
    else if (isCompressible(file) && fs.statSync(file).size >= MIN_BYTES) {
      const data = fs.readFileSync(file);
      for (const encoding of ['br', 'gzip'] as const) fs.writeFileSync(`${file}${SUFFIX[encoding]}`, await compress(data, encoding, true));
    }
  }
}
