import { SETTING_DEFAULTS, settingsSchema, type SettingKey, type Settings } from '../../../shared/settings';
import type { Db } from '../../db/open';

const KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

// Settings are read on every call; cache them per database and date until the next write.
// Reads inside a transaction bypass the cache: they may see writes that could still roll back.
const cache = new WeakMap<Db, Map<string, Settings>>();

/** The settings in force on a local date: for each key the newest value effective on or before it. */
export function settingsOn(db: Db, date: string): Settings {
  if (db.inTransaction) return readSettings(db, date);
  let byDate = cache.get(db);
  if (!byDate) cache.set(db, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit) return hit;
  const settings = readSettings(db, date);
  byDate.set(date, settings);
  return settings;
}

function readSettings(db: Db, date: string): Settings {
  const stmt = db.prepare(
    `SELECT value_json FROM setting_values WHERE key = ? AND effective_from <= ?
     ORDER BY effective_from DESC, id DESC LIMIT 1`,
  );
  const values: Record<string, unknown> = { ...SETTING_DEFAULTS };
  for (const key of KEYS) {
    const row = stmt.get(key, date) as { value_json: string } | undefined;
    if (row) values[key] = JSON.parse(row.value_json);
  }
  return settingsSchema.parse(values);
}

export function writeSettings(
  db: Db,
  changes: Partial<Settings>,
  effectiveFrom: string,
  setAt: string,
  userId: number | null,
): SettingKey[] {
  const insert = db.prepare(
    'INSERT INTO setting_values (key, value_json, effective_from, set_at, set_by) VALUES (?, ?, ?, ?, ?)',
  );
  const written: SettingKey[] = [];
  // Dropped before the write: if the transaction rolls back, the next read simply re-reads.
  cache.delete(db);
  for (const key of KEYS) {
    if (changes[key] === undefined) continue;
    insert.run(key, JSON.stringify(changes[key]), effectiveFrom, setAt, userId);
    written.push(key);
  }
  return written;
}
