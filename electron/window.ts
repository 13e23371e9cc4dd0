// The main window's security settings and the Electron hardening handlers, written against small
// structural interfaces so that unit tests can drive them with fakes. Nothing here imports Electron
// at run time (the one import below is type-only and is erased by the compiler).
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '工会困难职工帮扶中心';

/**
 * Options for the one application window. The security-relevant web preferences are typed as literal
 * types, so an edit that weakens one of them is a compile error and not only a failed test.
 */
export interface MainWindowOptions extends BrowserWindowConstructorOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  show: false;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    experimentalFeatures: false;
    spellcheck: false;
    /** Middle-click (auxclick) could otherwise open links in new windows; the open handler denies them anyway. */
    disableBlinkFeatures: string;
  };
}

export function mainWindowOptions(preloadPath: string): MainWindowOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 600,
    show: false, // shown on 'ready-to-show', so the clerk never sees a blank white frame
    autoHideMenuBar: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/**
 * The Content-Security-Policy of the renderer, sent as a response header by the main process
 * (renderer/index.html carries the same policy in a <meta> tag, which is what applies to file://
 * pages where response headers may not be consulted; frame-ancestors only works as a header).
 */
export const CSP_DIRECTIVES: readonly (readonly [directive: string, sources: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // 'unsafe-inline' for styles only: antd 6 is CSS-in-JS and injects <style> elements and style
  // attributes at run time. Scripts stay 'self'-only, with no 'unsafe-inline' and no 'unsafe-eval'.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  // blob: so that a generated PDF (an object URL) can be previewed in an <iframe>.
  ['frame-src', "'self' blob:"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([d, s]) => `${d} ${s}`).join('; ');

/** Response headers with our policy in place of any policy the response already carried. */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Navigation and window-creation hardening.

/** The part of an Electron event the handlers use. */
export interface PreventableEvent {
  preventDefault(): void;
  /** Electron ≥ 25 puts the target URL on the event of will-navigate / will-redirect. */
  readonly url?: string;
}

export type WindowOpenResponse = { action: 'deny' };

/** The part of Electron's WebContents the hardening needs. Electron's WebContents satisfies it. */
export interface MinimalWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export type UrlPredicate = (url: string) => boolean;

/**
 * A predicate accepting exactly the renderer's own page (file:// of out/renderer/index.html), with any
 * query or fragment (the renderer may use hash routes), and nothing else: no other file, no http(s).
 */
export function appUrlPredicate(indexFileUrl: string): UrlPredicate {
  const index = new URL(indexFileUrl);
  if (index.protocol !== 'file:') throw new Error(`app URL must be file://, got ${index.protocol}`);
  return (url) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    return u.protocol === 'file:' && u.host === index.host && u.pathname === index.pathname;
  };
}

/**
 * Installs the navigation guards on one web contents:
 * - window.open / target=_blank / middle-click: always denied (the app has one window);
 * - top-level navigation and redirects: allowed only to the app's own page;
 * - <webview>: never attached (webviewTag is off as well; this is the second lock).
 */
export function hardenWebContents(contents: MinimalWebContents, isAppUrl: UrlPredicate): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: PreventableEvent, url: string): void => {
    const target = typeof event.url === 'string' ? event.url : url;
    if (!isAppUrl(target)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The part of Electron's Session the permission lock needs. */
export interface MinimalSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Refuses every permission (camera, microphone, geolocation, notifications, clipboard-read, HID,
 * serial, …): a counter system needs none of them, and Electron grants them all by default.
 */
export function denyAllPermissions(session: MinimalSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

// ---------------------------------------------------------------------------------------------
// The IPC door: one channel ('api'), the session token kept in the main process per web contents.

export type ApiCaller = (channel: string, payload: unknown, caller: { token: string | null; client?: string }) => Promise<unknown>;

export interface IpcSender {
  readonly id: number;
}

export interface IpcFrame {
  readonly url: string;
}

/** Channels whose successful result starts a session ({ data: { token } }). */
export const SESSION_OPENING_CHANNELS: ReadonlySet<string> = new Set(['auth.login', 'auth.setup']);
export const SESSION_CLOSING_CHANNEL = 'auth.logout';

const REFUSED_SENDER = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '请求来自程序以外的页面，已拒绝。' },
} as const;

function tokenOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || !('ok' in result) || result.ok !== true) return null;
  const data = 'data' in result ? result.data : undefined;
  if (typeof data !== 'object' || data === null || !('token' in data)) return null;
  return typeof data.token === 'string' && data.token !== '' ? data.token : null;
}

/**
 * The main-process half of the IPC door. The renderer never has to hold or send a token: after a
 * successful login or setup the token is remembered for that web contents and used for its later calls;
 * 'auth.logout' and the web contents' destruction forget it. Calls from any frame whose URL is not the
 * app's own page are refused before they reach dispatch.
 */
export class IpcApiBridge {
  private readonly tokens = new Map<number, string>();

  /**
   * @param call dispatch, bound to the open core
   * @param isAppUrl which frame URLs may call
   * @param endSession ends a session in the core when its token is dropped here without a logout
   *   (the web contents was destroyed, or a new login replaced it), so no orphaned session stays valid
   */
  constructor(
    private readonly call: ApiCaller,
    private readonly isAppUrl: UrlPredicate,
    private readonly endSession: (token: string) => void = () => {},
  ) {}

  async handle(sender: IpcSender, frame: IpcFrame | null | undefined, channel: unknown, payload: unknown): Promise<unknown> {
    if (!frame || !this.isAppUrl(frame.url)) return REFUSED_SENDER;
    const name = typeof channel === 'string' ? channel : String(channel);
    const token = this.tokens.get(sender.id) ?? null;
    let result: unknown;
    try {
      // One client per window, for throttling failed logins.
      result = await this.call(name, payload, { token, client: `window:${sender.id}` });
    } finally {
      // The core ends the session on logout; whatever the outcome, this sender no longer has one.
      if (name === SESSION_CLOSING_CHANNEL) this.tokens.delete(sender.id);
    }
    if (SESSION_OPENING_CHANNELS.has(name)) {
      const fresh = tokenOf(result);
      if (fresh) {
        const previous = this.tokens.get(sender.id);
        this.tokens.set(sender.id, fresh);
        if (previous !== undefined && previous !== fresh) this.endSession(previous);
      }
    }
    return result;
  }

  /** Forgets the sender's session (its web contents is gone) and ends it in the core. */
  forget(senderId: number): void {
    const token = this.tokens.get(senderId);
    this.tokens.delete(senderId);
    if (token !== undefined) this.endSession(token);
  }

  /** For tests and diagnostics: whether the sender currently has a session token. */
  hasSession(senderId: number): boolean {
    return this.tokens.has(senderId);
  }
}
