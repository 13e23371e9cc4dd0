import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { contract, CHANNELS } from '../shared/api';
import type { AppContext } from './core/context';
import { dispatch } from './dispatch';
// Same policy as the Electron window.
import { CONTENT_SECURITY_POLICY as CSP } from './window';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface BrowserDoor {
  url: string;
  close(): Promise<void>;
}

/** The self-describing contract: each channel's JSON Schema and who may call it. */
export function describeContract() {
  return CHANNELS.map((name) => {
    const def = contract[name];
    return {
      channel: name,
      title: def.title,
      kind: def.kind,
      access: def.access,
      input: z.toJSONSchema(def.input, { unrepresentable: 'any', io: 'input' }),
    };
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The browser door: serves the built renderer and POST /api/<channel> on 127.0.0.1 only.
 * Cross-origin requests are refused by checking Host, Origin and Sec-Fetch-Site.
 */
export function startBrowserDoor(app: AppContext, opts: { port?: number; staticDir: string }): Promise<BrowserDoor> {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('[browser-door]', e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } });
    });
  });
  let origin = '';

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host) return send(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: '只接受本机地址访问' } });
    const requestOrigin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    if ((requestOrigin && requestOrigin !== origin) || (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none')) {
      return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝跨站请求' } });
    }
    if (url.pathname === '/api/contract' && req.method === 'GET') return send(res, 200, { channels: describeContract() });
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'VALIDATION', message: '只接受 POST 请求' } });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, { ok: false, error: { code: 'VALIDATION', message: '请求必须是 JSON' } });
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
      }
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : null;
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await dispatch(app, channel, payload, { token });
      return send(res, 200, result);
    }
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = path.resolve(opts.staticDir);
    let file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(root)) return send(res, 404, { ok: false });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('界面尚未构建：请先运行 npm run build');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      origin = `http://127.0.0.1:${port}`;
      resolve({
        url: origin,
        close: () => new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
      });
    });
  });
}
