// One of two processes starting on the same data directory at the same moment (see twoStarts.test.ts).
import { openCore } from '../../../electron/core/open';

async function main() {
  const [dataDir, startAt] = process.argv.slice(2);
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
  try {
    const app = await openCore(dataDir!);
    process.stdout.write(JSON.stringify({ ok: true, applied: app.migration.applied, backupFile: app.migration.backupFile, health: app.health.status }));
    app.db.close();
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(e) }));
  }
}

void main();
