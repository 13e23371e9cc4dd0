import App from 'antd/es/app';
import { useCallback, useState } from 'react';

/** Runs an API call with a busy flag; errors (already Chinese) are shown as a message. `run` is stable across renders. */
export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>, success?: string): Promise<T | undefined> => {
      setBusy(true);
      try {
        const out = await fn();
        if (success) void message.success(success);
        return out;
      } catch (e) {
        void message.error((e as Error).message);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message],
  );
  return { busy, run };
}
