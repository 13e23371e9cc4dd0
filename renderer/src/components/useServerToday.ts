import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { invoke } from '../api';
import { askUntilAnswered } from './askUntilAnswered';

/*
 * The centre's date as the program knows it (settings.today), never the PC's clock: a counter PC set a
 * year ahead or behind must not open a list on the wrong month, forbid picking the current one, or
 * default a form's date to its own day. One answer is shared by every page, form and picker for a minute
 * (timed by the monotonic clock, which a wrong or changed PC clock does not move), so a day that turns
 * while the app is open is seen.
 */
const FRESH_MS = 60_000;
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

/**
 * The last day the program answered, even if older than a minute (then it is asked again in the
 * background), or null if it never has: for code that cannot wait, such as the date pickers' 今天.
 */
export function lastKnownServerToday(): string | null {
  if (!fresh()) askToday().catch(() => undefined);
  return cached?.today ?? null;
}

/**
 * 'YYYY-MM-DD' of the program's today, or null until it answers (asked again every 2 s if it fails).
 * `askAgainWhen` (e.g. a dialog's open flag): asked again when it changes, so a form opened the next
 * morning on a page left open overnight defaults to the new day (from the shared answer if fresh).
 */
export function useServerToday(askAgainWhen?: unknown): string | null {
  const [today, setToday] = useState<string | null>(fresh);
  useEffect(() => {
    // a day older than a minute is not shown while asking again (a form would default to it)
    setToday(fresh());
    return askUntilAnswered(askToday, setToday);
  }, [askAgainWhen]);
  return today;
}

/** The program's today as a day for forms (default dates, pickers' limits), or null until it answers. */
export function useServerDay(askAgainWhen?: unknown): Dayjs | null {
  const today = useServerToday(askAgainWhen);
  return useMemo(() => (today ? dayjs(today) : null), [today]);
}

/** 'YYYY-MM' of the program's today, or null until it answers. */
export function useServerMonth(): string | null {
  return useServerToday()?.slice(0, 7) ?? null;
}

/** The program's year, or null until it answers. */
export function useServerYear(): number | null {
  const today = useServerToday();
  return today ? Number(today.slice(0, 4)) : null;
}
