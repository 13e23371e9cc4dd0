import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';

// A full disk or a read-only file must get its own Chinese message, never the generic one, and write nothing.
let core: TestCore;
let finance: string;
beforeAll(async () => {
  core = await makeCore();
  finance = await core.tokenFor(['finance']);
});
afterAll(() => core.close());

const donor = (address = '') => ({ kind: 'unit' as const, name: '红星机械厂', contact: '李厂长', phone: '13800000000', address });

describe('storage failures', () => {
  it('a read-only data file is named as such and nothing is written', async () => {
    const before = businessFingerprint(core.app);
    core.app.db.pragma('query_only = 1');
    try {
      const r = await core.call('ledger.addDonor', donor(), finance);
      expect(r).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
      if (!r.ok) expect(r.error.message).toContain('数据文件只读');
    } finally {
      core.app.db.pragma('query_only = 0');
    }
    expect(businessFingerprint(core.app)).toBe(before);
  });

  it('a full disk is named as such and nothing is written', async () => {
    const before = businessFingerprint(core.app);
    const pages = core.app.db.pragma('page_count', { simple: true }) as number;
    core.app.db.pragma(`max_page_count = ${pages}`);
    try {
      // A long address needs pages the file may not grow to.
      const r = await core.call('ledger.addDonor', donor('矿区宿舍'.repeat(30)), finance);
      const results = [r];
      for (let i = 0; i < 40 && !results.some((x) => !x.ok); i++) results.push(await core.call('ledger.addDonor', donor('矿区宿舍'.repeat(30)), finance));
      const refused = results.find((x) => !x.ok);
      expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
      if (refused && !refused.ok) expect(refused.error.message).toContain('磁盘空间不足');
    } finally {
      core.app.db.pragma('max_page_count = 1073741823');
    }
    // Only the calls that succeeded before the disk filled are there; the failed one left nothing half-written.
    const donors = core.app.db.prepare('SELECT count(*) AS n FROM donors').get() as { n: number };
    const audited = core.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE channel = 'ledger.addDonor' AND outcome = 'ok'").get() as { n: number };
    expect(donors.n).toBe(audited.n);
    expect(before).not.toBe('');
  });
});
