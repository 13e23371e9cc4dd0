import { OPEN_WHEN_UNHEALTHY } from '../../../shared/contract/backup';
import type { ApiError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { unhealthyMessage } from './health';

const OPEN = new Set<string>(OPEN_WHEN_UNHEALTHY);

/**
 * Dispatch's first check, before anything reads the database: during a restore nothing is served (the
 * file is being swapped); after a failed start-up check only the health report, login and restore are.
 * These refusals are not audited: the database is the thing that cannot be trusted or is not there.
 */
export function unavailable(app: AppContext, channel: string): ApiError | null {
  if (app.restoring) return { code: 'CONFLICT', message: app.restoring };
  if (app.health.status === 'ok' || OPEN.has(channel)) return null;
  return { code: 'STORAGE', message: unhealthyMessage(app.health) };
}
