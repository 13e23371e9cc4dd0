// The renderer built from electron.vite.config.mts's own renderer section (plain vite, into a temp dir):
// Electron opens it from file://, so every asset path must be relative; and the first screen (the
// entry and what it imports statically) must stay small, with the shell and pages left to later chunks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config.mjs';

/** Brotli bytes of every script the login page needs (issue 15: 392 KB when antd came whole). */
const FIRST_SCREEN_BROTLI_MAX = 350 * 1024;

let outDir = '';
let html = '';
beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-build-'));
  const renderer = (config as { renderer: InlineConfig }).renderer;
  // Vitest runs with NODE_ENV=test, which would make React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...renderer, mode: 'production', configFile: false, logLevel: 'silent', build: { ...renderer.build, outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
}, 180_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const assetRefs = (text: string): string[] => [...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);

describe('the built renderer', () => {
  it('references its assets relatively, so file:// finds them', () => {
    const refs = assetRefs(html);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref, ref).toMatch(/^\.\/assets\//);
  });

  it('loads lazy chunks relative to the importing script, not from the site root', () => {
    const entry = assetRefs(html).find((r) => /\/index-[\w-]+\.js$/.test(r))!;
    const code = fs.readFileSync(path.join(outDir, entry), 'utf8');
    const lazyImports = [...code.matchAll(/import\(["'`]([^"'`]+)["'`]\)/g)].map((m) => m[1]!);
    expect(lazyImports.some((p) => /^\.\/Shell-[\w-]+\.js$/.test(p)), lazyImports.join(', ')).toBe(true); // fetched after login
    for (const p of lazyImports) expect(p).toMatch(/^\.\//);
    expect(/["'`]\/assets\//.test(code), 'an absolute /assets/ path in the entry').toBe(false);
  });

  it('sends a small first screen: no shell, no page, at most 350 KB brotli', () => {
    const scripts = assetRefs(html).filter((r) => r.endsWith('.js'));
    expect(scripts.filter((s) => /(Page|Shell)-[\w-]+\.js$/.test(s))).toEqual([]);
    const brotli = scripts.reduce((sum, s) => sum + zlib.brotliCompressSync(fs.readFileSync(path.join(outDir, s))).length, 0);
    expect(brotli).toBeLessThanOrEqual(FIRST_SCREEN_BROTLI_MAX);
  });
});
