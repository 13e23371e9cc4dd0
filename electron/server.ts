import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { contract, CHANNELS } from '../shared/api';
import type { AppContext } from './core/context';
import { dispatch } from './dispatch';
import { staticAnswer } from './staticCompression';
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
/** Past this, an oversize body is no longer read to its end (the connection is closed after the 413). */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
/** No input of the contract nests deeper than a few levels; this only stops hostile bodies. */
const MAX_JSON_DEPTH = 64;

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

const errorBody = (code: string, message: string) => ({ ok: false, error: { code, message } });
const TOO_LARGE = errorBody('VALIDATION', '提交的内容太大（超过 5 MB），请减少内容或分批提交。');

type Body = { text: string } | { tooLarge: true; drained: boolean };

/**
 * Reads the body up to MAX_BODY_BYTES. A larger one is read on to its end and dropped, so the client
 * that is still sending receives the 413: closing the socket mid-upload would reset the connection
 * and lose the answer. Only a body past MAX_DRAIN_BYTES is cut short.
 */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let chunks: Buffer[] | null = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (chunks && size > MAX_BODY_BYTES) chunks = null;
      if (chunks) chunks.push(c);
      else if (size > MAX_DRAIN_BYTES) {
        req.off('data', onData);
        req.pause();
        resolve({ tooLarge: true, drained: false });
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks ? { text: Buffer.concat(chunks).toString('utf8') } : { tooLarge: true, drained: true }));
    req.on('error', reject);
  });
}

/** Whether arrays and objects nest deeper than `max` (a scan, before JSON.parse and anything recursive). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** decodeURIComponent that answers null for a malformed escape (e.g. %E0%A4%A) instead of throwing. */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
const BAD_URI = errorBody('VALIDATION', '请求地址格式不正确，请检查地址后重试。');

/**
 * The browser door: serves the built renderer and POST /api/<channel> on 127.0.0.1 only.
 * Cross-origin requests are refused by checking Host, Origin and Sec-Fetch-Site.
 */
export function startBrowserDoor(app: AppContext, opts: { port?: number; staticDir: string }): Promise<BrowserDoor> {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('[browser-door]', e);
      if (!res.headersSent) send(res, 500, errorBody('INTERNAL', '系统内部错误，操作没有保存。请稍后重试，如反复出现请联系管理员。'));
      else res.destroy();
    });
  });
  let origin = '';

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return send(res, 400, BAD_URI);
    }
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
      const channel = decodePath(url.pathname.slice('/api/'.length));
      const body = await readBody(req);
      if ('tooLarge' in body) {
        if (!body.drained) {
          // Past the drain limit: answer, then close rather than read on.
          res.setHeader('connection', 'close');
          res.once('finish', () => req.destroy());
        }
        return send(res, 413, TOO_LARGE);
      }
      if (channel === null) return send(res, 400, BAD_URI);
      if (nestsDeeperThan(body.text, MAX_JSON_DEPTH)) {
        return send(res, 400, errorBody('VALIDATION', '请求内容层级过深，不是本系统发出的请求。'));
      }
      let payload: unknown;
      try {
        payload = body.text.length ? JSON.parse(body.text) : {};
      } catch {
        return send(res, 400, errorBody('VALIDATION', '请求内容不是有效的 JSON'));
      }
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : null;
      // Loopback only, so this is the local machine; still one client for login throttling.
      const client = `http:${req.socket.remoteAddress ?? 'unknown'}`;
      const result = await dispatch(app, channel, payload, { token, client });
      return send(res, 200, result);
    }
    return serveStatic(url.pathname, req, res);
  }

  async function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const root = path.resolve(opts.staticDir);
    const decoded = decodePath(pathname);
    if (decoded === null || decoded.includes('\0')) return send(res, 400, BAD_URI);
    let file = path.resolve(root, `.${decoded}`);
    if (!file.startsWith(root)) return send(res, 404, { ok: false });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('界面尚未构建：请先运行 npm run build');
      return;
    }
    const answer = await staticAnswer(file, req.headers['accept-encoding']);
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
      ...(answer.varies ? { vary: 'Accept-Encoding' } : {}),
      ...(answer.encoding ? { 'content-encoding': answer.encoding, 'content-length': answer.body.length } : {}),
    });
    if (answer.encoding) res.end(answer.body);
    else fs.createReadStream(file).pipe(res);
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
