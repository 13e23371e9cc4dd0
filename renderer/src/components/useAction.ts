import { App } from 'antd';
import { useState } from 'react';

/** Runs an API call with a busy flag; errors (already Chinese) are shown as a message. */
export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run<T>(fn: () => Promise<T>, success?: string): Promise<T | undefined> {
    setBusy(true);
    try {
      const out = await fn();
      if (success) message.success(success);
      return out;
    } catch (e) {
      message.error((e as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
