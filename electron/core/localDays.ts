// Lists filter UTC instants (created_at, at …) by the centre's local calendar days (UTC+8, no daylight saving).
const DAY_MS = 86_400_000;

const dayStart = (isoDate: string): number => new Date(`${isoDate}T00:00:00+08:00`).getTime();

/** The instants of local days `from` to `to`, both included: `at >= start AND at < end`; an open end is undefined. */
export function instantRange(from?: string, to?: string): { start?: string; end?: string } {
  return {
    start: from ? new Date(dayStart(from)).toISOString() : undefined,
    end: to ? new Date(dayStart(to) + DAY_MS).toISOString() : undefined,
  };
}
