// One of two processes racing to issue the last units of a stock (see race.test.ts).
import { openCore } from '../../../electron/core/open';
import { dispatch } from '../../../electron/dispatch';
import { TEST_PASSWORD } from '../../fixtures/core';

async function main() {
  const [dataDir, applicationId, startAt] = process.argv.slice(2);
  const app = await openCore(dataDir!);
  const login = await dispatch(app, 'auth.login', { username: 'u_finance', password: TEST_PASSWORD }, { token: null });
  if (!login.ok) throw new Error(login.error.message);
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
  const r = await dispatch(app, 'materials.issue', { applicationId: Number(applicationId), locationId: 1, lines: [{ itemId: 1, quantity: 2 }] }, { token: (login.data as { token: string }).token });
  process.stdout.write(JSON.stringify(r.ok ? { ok: true } : { ok: false, code: r.error.code, message: r.error.message }));
  app.db.close();
}

main().catch((e: unknown) => {
  process.stdout.write(JSON.stringify({ ok: false, code: 'CRASH', message: String(e) }));
  process.exit(1);
});
