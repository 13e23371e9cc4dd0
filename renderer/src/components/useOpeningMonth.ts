import { useEffect, useState } from 'react';
import { invoke } from '../api';
import { askUntilAnswered } from './askUntilAnswered';

/**
 * The month a month-based page opens on: the one in the link (?month=), else the core's rule (the
 * last month not yet closed), so the statement, month close and stock ledger agree. Null while asking;
 * if the core does not answer it is asked again every 2 s rather than guessed from the PC's clock.
 */
export function useOpeningMonth(fromLink: string | null): string | null {
  const [month, setMonth] = useState(fromLink);
  useEffect(() => {
    if (month) return;
    return askUntilAnswered(
      () => invoke('ledger.openingMonth', {}),
      (r) => setMonth(r.month),
    );
  }, [month]);
  return month;
}
