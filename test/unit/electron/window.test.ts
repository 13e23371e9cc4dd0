import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataDirArg } from '../../../electron/cli-args';
import {
  CONTENT_SECURITY_POLICY,
  IpcApiBridge,
  appUrlPredicate,
  denyAllPermissions,
  hardenWebContents,
  mainWindowOptions,
  withContentSecurityPolicy,
  type MinimalSession,
  type MinimalWebContents,
  type PreventableEvent,
  type WindowOpenResponse,
} from '../../../electron/window';

const INDEX = path.resolve('/opt/centre/resources/app.asar/out/renderer/index.html');
const APP_URL = pathToFileURL(INDEX).href;
const isAppUrl = appUrlPredicate(APP_URL);

type Listener = (event: PreventableEvent, url: string) => void;

/** A stand-in for Electron's WebContents that records what the hardening installs. */
class FakeWebContents implements MinimalWebContents {
  openHandler: ((details: { url: string }) => WindowOpenResponse) | null = null;
  readonly listeners = new Map<string, Listener[]>();

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.openHandler = handler;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** Emits like Electron ≥ 25: the URL on the event, and (deprecated) as the second argument. */
  emit(event: string, url = ''): { prevented: boolean } {
    const e = { prevented: false, url, preventDefault() { this.prevented = true; } };
    for (const l of this.listeners.get(event) ?? []) l(e, url);
    return e;
  }
}

