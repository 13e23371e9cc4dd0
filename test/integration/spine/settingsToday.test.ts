// The day a new setting version takes effect by default comes from the server's clock, in the
// centre's calendar (Asia/Shanghai), not from whatever clock the clerk's PC keeps.
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';

let core: TestCore;
afterEach(() => core.close());

describe('settings.today', () => {
  it("answers the server's date in the centre's calendar, to every signed-in role", async () => {
    // 23:50 in Shanghai on 9 March; twenty minutes later it is 10 March there, still 9 March in UTC.
    core = await makeCore({ start: new Date('2026-03-09T15:50:00Z') });
    expect(await core.ok('settings.today', {}, core.adminToken)).toEqual({ today: '2026-03-09' });
    core.clock.advance(20 * 60_000);
    expect(await core.ok('settings.today', {}, core.adminToken)).toEqual({ today: '2026-03-10' });
    expect(await core.ok('settings.today', {}, await core.tokenFor(['staff']))).toEqual({ today: '2026-03-10' });
    // Signed out: no answer.
    expect(await core.call('settings.today', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
