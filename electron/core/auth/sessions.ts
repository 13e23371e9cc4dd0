import { randomBytes } from 'node:crypto';

interface Session {
  userId: number;
  lastSeenMs: number;
}

/** Login sessions live in memory: restarting the app logs everyone out, which a counter PC expects. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(userId: number, nowMs: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeenMs: nowMs });
    return token;
  }

  /** The session's user, refreshing its idle timer; null when unknown or idle too long. */
  touch(token: string, nowMs: number, idleMinutes: number): number | null {
    const s = this.sessions.get(token);
    if (!s) return null;
    if (nowMs - s.lastSeenMs > idleMinutes * 60_000) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeenMs = nowMs;
    return s.userId;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session: after a restore, users and roles may no longer be what the sessions say. */
  endAll(): void {
    this.sessions.clear();
  }

  /** Ends every session of the user, except `keep` (the caller's own) when given. */
  endAllFor(userId: number, keep: string | null = null): void {
    for (const [token, s] of this.sessions) if (s.userId === userId && token !== keep) this.sessions.delete(token);
  }
}
