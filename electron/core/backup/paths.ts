import path from 'node:path';

/** The database file in the data directory. */
export const DATABASE_FILE = 'centre.sqlite';
export const BACKUP_DIR_NAME = 'backups';

export const databaseFileOf = (dataDir: string) => path.join(dataDir, DATABASE_FILE);
export const backupDirOf = (dataDir: string) => path.join(dataDir, BACKUP_DIR_NAME);
