// Takes a backup slowly (a pause between steps), so kill.test.ts can kill this process in the middle of it.
import { takeBackup } from '../../../electron/core/backup/backup';
import { openCore } from '../../../electron/core/open';

async function main() {
  const [dataDir] = process.argv.slice(2);
  const app = await openCore(dataDir!, undefined, { dailyBackup: false });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let steps = 0;
  await takeBackup(app, 'manual', {
    onStep: () => {
      if (steps++ === 2) process.stdout.write('copying\n');
      Atomics.wait(pause, 0, 0, 20);
    },
  });
  process.stdout.write('finished\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String(e));
  process.exit(1);
});
