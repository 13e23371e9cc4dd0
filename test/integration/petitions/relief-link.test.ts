import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { walkIn } from '../../fixtures/petitions';
import { application, poorFile } from '../../fixtures/relief';

let core: TestCore;
afterEach(() => core.close());

describe('a petition and the relief application it led to', () => {
  it('shows the application beside referrals and refuses a second one until the first is withdrawn', async () => {
    core = await makeCore();
    const staff = await core.tokenFor(['staff']);
    const fileId = await poorFile(core, staff);
    const petition = await core.ok('petitions.register', walkIn({ fileId }), staff);
    expect(petition.reliefApplicationId).toBeNull();

    const first = await core.ok('relief.create', application(fileId, 50_000, { petitionId: petition.id }), staff);
    const shown = await core.ok('petitions.get', { id: petition.id }, staff);
    expect(shown.reliefApplicationId).toBe(first.id);
    expect(shown.outcomes).toEqual([{ kind: 'relief', id: first.id, title: `${first.number}：生活困难救助 ¥500.00`, status: '草稿' }]);

    const second = await core.call('relief.create', application(fileId, 40_000, { petitionId: petition.id }), staff);
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(second.ok ? '' : second.error.message).toBe(
      `来访 ${petition.number} 已经申请过救助（${first.number}，草稿），不能重复申请；请在该申请上继续办理。`,
    );
    // Not tied to a petition, the worker may still apply (the relief rules judge that, not this link).
    expect((await core.call('relief.create', application(fileId, 40_000), staff)).ok).toBe(true);

    await core.ok('relief.withdraw', { id: first.id, reason: '来访人改为申请助学' }, staff);
    const again = await core.ok('relief.create', application(fileId, 40_000, { petitionId: petition.id, category: 'schooling' }), staff);
    const after = await core.ok('petitions.get', { id: petition.id }, staff);
    expect(after.reliefApplicationId).toBe(again.id);
    expect(after.outcomes.map((o) => o.status)).toEqual(['已撤回', '草稿']);
  });
});
