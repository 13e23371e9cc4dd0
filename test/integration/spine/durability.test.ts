import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';

let core: TestCore;
afterEach(() => core.close());

describe('durability', () => {
  it('syncs every commit (synchronous = FULL with WAL), so a printed receipt number survives a power cut', async () => {
    core = await makeCore();
    expect(core.app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.app.db.pragma('synchronous', { simple: true })).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
  });
});
