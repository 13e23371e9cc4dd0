import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder fails late, on a packaging machine, when an asset it names is missing: check here.
const root = path.resolve(__dirname, '../../..');
const config = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

describe('installer assets', () => {
  const named = [...config.matchAll(/:\s*(resources\/[\w.-]+\.(?:ico|png|bmp))\s*$/gm)].map((m) => m[1]!);

  it('names the icon for each platform and the installer pictures', () => {
    expect(named).toEqual(expect.arrayContaining(['resources/icon.ico', 'resources/icon.png', 'resources/installerSidebar.bmp']));
  });

  it.each(named)('%s is in the repository and not empty', (file) => {
    const full = path.join(root, file);
    expect(fs.existsSync(full)).toBe(true);
    expect(fs.statSync(full).size).toBeGreaterThan(1000);
  });

  it('the PNG icon is a real 512-pixel PNG', () => {
    const png = fs.readFileSync(path.join(root, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});
