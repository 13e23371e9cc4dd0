// Whether anything was committed to the database between two moments, as seen from the door's single
// writer connection: its own row changes (total_changes) and other connections' commits (data_version).
// A check made on another connection's snapshot taken in between is still true when the stamps match.
import type { Db } from './open';

export interface WriteStamp {
  changes: number;
  version: number;
}

export function writeStamp(db: Db): WriteStamp {
  const { changes } = db.prepare('SELECT total_changes() AS changes').get() as { changes: number };
  return { changes, version: db.pragma('data_version', { simple: true }) as number };
}

export const sameStamp = (a: WriteStamp, b: WriteStamp): boolean => a.changes === b.changes && a.version === b.version;
