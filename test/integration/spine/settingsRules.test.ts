import { afterEach, describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS } from '../../../shared/settings';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
afterEach(() => core.close());

const refusal = async (changes: Record<string, number>, effectiveFrom?: string) => {
  const before = businessFingerprint(core.app);
  const r = await core.call('settings.update', { changes, effectiveFrom }, core.adminToken);
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(businessFingerprint(core.app)).toBe(before);
  return r.ok ? '' : r.error.message;
};

describe('settings that must hold together', () => {
  it('keeps 最低 ≤ 主任审批额度 ≤ 上限 ≤ 单笔最高, naming both fields', async () => {
    core = await makeCore({ start: shanghai('2026-12-01') });
    expect(await refusal({ reliefMinimumFen: 150_000 })).toBe('设置前后矛盾：最低救助金额 ¥1,500.00 不能高于须报工会主席的金额 ¥1,000.00。');
    expect(await refusal({ reliefChairThresholdFen: 120_000 })).toContain('须报工会主席的金额 ¥1,200.00 不能高于一般救助上限 ¥1,000.00');
    expect(await refusal({ reliefCapFen: 600_000 })).toContain('一般救助上限 ¥6,000.00 不能高于单笔救助最高限额 ¥5,000.00');
    expect(await refusal({ reliefCeilingFen: 90_000 })).toContain('一般救助上限 ¥1,000.00 不能高于单笔救助最高限额 ¥900.00');
    // Several fields changed together are judged together.
    const s = await core.ok('settings.update', { changes: { reliefCapFen: 600_000, reliefCeilingFen: 800_000 } }, core.adminToken);
    expect(s).toMatchObject({ reliefCapFen: 600_000, reliefCeilingFen: 800_000 });
    expect((await core.ok('settings.update', { changes: { reliefMinimumFen: 100_000 } }, core.adminToken)).reliefMinimumFen).toBe(100_000);
  });

  it('refuses a 公示 shorter than 5 days', async () => {
    core = await makeCore({ start: shanghai('2026-12-01') });
    expect(await refusal({ reliefNoticeDays: 2 })).toBe('设置前后矛盾：公示天数不能少于 5 天（现填 2 天）。');
    expect((await core.ok('settings.update', { changes: { reliefNoticeDays: 7 } }, core.adminToken)).reliefNoticeDays).toBe(7);
  });

  it('checks a change against what is already scheduled for later days', async () => {
    core = await makeCore({ start: shanghai('2026-12-01') });
    await core.ok('settings.update', { changes: { reliefCeilingFen: 200_000 }, effectiveFrom: '2027-01-01' }, core.adminToken);
    // Fine today (ceiling 5,000) but not from the new year, when the ceiling drops to 2,000.
    expect(await refusal({ reliefCapFen: 300_000 })).toBe(
      '设置前后矛盾（2027-01-01 起已安排的设置）：一般救助上限 ¥3,000.00 不能高于单笔救助最高限额 ¥2,000.00。',
    );
    expect((await core.ok('settings.get', {}, core.adminToken)).reliefCapFen).toBe(SETTING_DEFAULTS.reliefCapFen);
  });
});
