// Issue 15: a money box's label is tied to it — clicking the label puts the cursor in the box and a
// screen reader names the field. antd ties a Form.Item's label to the id it gives its child; a box that
// keeps its own id needs the item's htmlFor to point at that id.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../renderer/src');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx$/.test(e.name) ? [p] : [];
  });
}

describe('money boxes and their labels', () => {
  it('every money box with its own id has a label pointing at that id', () => {
    const untied: string[] = [];
    for (const file of sources(ROOT)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<(?:MoneyInput|MoneyField)\b[^>]*?\bid=("[^"]+"|\{`[^`]+`\})/g)) {
        if (!text.includes(`htmlFor=${m[1]}`)) untied.push(`${path.relative(ROOT, file)}: id=${m[1]}`);
      }
    }
    expect(untied).toEqual([]);
  });

  it('the money box shows one unit (¥), not ¥ … 元', () => {
    const box = fs.readFileSync(path.join(ROOT, 'components/MoneyInput.tsx'), 'utf8');
    expect(box).toContain('prefix="¥"');
    expect(box).not.toMatch(/suffix="元"/);
  });
});
