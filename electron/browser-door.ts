// Entry point when the Electron runtime is absent: the same core behind a loopback HTTP door.
import os from 'node:os';
import path from 'node:path';
import { parseDataDirArg } from './cli-args';
import { idle } from './core/backup/backup';
import { healthText } from './core/backup/health';
import { backupOnExit, scheduleDailyBackups } from './core/backup/schedule';
import { systemClock } from './core/clock';
import { openCore } from './core/open';
import { MigrationRefusedError } from './db/migrate';
import { startBrowserDoor } from './server';

/** Where Electron's app.getPath('userData') would put the data, so both doors share one database. */
export function defaultDataDir(): string {
  const name = 'union-hardship-centre';
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = path.resolve(parseDataDirArg(argv) ?? defaultDataDir());
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 0;
  const app = await openCore(dataDir, systemClock);
  // Unhealthy, the door still opens: the page shows the report and the admin can restore from it.
  if (app.health.status === 'ok') console.log(healthText(app.health));
  else console.error(healthText(app.health));
  if (app.dailyBackup) console.log(`每日备份 daily backup: ${app.dailyBackup.written.verified ? app.dailyBackup.written.path : app.dailyBackup.written.message}`);
  const stopDaily = scheduleDailyBackups(app);
  const door = await startBrowserDoor(app, { port, staticDir: path.join(__dirname, '../renderer') });
  console.log(`数据目录 data dir: ${dataDir}`);
  console.log(`浏览器入口 browser door: ${door.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1); // a second Ctrl+C does not wait for the exit backup
    stopping = true;
    stopDaily();
    void door
      .close()
      .then(async () => {
        console.log(await backupOnExit(app, 30_000));
        await idle(app);
      })
      .finally(() => (app.db.close(), process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof MigrationRefusedError ? e.message : e);
  process.exit(1);
});
