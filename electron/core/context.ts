import type { SessionUser } from '../../shared/contract/auth';
import type { HealthReport } from '../../shared/contract/backup';
import type { ErrorCode } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import type { Db } from '../db/open';
import type { Clock } from './clock';
import type { SessionStore } from './auth/sessions';
import type { LoginThrottle } from './auth/throttle';

/** Everything long-lived the core needs; one per open database. */
export interface AppContext {
  /** Replaced in place by a restore (core/backup/restore.ts): always read it from here, never keep it. */
  db: Db;
  clock: Clock;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  /** The folder holding the database file and backups/. */
  dataDir: string;
  /** The start-up health check; while it failed, dispatch serves only OPEN_WHEN_UNHEALTHY. */
  health: HealthReport;
  /** Set while a restore swaps the database file: every call is answered with it and touches nothing. */
  restoring?: string | null;
}

export interface AuditNote {
  summary: string;
  entityType?: string;
  entityId?: number;
  /** Who acted when the call came without a session: the user a login or first setup proved to be. */
  actor?: { id: number; username: string };
}

/** What a handler sees for one call. */
export interface HandlerContext extends AppContext {
  /** The shared context itself (this object is a per-call copy), for the one handler that must change it: restore. Dispatch always sets it. */
  app?: AppContext;
  user: SessionUser | null;
  token: string | null;
  /** The caller's door-given identity (window, address), when the door gives one. */
  client?: string | null;
  now: Date;
  settings: Settings;
  /** Describes what the write changed, for the audit log; the last call wins. */
  audit(note: AuditNote): void;
}

/** Returned (not thrown) by a handler whose writes must be kept although the call is refused, e.g. a failed login counting towards lock-out. */
export class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

/** Returned by a handler whose final step is slow and needs no transaction (rendering a PDF). */
export class Deferred<T> {
  constructor(readonly run: () => Promise<T>) {}
}

/**
 * Returned by a write handler whose checking is slow (an import): dispatch commits the first step
 * (which writes nothing), awaits `check` (off the door's thread), then runs the step it answers in a
 * second write transaction with the call's audit row, all or nothing.
 */
export class CheckedWrite<T> {
  constructor(readonly check: () => Promise<() => T | Refusal>) {}
}
