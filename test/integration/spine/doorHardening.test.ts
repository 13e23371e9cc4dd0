import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nestsDeeperThan, startBrowserDoor, type BrowserDoor } from '../../../electron/server';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';

let core: TestCore;
let door: BrowserDoor;
beforeAll(async () => {
  core = await makeCore();
  door = await startBrowserDoor(core.app, { staticDir: 'out/renderer' });
});
afterAll(async () => {
  await door.close();
  core.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: { ok?: boolean; error?: { code: string; message: string } } | string;
}

/** A raw request; the body may be sent in pieces, as a large upload is. */
function request(path: string, opts: { method?: string; body?: string | Buffer; chunks?: number } = {}): Promise<Answer> {
  const url = new URL(door.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: opts.method ?? 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text.startsWith('{') ? JSON.parse(text) : text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    const body = opts.body ?? '{}';
    if (opts.method === 'GET') req.end();
    else if (opts.chunks && typeof body !== 'string') {
      const size = Math.ceil(body.length / opts.chunks);
      for (let i = 0; i < body.length; i += size) req.write(body.subarray(i, i + size));
      req.end();
    } else req.end(body);
  });
}

const chinese = /[\u4e00-\u9fff]/;

describe('the browser door under hostile input', () => {
  it('answers a malformed URI escape with 400 and a Chinese message, not 500', async () => {
    for (const path of ['/api/%E0%A4%A', '/api/auth.login%', '/api/%ZZ']) {
      const r = await request(path, { body: JSON.stringify({ username: 'admin', password: 'x' }) });
      expect(r.status, path).toBe(400);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect((r.json as Answer['json'] & object).error!.message).toMatch(chinese);
    }
    const page = await request('/%E0%A4%A', { method: 'GET' });
    expect(page.status).toBe(400);
    expect(page.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses deeply nested JSON with 400 before parsing, on a public and a private channel', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    for (const [path, body] of [
      ['/api/auth.login', deep],
      ['/api/files.create', deep],
      ['/api/auth.login', deepObject],
    ] as const) {
      const r = await request(path, { body });
      expect(r.status, path).toBe(400);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求内容层级过深，不是本系统发出的请求。' } });
    }
    // brackets inside strings do not count
    expect(nestsDeeperThan(JSON.stringify({ note: '['.repeat(1000), q: '\\"[[[' }), 3)).toBe(false);
    expect(nestsDeeperThan('[[[[1]]]]', 3)).toBe(true);
  });

  it('answers an oversize body with 413 and a Chinese message, without resetting the connection', async () => {
    // just under the limit: read and answered as usual
    const under = await request('/api/auth.login', { body: JSON.stringify({ username: 'admin', password: 'x'.repeat(4 * 1024 * 1024) }) });
    expect(under.status).toBe(200);
    expect(under.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
    big.write('{"username":"admin","password":"', 0);
    const r = await request('/api/auth.login', { body: big, chunks: 48 });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((r.json as Answer['json'] & object).error!.message).toMatch(chinese);
    expect((r.json as Answer['json'] & object).error!.message).toContain('5 MB');
    // the door still serves
    const login = await request('/api/auth.login', { body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) });
    expect(login.json).toMatchObject({ ok: true });
  });
});
