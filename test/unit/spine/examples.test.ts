import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/api';
import { EXAMPLES, fieldsMissingFromExample } from '../../fixtures/examples';

describe('the contract examples', () => {
  it('has exactly one example per channel', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s: the example passes its own schema', (channel) => {
    const r = contract[channel].input.safeParse(EXAMPLES[channel]);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
  });

  it.each(CHANNELS)('%s: the example fills in every field the schema declares', (channel) => {
    expect(fieldsMissingFromExample(channel)).toEqual([]);
  });
});
