// Copies the CJK font for printed documents (Noto Sans SC, OFL) from node_modules into
// resources/fonts/, where electron/pdf/fonts.ts finds it in development and tests and from where
// electron-builder ships it (extraResources → process.resourcesPath/fonts). Runs before every build
// and test; a file already there with the same size is left alone. Prints one line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
const target = path.join(root, 'resources', 'fonts');

// Names here must match electron/pdf/fonts.ts (FONT_FILES).
const files = [
  { from: path.join(pkg, '400Regular', 'NotoSansSC_400Regular.ttf'), to: 'NotoSansSC-Regular.ttf' },
  { from: path.join(pkg, '700Bold', 'NotoSansSC_700Bold.ttf'), to: 'NotoSansSC-Bold.ttf' },
  { from: path.join(pkg, 'LICENSE_FONT'), to: 'OFL.txt' },
];

const missing = files.filter((f) => !fs.existsSync(f.from));
if (missing.length > 0) {
  console.error(
    `字体来源缺失，请先运行 npm install（缺少 ${missing.map((f) => path.relative(root, f.from)).join(', ')}）` +
      ' / font source missing: run npm install (@expo-google-fonts/noto-sans-sc)',
  );
  process.exit(1);
}

fs.mkdirSync(target, { recursive: true });
let copied = 0;
for (const f of files) {
  const dest = path.join(target, f.to);
  const same = fs.existsSync(dest) && fs.statSync(dest).size === fs.statSync(f.from).size;
  if (same) continue;
  // Copy to a temporary name first, so a half-written font is never picked up.
  const tmp = `${dest}.${process.pid}.tmp`;
  fs.copyFileSync(f.from, tmp);
  fs.renameSync(tmp, dest);
  copied++;
}

console.log(
  `fonts: ${path.relative(root, target) || '.'} — NotoSansSC Regular + Bold + OFL.txt ` +
    (copied > 0 ? `(${copied} copied)` : '(up to date)'),
);
