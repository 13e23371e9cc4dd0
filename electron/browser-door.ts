// Entry point when the Electron runtime is absent: the same core behind a loopback HTTP door.
import os from 'node:os';
import path from 'node:path';
import { parseDataDirArg } from './cli-args';
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
  const door = await startBrowserDoor(app, { port, staticDir: path.join(__dirname, '../renderer') });
  console.log(`数据目录 data dir: ${dataDir}`);
  console.log(`浏览器入口 browser door: ${door.url}`);
  const stop = () => void door.close().then(() => (app.db.close(), process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof MigrationRefusedError ? e.message : e);
  process.exit(1);
});
