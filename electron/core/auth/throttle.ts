/** Failed-login limits per client, beside the per-account lock-out (which unknown names never reach). */
export const CLIENT_MAX_FAILURES = 10;
export const CLIENT_WINDOW_MS = 15 * 60_000;
export const CLIENT_BLOCK_MS = 15 * 60_000;
const MAX_CLIENTS = 1000;

interface ClientRecord {
  failures: number[];
  blockedUntil: number;
}

/**
 * Kept in memory like the sessions: a client (an Electron window, a remote address) that fails
 * CLIENT_MAX_FAILURES logins within CLIENT_WINDOW_MS, whatever the usernames, may not try again
 * for CLIENT_BLOCK_MS. A success does not clear the count, so a known account cannot reset it.
 */
export class LoginThrottle {
  private readonly clients = new Map<string, ClientRecord>();

  constructor(
    private readonly maxFailures = CLIENT_MAX_FAILURES,
    private readonly windowMs = CLIENT_WINDOW_MS,
    private readonly blockMs = CLIENT_BLOCK_MS,
  ) {}

  /** Until when (ms) the client may not try, or null. */
  blockedUntil(client: string, nowMs: number): number | null {
    const r = this.clients.get(client);
    return r && r.blockedUntil > nowMs ? r.blockedUntil : null;
  }

  /** Counts a failed login; returns until when the client is now blocked, or null. */
  fail(client: string, nowMs: number): number | null {
    let r = this.clients.get(client);
    if (!r) {
      if (this.clients.size >= MAX_CLIENTS) this.prune(nowMs);
      r = { failures: [], blockedUntil: 0 };
      this.clients.set(client, r);
    }
    r.failures = r.failures.filter((t) => nowMs - t < this.windowMs);
    r.failures.push(nowMs);
    if (r.failures.length >= this.maxFailures) {
      r.blockedUntil = nowMs + this.blockMs;
      r.failures = [];
    }
    return r.blockedUntil > nowMs ? r.blockedUntil : null;
  }

  private prune(nowMs: number): void {
    for (const [client, r] of this.clients) {
      if (r.blockedUntil <= nowMs && r.failures.every((t) => nowMs - t >= this.windowMs)) this.clients.delete(client);
    }
    // Still full (a flood of clients): forget the oldest entries rather than grow without bound.
    for (const client of this.clients.keys()) {
      if (this.clients.size < MAX_CLIENTS) break;
      this.clients.delete(client);
    }
  }
}
