import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/core';

function check(tree: Record<string, string>) {
  const dir = tempDir('layers-');
  for (const [file, text] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return spawnSync(process.execPath, ['scripts/check-layers.mjs', dir], { encoding: 'utf8' });
}

describe('layer rules', () => {
  it('passes the real tree', () => {
    expect(check({}).status).toBe(0);
    expect(spawnSync(process.execPath, ['scripts/check-layers.mjs'], { encoding: 'utf8' }).status).toBe(0);
  });

  it.each([
    ['shared/a.ts', "import fs from 'node:fs';", 'shared/ may not import'],
    ['shared/b.ts', "import { x } from '../electron/core/x';", 'shared/ may import only shared/'],
    ['renderer/src/c.tsx', "import { dispatch } from '../../electron/dispatch';", 'renderer/ may not import electron/'],
    ['renderer/src/d.ts', "import path from 'node:path';", 'may not import "node:path"'],
    ['electron/e.ts', "import { App } from '../renderer/src/App';", 'electron/ may not import renderer/'],
  ])('refuses %s importing across a layer', (file, text, message) => {
    const r = check({ [file]: text });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
});
