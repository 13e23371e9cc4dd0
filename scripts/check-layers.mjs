// Layer rules, enforced by reading every import:
//   shared/   imports only shared/ (and zod)
//   renderer/ never imports electron/ or Node built-ins
//   electron/ never imports renderer/
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..'));
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts)$/.test(entry.name)) yield p;
  }
}

const rules = {
  shared: (spec, target) =>
    target ? (target.startsWith(path.join(root, 'shared')) ? null : 'shared/ may import only shared/')
      : spec === 'zod' ? null : `shared/ may not import the package "${spec}"`,
  renderer: (spec, target) =>
    target?.startsWith(path.join(root, 'electron')) ? 'renderer/ may not import electron/'
      : builtins.has(spec) || spec === 'electron' ? `renderer/ may not import "${spec}"` : null,
  electron: (_spec, target) => (target?.startsWith(path.join(root, 'renderer')) ? 'electron/ may not import renderer/' : null),
};

const problems = [];
let checked = 0;
for (const [layer, rule] of Object.entries(rules)) {
  if (!fs.existsSync(path.join(root, layer))) continue;
  for (const file of files(path.join(root, layer))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
      const problem = rule(spec, target);
      checked++;
      if (problem) problems.push(`${path.relative(root, file)}: imports "${spec}": ${problem}`);
    }
  }
}
if (problems.length) {
  console.error(`Layer rules broken (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`layers ok: ${checked} imports checked`);
