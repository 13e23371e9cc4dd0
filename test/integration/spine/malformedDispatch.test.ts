import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/api';
import { ROLES } from '../../../shared/roles';
import { corruptionsOf, type Corruption } from '../../fixtures/examples';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';

// Through the door: a sample of each channel's corrupted examples (test/unit/spine/malformedInput.test.ts
// checks all of them against the schemas) comes back as VALIDATION in Chinese, audited, and writes nothing.
let core: TestCore;
let token: string;
beforeAll(async () => {
  core = await makeCore();
  token = await core.tokenFor([...ROLES]);
});
afterAll(() => core.close());

const lastAudit = () =>
  core.app.db.prepare('SELECT channel, outcome, code FROM audit_log ORDER BY id DESC LIMIT 1').get() as { channel: string; outcome: string; code: string | null };

/** An unknown key, the first wrong type, the first over-long text and the first bad number, where there are. */
function sample(cases: Corruption[]): Corruption[] {
  const picks = [/未知字段$/, /类型错误/, /10,000 个字$/, /(负数|非整数|超出安全整数|金额超过 1 亿元)$/, /: null$/];
  return picks.map((p) => cases.find((c) => p.test(c.label))).filter((c): c is Corruption => c !== undefined);
}

describe('malformed input through dispatch', () => {
  it.each(CHANNELS)('%s refuses corrupted examples as VALIDATION, in Chinese, writing nothing', async (channel) => {
    const cases = sample(corruptionsOf(channel));
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const before = businessFingerprint(core.app);
      const r = await core.call(channel, c.payload, contract[channel].access === 'public' ? null : token);
      expect(r.ok, `${channel} ${c.label}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${channel} ${c.label}: ${r.error.message}`).toBe('VALIDATION');
        expect(r.error.message, c.label).toMatch(/^输入有误：.*[\u4e00-\u9fff]/);
      }
      expect(businessFingerprint(core.app), c.label).toBe(before);
      expect(lastAudit(), c.label).toMatchObject({ channel, outcome: 'refused', code: 'VALIDATION' });
    }
  });
});
