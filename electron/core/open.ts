import fs from 'node:fs';
import path from 'node:path';
import { migrate, type MigrateReport } from '../db/migrate';
import { openDatabase } from '../db/open';
import { systemClock, type Clock } from './clock';
import type { AppContext } from './context';
import { SessionStore } from './auth/sessions';
import { LoginThrottle } from './auth/throttle';

export const DATABASE_FILE = 'centre.sqlite';

/** Opens (creating if needed) the data directory's database, migrated and ready for dispatch. */
export async function openCore(dataDir: string, clock: Clock = systemClock): Promise<AppContext & { migration: MigrateReport }> {
  fs.mkdirSync(dataDir, { recursive: true });
  const backupDir = path.join(dataDir, 'backups');
  fs.mkdirSync(backupDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    const migration = await migrate(db, { backupDir, now: clock.now() });
    return { db, clock, sessions: new SessionStore(), loginThrottle: new LoginThrottle(), migration };
  } catch (e) {
    db.close();
    throw e;
  }
}
