// npm run demo: the app on a throw-away database filled with three months of fictional work in every
// area (files, petitions, relief at every stage, books with two closed months, stock, referrals and legal
// aid, monitoring with due and overdue revisits, campaigns approved and partly paid).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AdjustableClock } from '../electron/core/clock';
import { openCore } from '../electron/core/open';
import { dispatch } from '../electron/dispatch';
import { startBrowserDoor } from '../electron/server';
import { tempDir } from '../test/fixtures/core';
import { DEMO_USERS, fillDemo } from './demoData';

const FILES = Number(process.env.DEMO_FILES ?? 300);
/** The demo's fixed port, so its address stays the same between runs; PORT=0 takes any free one. */
const DEFAULT_PORT = 5780;

async function main(): Promise<void> {
  const dataDir = tempDir('centre-demo-');
  // The story is told on its own days (three months back to today); the clock then runs on from now.
  const clock = new AdjustableClock();
  const app = await openCore(dataDir, clock);
  const password = `demo-${randomBytes(4).toString('hex')}`;
  const setup = await dispatch(app, 'auth.setup', { username: 'admin', displayName: '系统管理员', password }, { token: null });
  if (!setup.ok) throw new Error(setup.error.message);
  for (const [username, displayName, role] of DEMO_USERS) {
    const r = await dispatch(app, 'users.create', { username, displayName, password, roles: [role] }, { token: setup.data.token });
    if (!r.ok) throw new Error(r.error.message);
  }
  const summary = await fillDemo(app, clock, password, FILES);
  const staticDir = path.resolve('out/renderer');
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  // Another program (or a second demo) on the port: take any free one rather than fail.
  const door = await startBrowserDoor(app, { port, staticDir }).catch(() => startBrowserDoor(app, { port: 0, staticDir }));
  console.log(`演示数据已生成 demo data in ${dataDir}:`);
  console.log(`  ${summary.files} 份档案 files, ${summary.petitions} 件来访 petitions, 救助申请 relief applications ${Object.entries(summary.applications).map(([k, n]) => `${k} ${n}`).join('、')}, 已结账 closed months ${summary.closedMonths.join(', ')}`);
  console.log('  另有职业介绍与法律援助、动态监测（回访、预警、年审、脱困申请）、慰问活动（已审批、部分发放） referrals, monitoring, campaigns');
  console.log(`浏览器入口 browser door: ${door.url}`);
  console.log(`演示账号 demo users (password ${password}): admin 系统管理员, ${DEMO_USERS.map(([u, n]) => `${u} ${n}`).join(', ')}`);
  const stop = () =>
    void door.close().then(() => {
      app.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
