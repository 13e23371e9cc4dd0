import { useEffect, useState } from 'react';
import { localDate } from '../../../shared/dates';
import { invoke } from '../api';

/**
 * The month a month-based page opens on: the one in the link (?month=), else the core's rule (the
 * last month not yet closed), so the statement, month close and stock ledger agree. Null while asking.
 */
export function useOpeningMonth(fromLink: string | null): string | null {
  const [month, setMonth] = useState(fromLink);
  useEffect(() => {
    if (month) return;
    let live = true;
    invoke('ledger.openingMonth', {})
      .then((r) => live && setMonth(r.month))
      .catch(() => live && setMonth(localDate(new Date()).slice(0, 7)));
    return () => {
      live = false;
    };
  }, [month]);
  return month;
}
