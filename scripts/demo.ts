// npm run demo: the app on a throw-away database filled with a few hundred fictional worker files.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../shared/roles';
import { openCore } from '../electron/core/open';
import { dispatch } from '../electron/dispatch';
import { startBrowserDoor } from '../electron/server';
import { tempDir } from '../test/fixtures/core';
import { fakeFileInputs } from '../test/fixtures/files';

const FILES = Number(process.env.DEMO_FILES ?? 300);
const DEMO_USERS: [string, string, Role[]][] = [
  ['jiedai', '刘霞', ['staff']],
  ['zhuren', '陈志刚', ['director']],
  ['zhuxi', '孙建华', ['chair']],
  ['caiwu', '周丽', ['finance']],
];

async function main(): Promise<void> {
  const dataDir = tempDir('centre-demo-');
  const app = await openCore(dataDir);
  const password = `demo-${randomBytes(4).toString('hex')}`;
  const call = async (channel: string, payload: unknown, token: string | null) => {
    const r = await dispatch(app, channel, payload, { token });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as unknown as { token: string; id: number };
  };
  const admin = await call('auth.setup', { username: 'admin', displayName: '系统管理员', password }, null);
  await call('settings.update', { changes: { centreName: '示范区总工会困难职工帮扶中心', unionName: '示范区总工会', centrePhone: '0851-12345678', centreAddress: '示范区人民路 88 号' } }, admin.token);
  for (const [username, displayName, roles] of DEMO_USERS) await call('users.create', { username, displayName, password, roles }, admin.token);
  const staff = await call('auth.login', { username: 'jiedai', password }, null);
  const director = await call('auth.login', { username: 'zhuren', password }, null);
  const inputs = fakeFileInputs(20261122, FILES);
  for (const [i, input] of inputs.entries()) {
    const file = await call('files.create', input, staff.token);
    if (i % 37 === 5) await call('files.setExclusion', { fileId: file.id, kind: 'refused_means_check', reason: '两次通知均拒绝入户核查' }, staff.token);
    if (i % 53 === 7) await call('files.exit', { id: file.id, reason: '人均收入连续六个月高于低保线 1.5 倍' }, director.token);
  }
  const door = await startBrowserDoor(app, { port: Number(process.env.PORT ?? 0), staticDir: path.resolve('out/renderer') });
  console.log(`演示数据已生成 demo data: ${FILES} 份档案 files in ${dataDir}`);
  console.log(`浏览器入口 browser door: ${door.url}`);
  console.log(`演示账号 demo users (password ${password}): admin 管理员, ${DEMO_USERS.map(([u, n]) => `${u} ${n}`).join(', ')}`);
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
