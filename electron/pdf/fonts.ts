// Where the CJK font for printed documents lives.
//   packaged app:   <process.resourcesPath>/fonts   (electron-builder extraResources)
//   dev and tests:  <project root>/resources/fonts  (copied there by scripts/prepare-fonts.mjs)
// The project root is found by walking up from this module's directory (works from the source
// under Vitest/tsx and from the bundled out/main/index.js) and from the working directory.
import fs from 'node:fs';
import path from 'node:path';

/** File names inside the fonts directory; scripts/prepare-fonts.mjs writes exactly these. */
export const FONT_FILES = {
  regular: 'NotoSansSC-Regular.ttf',
  bold: 'NotoSansSC-Bold.ttf',
} as const;

export const FONT_FAMILY = 'NotoSansSC';

export interface FontPaths {
  dir: string;
  regular: string;
  bold: string;
}

export class FontsMissingError extends Error {
  constructor(searched: string[]) {
    super(
      `字体文件缺失，请先运行 npm run build（需要 resources/fonts/${FONT_FILES.regular} 和 ${FONT_FILES.bold}）。` +
        ` / Font files missing: run npm run build (or node scripts/prepare-fonts.mjs). Searched: ${searched.join(', ')}`,
    );
    this.name = 'FontsMissingError';
  }
}

function hasFonts(dir: string): boolean {
  return Object.values(FONT_FILES).every((f) => {
    try {
      return fs.statSync(path.join(dir, f)).isFile();
    } catch {
      return false;
    }
  });
}

function* upwards(start: string): Generator<string> {
  let dir = path.resolve(start);
  for (;;) {
    yield path.join(dir, 'resources', 'fonts');
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** Candidate directories, most specific first. */
export function fontDirCandidates(): string[] {
  const out: string[] = [];
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (typeof resourcesPath === 'string' && resourcesPath.length > 0) out.push(path.join(resourcesPath, 'fonts'));
  // __dirname exists in the CommonJS bundle and under tsx/Vitest; guarded in case a loader omits it.
  if (typeof __dirname === 'string') out.push(...upwards(__dirname));
  out.push(...upwards(process.cwd()));
  return [...new Set(out)];
}

let cached: FontPaths | null = null;

/** The fonts to embed; throws FontsMissingError (Chinese + English) when they are not there. */
export function fontPaths(): FontPaths {
  if (cached && hasFonts(cached.dir)) return cached;
  const candidates = fontDirCandidates();
  const dir = candidates.find(hasFonts);
  if (!dir) throw new FontsMissingError(candidates.slice(0, 4));
  cached = { dir, regular: path.join(dir, FONT_FILES.regular), bold: path.join(dir, FONT_FILES.bold) };
  return cached;
}

/** Pins the fonts directory the main process found (a worker thread may not see process.resourcesPath); ignored when the fonts are not there. */
export function useFontDir(dir: string): void {
  if (hasFonts(dir)) cached = { dir, regular: path.join(dir, FONT_FILES.regular), bold: path.join(dir, FONT_FILES.bold) };
}
