import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, contractParts } from '../../../shared/api';
import { handlers } from '../../../electron/core/handlers';

describe('the contract', () => {
  it('declares each channel name once across all domain parts', () => {
    const names = Object.values(contractParts).flatMap((part) => Object.keys(part));
    const dupes = names.filter((n, i) => names.indexOf(n) !== i);
    expect(dupes).toEqual([]);
    expect(names.length).toBe(CHANNELS.length);
  });

  it('has exactly one handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(typeof handlers[c]).toBe('function');
  });

  it('gives every channel a Chinese title, a kind and an access rule', () => {
    for (const c of CHANNELS) {
      const def = contract[c];
      expect(def.title, c).toMatch(/[\u4e00-\u9fff]/);
      expect(['read', 'write']).toContain(def.kind);
      expect(def.access === 'public' || def.access === 'any' || def.access.length > 0).toBe(true);
    }
  });
});
