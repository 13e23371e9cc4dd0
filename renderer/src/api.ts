// The one client: typed by the contract, carried by IPC in Electron or by fetch in a browser.
import type { Channel, InputOf, OutputOf } from '../../shared/api';
import type { ApiError, ApiResult } from '../../shared/errors';

declare global {
  interface Window {
    centre?: { invoke(channel: string, payload: unknown): Promise<unknown> };
  }
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
}

const TOKEN_KEY = 'centre.token';
let onUnauthenticated: (() => void) | null = null;

export const session = {
  setToken: (token: string | null) =>
    token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY),
  token: () => sessionStorage.getItem(TOKEN_KEY),
  onExpired: (fn: () => void) => {
    onUnauthenticated = fn;
  },
};

async function transport(channel: string, payload: unknown): Promise<ApiResult<unknown>> {
  if (window.centre) return (await window.centre.invoke(channel, payload)) as ApiResult<unknown>;
  const token = session.token();
  const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(payload ?? {}),
  });
  return (await res.json()) as ApiResult<unknown>;
}

export async function invoke<C extends Channel>(channel: C, payload: InputOf<C>): Promise<OutputOf<C>> {
  let result: ApiResult<unknown>;
  try {
    result = await transport(channel, payload);
  } catch {
    throw new ApiCallError({ code: 'INTERNAL', message: '无法连接到本机服务，请确认程序仍在运行。' });
  }
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' && channel !== 'auth.login') onUnauthenticated?.();
    throw new ApiCallError(result.error);
  }
  return result.data as OutputOf<C>;
}
