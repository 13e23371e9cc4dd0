import type { SessionUser } from '../../shared/contract/auth';
import type { ErrorCode } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import type { Db } from '../db/open';
import type { Clock } from './clock';
import type { SessionStore } from './auth/sessions';
import type { LoginThrottle } from './auth/throttle';

/** Everything long-lived the core needs; one per open database. */
export interface AppContext {
  db: Db;
  clock: Clock;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
}

export interface AuditNote {
  summary: string;
  entityType?: string;
  entityId?: number;
}

/** What a handler sees for one call. */
export interface HandlerContext extends AppContext {
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
