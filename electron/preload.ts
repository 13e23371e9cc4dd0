// The sandboxed preload (bundled to CommonJS: sandboxed preloads cannot be ESM). It exposes exactly one
// function to the page, window.centre.invoke(channel, payload), carried over the single 'api' IPC
// channel. No ipcRenderer, no event objects, no Node APIs reach the page. The session token is kept in
// the main process, so the page neither holds nor sends it.
import { contextBridge, ipcRenderer } from 'electron';

/** What the page sees as `window.centre`; renderer/src/api.ts declares the same shape. */
export interface CentreBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
}

const centre: CentreBridge = {
  invoke: (channel: string, payload: unknown): Promise<unknown> => ipcRenderer.invoke('api', channel, payload),
};

contextBridge.exposeInMainWorld('centre', centre);
