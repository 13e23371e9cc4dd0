// The login page in headless Chromium through the browser door: bytes over the wire and the time until
// the login form is painted, beside the floor of a one-line page from a bare loopback server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startBrowserDoor } from '../../electron/server';
import type { TestCore } from '../fixtures/core';

export interface PageLoad {
  /** From navigation start until the login button is in the DOM and a frame has been painted. */
  formPaintedMs: number;
  transferredBytes: number;
  decodedBytes: number;
  largestScriptBytes: number;
}

// Runs in the page before any of its scripts: notes when the login button first appears and is painted.
// A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
const MARK_FORM_PAINTED = `
  new MutationObserver((_, observer) => {
    const buttons = [...document.querySelectorAll('button')];
    if (!buttons.some((b) => (b.textContent || '').replace(/\\s/g, '') === '登录')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__formPaintedMs = performance.now()), 0));
  }).observe(document, { childList: true, subtree: true });
`;

async function loadOnce(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ locale: 'zh-CN' }); // fresh cache each run
  const page = await context.newPage();
  await page.addInitScript(MARK_FORM_PAINTED);
  const responses: Promise<{ transferred: number; decoded: number; script: boolean }>[] = [];
  page.on('requestfinished', (request) => {
    responses.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return { transferred: sizes.responseBodySize + sizes.responseHeadersSize, decoded: body.length, script: request.resourceType() === 'script' };
      })(),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __formPaintedMs?: number }).__formPaintedMs !== undefined, undefined, { timeout: 60_000 });
  const formPaintedMs = await page.evaluate(() => (window as unknown as { __formPaintedMs: number }).__formPaintedMs);
  const done = await Promise.all(responses);
  await context.close();
  return {
    formPaintedMs,
    transferredBytes: done.reduce((s, r) => s + r.transferred, 0),
    decodedBytes: done.reduce((s, r) => s + r.decoded, 0),
    largestScriptBytes: Math.max(0, ...done.filter((r) => r.script).map((r) => r.decoded)),
  };
}

async function floorOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(MARK_FORM_PAINTED);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __formPaintedMs?: number }).__formPaintedMs !== undefined);
  const ms = await page.evaluate(() => (window as unknown as { __formPaintedMs: number }).__formPaintedMs);
  await context.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `core` must be set up (an admin exists), so the door answers with the login page. */
export async function benchLoginPage(core: TestCore, rendererDir = process.env.BENCH_RENDERER_DIR ?? 'out/renderer', runs = 7): Promise<PageLoad> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir} is missing: run \`npm run build\` first`);
  const door = await startBrowserDoor(core.app, { staticDir: rendererDir });
  const floorServer = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="zh-CN"><body><button>登录</button></body></html>');
  });
  await new Promise<void>((r) => floorServer.listen(0, '127.0.0.1', r));
  const floorPort = (floorServer.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await loadOnce(browser, door.url); // warm-up: the door's first compression, the disk cache
    const loads: PageLoad[] = [];
    const floors: number[] = [];
    for (let i = 0; i < runs; i++) {
      loads.push(await loadOnce(browser, door.url));
      floors.push(await floorOnce(browser, `http://127.0.0.1:${floorPort}/`));
    }
    const result: PageLoad = {
      formPaintedMs: median(loads.map((l) => l.formPaintedMs)),
      transferredBytes: median(loads.map((l) => l.transferredBytes)),
      decodedBytes: median(loads.map((l) => l.decodedBytes)),
      largestScriptBytes: median(loads.map((l) => l.largestScriptBytes)),
    };
    const floor = median(floors);
    console.log(`bench login-page.form-painted ${result.formPaintedMs.toFixed(3)} ms floor ${floor.toFixed(3)} ms ratio ${(result.formPaintedMs / floor).toFixed(2)}`);
    console.log(
      `bench login-page.bytes transferred ${result.transferredBytes} B decoded ${result.decodedBytes} B largest script ${result.largestScriptBytes} B`,
    );
    return result;
  } finally {
    await browser.close();
    await door.close();
    await new Promise<void>((r) => floorServer.close(() => r()));
  }
}
