import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserDoor, type BrowserDoor } from '../../../electron/server';
import { acceptedEncodings, precompressDir } from '../../../electron/staticCompression';
import { CONTENT_SECURITY_POLICY } from '../../../electron/window';
import { makeCore, tempDir, type TestCore } from '../../fixtures/core';

// A renderer of its own, so the test does not depend on (or disturb) the shared build in out/.
const INDEX = `<!doctype html><html lang="zh-CN"><body><div id="root"></div>${'<!-- 工会困难职工帮扶中心 -->'.repeat(80)}</body></html>`;
const SCRIPT = `console.log(${JSON.stringify('困难职工档案'.repeat(2000))});`;
const SMALL = 'export const a = 1;';

let core: TestCore;
let door: BrowserDoor;
let staticDir: string;
beforeAll(async () => {
  core = await makeCore();
  staticDir = tempDir('centre-static-');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(staticDir, 'assets/app.js'), SCRIPT);
  fs.writeFileSync(path.join(staticDir, 'assets/small.js'), SMALL);
  fs.writeFileSync(path.join(staticDir, 'assets/logo.png'), Buffer.alloc(4096, 7));
  door = await startBrowserDoor(core.app, { staticDir });
});
afterAll(async () => {
  await door.close();
  core.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET: Node's client neither asks for nor undoes compression by itself. */
function get(urlPath: string, acceptEncoding?: string): Promise<Answer> {
  const url = new URL(door.url);
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    http
      .get({ host: url.hostname, port: url.port, path: urlPath, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('the browser door compresses what it serves', () => {
  it('sends gzip when asked for gzip, with the same headers as before', async () => {
    const r = await get('/assets/app.js', 'gzip, deflate');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(zlib.gunzipSync(r.body).toString('utf8')).toBe(SCRIPT);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(r.headers['cache-control']).toBe('max-age=3600');
  });

  it('sends the plain file when no encoding is asked for', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br;q=0']) {
      const r = await get('/assets/app.js', accept);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(r.body.toString('utf8')).toBe(SCRIPT);
    }
  });

  it('prefers brotli, and serves the page itself compressed too', async () => {
    const js = await get('/assets/app.js', 'gzip, deflate, br');
    expect(js.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(js.body).toString('utf8')).toBe(SCRIPT);
    const page = await get('/', 'br;q=0, gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(zlib.gunzipSync(page.body).toString('utf8')).toBe(INDEX);
  });

  it('leaves tiny files and images as they are', async () => {
    const small = await get('/assets/small.js', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString('utf8')).toBe(SMALL);
    const png = await get('/assets/logo.png', 'gzip, br');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.length).toBe(4096);
  });

  it('uses the build’s precompressed copy when it is as new as the file, and not when it is stale', async () => {
    const file = path.join(staticDir, 'assets/built.js');
    fs.writeFileSync(file, SCRIPT);
    await precompressDir(staticDir);
    // Mark the sibling so the test can tell it was the one sent.
    const marked = `${SCRIPT}//sibling`;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(marked));
    expect(zlib.gunzipSync((await get('/assets/built.js', 'gzip')).body).toString('utf8')).toBe(marked);

    const later = new Date(Date.now() + 60_000);
    fs.writeFileSync(file, `${SCRIPT}//changed`);
    fs.utimesSync(file, later, later);
    expect(zlib.gunzipSync((await get('/assets/built.js', 'gzip')).body).toString('utf8')).toBe(`${SCRIPT}//changed`);
  });
});

describe('Accept-Encoding', () => {
  it('is read with its weights', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('')).toEqual([]);
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0.1, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('GZIP')).toEqual(['gzip']);
    expect(acceptedEncodings('gzip;q=nonsense')).toEqual([]);
  });
});
