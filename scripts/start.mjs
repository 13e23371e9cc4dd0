// npm start: open the Electron window when its runtime is present; otherwise say so in one line
// and serve the same app to a browser on 127.0.0.1 (the browser door).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, fs.readFileSync(pathFile, 'utf8'))
    : path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(exe) ? exe : null;
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit', cwd: root });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const exe = args.includes('--browser') ? null : electronBinary();
if (exe) {
  run(exe, ['.', ...args]);
} else {
  console.log('未找到 Electron 桌面运行时 (Electron runtime not installed): serving the app to a browser instead.');
  run(process.execPath, [path.join(root, 'out/main/browser-door.js'), ...args.filter((a) => a !== '--browser')]);
}
