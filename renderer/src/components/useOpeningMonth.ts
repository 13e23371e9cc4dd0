import { useEffect, useState } from 'react';
import { invoke } from '../api';

const RETRY_MS = 2_000;

/**
 * The month a month-based page opens on: the one in the link (?month=), else the core's rule (the
 * last month not yet closed), so the statement, month close and stock ledger agree. Null while asking;
 * if the core does not answer it is asked again every 2 s rather than guessed from the PC's clock.
 */
export function useOpeningMonth(fromLink: string | null): string | null {
  const [month, setMonth] = useState(fromLink);
  useEffect(() => {
    if (month) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      void invoke('ledger.openingMonth', {}).then(
        (r) => live && setMonth(r.month),
        () => {
          if (live) retry = setTimeout(ask, RETRY_MS);
        },
      );
    ask();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [month]);
  return month;
}