function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/x/preload/index.js');
  const prefs = options.webPreferences;

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toBe('/x/preload/index.js');
  });

  it('describes the window', () => {
    expect(options).toMatchObject({ title: '工会困难职工帮扶中心', width: 1280, height: 800, minWidth: 1024, show: false });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const d = directives(CONTENT_SECURITY_POLICY);

  it('never allows eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('allows inline style only (antd CSS-in-JS), and nothing else inline', () => {
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const inline = [...d].filter(([, s]) => s.includes("'unsafe-inline'")).map(([n]) => n);
    expect(inline).toEqual(['style-src']);
  });

  it('locks plugins, base, forms and framing', () => {
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('frame-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('font-src')).toEqual(["'self'", 'data:']);
  });

  it('allows no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|ws:/);
  });

  it('replaces any policy already on a response, whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'X-Other': 'a' });
    expect(headers).toEqual({ 'X-Other': ['a'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('appUrlPredicate', () => {
  it('accepts the renderer page, also with a hash route or query', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/petitions/12`)).toBe(true);
    expect(isAppUrl(`${APP_URL}?x=1`)).toBe(true);
  });

  it('refuses the web, other files, and junk', () => {
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/index.html')).toBe(false);
    expect(isAppUrl(pathToFileURL(path.resolve('/etc/passwd')).href)).toBe(false);
    expect(isAppUrl(pathToFileURL(path.resolve(path.dirname(INDEX), 'other.html')).href)).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it('refuses a non-file app URL outright', () => {
    expect(() => appUrlPredicate('https://example.com/index.html')).toThrow();
  });
});

describe('hardenWebContents', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents, isAppUrl);

  it('denies every new window', () => {
    expect(contents.openHandler).not.toBeNull();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: APP_URL })).toEqual({ action: 'deny' });
  });

  it('prevents navigation away from the app, and lets the app page load', () => {
    expect(contents.emit('will-navigate', 'https://example.com/').prevented).toBe(true);
    expect(contents.emit('will-navigate', 'file:///etc/passwd').prevented).toBe(true);
    expect(contents.emit('will-navigate', APP_URL).prevented).toBe(false);
    expect(contents.emit('will-navigate', `${APP_URL}#/login`).prevented).toBe(false);
  });

  it('guards redirects the same way', () => {
    expect(contents.emit('will-redirect', 'https://example.com/').prevented).toBe(true);
    expect(contents.emit('will-redirect', APP_URL).prevented).toBe(false);
  });

  it('uses the URL on the event, not only the deprecated argument', () => {
    const e = { prevented: false, url: 'https://example.com/', preventDefault() { this.prevented = true; } };
    for (const l of contents.listeners.get('will-navigate') ?? []) l(e, APP_URL);
    expect(e.prevented).toBe(true);
  });

  it('never attaches a webview', () => {
    expect(contents.listeners.get('will-attach-webview')).toHaveLength(1);
    expect(contents.emit('will-attach-webview').prevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses permission requests and checks', () => {
    let request: Parameters<MinimalSession['setPermissionRequestHandler']>[0] | null = null;
    let check: Parameters<MinimalSession['setPermissionCheckHandler']>[0] | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    });
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      request!({}, p, (granted) => answers.push(granted));
      expect(check!({}, p)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
  });
});

describe('IpcApiBridge', () => {
  type Call = { channel: string; payload: unknown; token: string | null };
  function setup() {
    const calls: Call[] = [];
    const ended: string[] = [];
    let nextToken = 1;
    const bridge = new IpcApiBridge(
      async (channel, payload, caller) => {
        calls.push({ channel, payload, token: caller.token });
        if (channel === 'auth.login' || channel === 'auth.setup') {
          if ((payload as { password?: string }).password === 'wrong') {
            return { ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码不正确' } };
          }
          return { ok: true, data: { token: `t${nextToken++}`, user: { id: 1 }, idleMinutes: 30 } };
        }
        return { ok: true, data: { done: true } };
      },
      isAppUrl,
      (token) => ended.push(token),
    );
    return { bridge, calls, ended };
  }
  const app = { url: `${APP_URL}#/` };

  it('refuses frames that are not the app page, without dispatching', async () => {
    const { bridge, calls } = setup();
    const r = await bridge.handle({ id: 1 }, { url: 'https://example.com/' }, 'auth.me', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await bridge.handle({ id: 1 }, null, 'auth.me', {})).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('remembers the login token per sender and uses it for later calls', async () => {
    const { bridge, calls } = setup();
    const login = await bridge.handle({ id: 1 }, app, 'auth.login', { username: 'a', password: 'p' });
    expect(login).toMatchObject({ ok: true, data: { token: 't1' } });
    await bridge.handle({ id: 1 }, app, 'auth.me', {});
    await bridge.handle({ id: 2 }, app, 'auth.me', {});
    expect(calls.map((c) => [c.channel, c.token])).toEqual([
      ['auth.login', null],
      ['auth.me', 't1'],
      ['auth.me', null],
    ]);
  });

  it('does not remember a failed login', async () => {
    const { bridge } = setup();
    await bridge.handle({ id: 1 }, app, 'auth.login', { username: 'a', password: 'wrong' });
    expect(bridge.hasSession(1)).toBe(false);
  });

  it('remembers after setup too, forgets on logout', async () => {
    const { bridge, calls } = setup();
    await bridge.handle({ id: 3 }, app, 'auth.setup', { username: 'a', displayName: '甲', password: 'p' });
    expect(bridge.hasSession(3)).toBe(true);
    await bridge.handle({ id: 3 }, app, 'auth.logout', {});
    expect(calls.at(-1)).toMatchObject({ channel: 'auth.logout', token: 't1' });
    expect(bridge.hasSession(3)).toBe(false);
    await bridge.handle({ id: 3 }, app, 'auth.me', {});
    expect(calls.at(-1)?.token).toBeNull();
  });

  it('ends the core session when a sender is destroyed or logs in again', async () => {
    const { bridge, ended } = setup();
    await bridge.handle({ id: 1 }, app, 'auth.login', { username: 'a', password: 'p' });
    await bridge.handle({ id: 1 }, app, 'auth.login', { username: 'b', password: 'p' });
    expect(ended).toEqual(['t1']);
    bridge.forget(1);
    expect(ended).toEqual(['t1', 't2']);
    expect(bridge.hasSession(1)).toBe(false);
    bridge.forget(99);
    expect(ended).toEqual(['t1', 't2']);
  });
});

describe('parseDataDirArg', () => {
  it('reads --data-dir <dir> and --data-dir=<dir>', () => {
    expect(parseDataDirArg(['electron', '.', '--data-dir', '/srv/centre'])).toBe('/srv/centre');
    expect(parseDataDirArg(['--data-dir=/srv/帮扶中心'])).toBe('/srv/帮扶中心');
    expect(parseDataDirArg(['--data-dir=C:\\数据\\centre'])).toBe('C:\\数据\\centre');
  });

  it('is null when absent or without a value', () => {
    expect(parseDataDirArg([])).toBeNull();
    expect(parseDataDirArg(['--port', '8080'])).toBeNull();
    expect(parseDataDirArg(['--data-dir'])).toBeNull();
    expect(parseDataDirArg(['--data-dir='])).toBeNull();
    expect(parseDataDirArg(['--data-dir', '--demo'])).toBeNull();
    expect(parseDataDirArg(['--data-directory', '/x'])).toBeNull();
  });

  it('lets the last flag win and stops at --', () => {
    expect(parseDataDirArg(['--data-dir', '/a', '--data-dir=/b'])).toBe('/b');
    expect(parseDataDirArg(['--data-dir', '/a', '--', '--data-dir', '/b'])).toBe('/a');
  });
});
