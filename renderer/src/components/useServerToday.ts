import { useEffect, useState } from 'react';
import { invoke } from '../api';

/*
 * The centre's date as the program knows it (settings.today), never the PC's clock: a counter PC set a
 * year ahead or behind must not open a list on the wrong month or forbid picking the current one.
 * One answer is shared by every page and month picker for a minute (timed by the monotonic clock, which
 * a wrong or changed PC clock does not move), so a day that turns while the app is open is seen.
 */
const FRESH_MS = 60_000;
const RETRY_MS = 2_000;
let cached: { today: string; at: number } | null = null;
let asking: Promise<string> | null = null;

const fresh = () => (cached && performance.now() - cached.at < FRESH_MS ? cached.today : null);

function askToday(): Promise<string> {
  const known = fresh();
  if (known) return Promise.resolve(known);
  asking ??= invoke('settings.today', {})
    .then((r) => {
      cached = { today: r.today, at: performance.now() };
      return r.today;
    })
    .finally(() => {
      asking = null;
    });
  return asking;
}

/** 'YYYY-MM-DD' of the program's today, or null until it answers (asked again every 2 s if it fails). */
export function useServerToday(): string | null {
  const [today, setToday] = useState<string | null>(fresh);
  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      void askToday().then(
        (t) => live && setToday(t),
        () => {
          if (live) retry = setTimeout(ask, RETRY_MS);
        },
      );
    ask();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, []);
  return today;
}

/** 'YYYY-MM' of the program's today, or null until it answers. */
export function useServerMonth(): string | null {
  return useServerToday()?.slice(0, 7) ?? null;
}
