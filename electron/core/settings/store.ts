import { SETTING_DEFAULTS, settingsSchema, type SettingKey, type Settings } from '../../../shared/settings';
import type { Db } from '../../db/open';

const KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

/** The settings in force on a local date: for each key the newest value effective on or before it. */
export function settingsOn(db: Db, date: string): Settings {
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
  for (const key of KEYS) {
    if (changes[key] === undefined) continue;
    insert.run(key, JSON.stringify(changes[key]), effectiveFrom, setAt, userId);
    written.push(key);
  }
  return written;
}
