// Issue 15: dates read 2026年12月1日 in prose and 2026-12-01 in tables, everywhere. A table column
// (a `title:` with a `dataIndex:` or `render:` on one line) never formats its date the prose way.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../renderer/src');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('date formats on the screen', () => {
  it('no table column shows a date as 2026年12月1日', () => {
    const offenders = sources(ROOT).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => /\btitle: '/.test(line) && /\b(dataIndex|render):/.test(line) && /formatChineseDate\(/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });

  it('the expiry cell of the stock tables shows the ISO date', () => {
    const labels = fs.readFileSync(path.join(ROOT, 'pages/materials/materialsLabels.tsx'), 'utf8');
    const cell = labels.slice(labels.indexOf('export function ExpiryCell'), labels.indexOf('export function ExpiryCell') + 600);
    expect(cell).not.toContain('formatChineseDate');
  });
});
