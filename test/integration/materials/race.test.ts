import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';

const run = promisify(execFile);

describe('two issues racing for the last units', () => {
  it('lets exactly one succeed, from two processes on the same database', async () => {
    const core = await makeCore();
    try {
      const [a, b] = await payableApplications(core, [50_000, 60_000]);
      const finance = await core.tokenFor(['finance']);
      const donorId = await donor(core, finance);
      await core.ok('materials.addItem', { name: '大米', unit: '袋', category: 'food' }, finance);
      const today = core.clock.now().toISOString().slice(0, 10);
      await core.ok('materials.receiveDonation', { donorId, locationId: 1, date: today, lines: [{ itemId: 1, quantity: 3, unitValueFen: 5_000 }] }, finance);
      const startAt = Date.now() + 2_500;
      const worker = path.resolve('test/integration/materials/race.worker.ts');
      const tsx = path.resolve('node_modules/.bin/tsx');
      const results = await Promise.all(
        [a, b].map(async (app) => JSON.parse((await run(tsx, [worker, core.dataDir, String(app), String(startAt)], { timeout: 30_000 })).stdout) as { ok: boolean; code?: string; message?: string }),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(loser.code).toBe('RULE');
      expect(loser.message).toContain('库存不足');
      const left = core.app.db.prepare('SELECT sum(quantity) AS q FROM stock_movements').get() as { q: number };
      expect(left.q).toBe(1);
    } finally {
      core.close();
    }
  }, 60_000);
});
