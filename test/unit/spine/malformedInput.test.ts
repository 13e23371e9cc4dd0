import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/api';
import { corruptionsOf, pathLabel } from '../../fixtures/examples';

// Each case changes one field of a valid example (see corruptionsOf for the rules); the schema must
// refuse it, and name the corrupted field (or the object that got an unknown key) in an issue, so the
// form can show the message beside the right field.
describe('malformed input, one field at a time', () => {
  it.each(CHANNELS)('%s refuses every corruption of its example', (channel) => {
    const schema = contract[channel].input;
    const cases = corruptionsOf(channel);
    expect(cases.length).toBeGreaterThan(0);
    const accepted: string[] = [];
    const misplaced: string[] = [];
    for (const c of cases) {
      const r = schema.safeParse(c.payload);
      if (r.success) {
        accepted.push(c.label);
        continue;
      }
      const onField = r.error.issues.some((i) => c.path.every((k, n) => i.path[n] === k));
      if (!onField) misplaced.push(`${c.label} → ${r.error.issues.map((i) => pathLabel(i.path as (string | number)[])).join('、')}`);
      for (const issue of r.error.issues) expect(issue.message, c.label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(accepted, `${channel} accepted these`).toEqual([]);
    expect(misplaced, `${channel} refused these on another field`).toEqual([]);
  });
});
