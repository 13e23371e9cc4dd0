import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/api';
import { startBrowserDoor, type BrowserDoor } from '../../../electron/server';
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

/** A raw request, so tests can set Host and Origin as a hostile page would. */
function request(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(door.url);
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: opts.method ?? 'POST', headers: { 'content-type': 'application/json', ...opts.headers } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text.startsWith('{') ? JSON.parse(text) : text }));
      },
    );
    req.on('error', reject);
    req.end(opts.method === 'GET' ? undefined : (opts.body ?? '{}'));
  });
}

describe('the browser door', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(door.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('documents every channel with its JSON Schema and roles', async () => {
    const r = await request('/api/contract', { method: 'GET' });
    const channels = (r.json as { channels: { channel: string; access: unknown; input: { type: string } }[] }).channels;
    expect(channels.map((c) => c.channel).sort()).toEqual([...CHANNELS].sort());
    const create = channels.find((c) => c.channel === 'users.create')!;
    expect(create.access).toEqual(['admin']);
    expect(create.input.type).toBe('object');
  });

  it('needs the session token on every call but login and setup', async () => {
    expect((await request('/api/users.list')).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const login = (await request('/api/auth.login', { body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) })).json as { data: { token: string } };
    const r = await request('/api/users.list', { headers: { authorization: `Bearer ${login.data.token}` } });
    expect(r.json).toMatchObject({ ok: true });
  });

  it('refuses cross-origin and foreign-host requests', async () => {
    expect((await request('/api/auth.setupStatus', { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request('/api/auth.setupStatus', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await request('/api/auth.setupStatus', { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await request('/api/auth.setupStatus', { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await request('/api/auth.setupStatus', { headers: { origin: door.url } })).status).toBe(200);
  });

  it('answers bad JSON with a Chinese message', async () => {
    const r = await request('/api/auth.login', { body: '{not json' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
  });
});
