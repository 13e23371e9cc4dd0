import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let staff: string;
let director: string;
let app: number;
let milk: number;
let store2: number;

/** Quantity per lot (expiry date) of milk at a location. */
async function lotsAt(locationId: number): Promise<Record<string, number>> {
  const rows = await core.ok('materials.stock', { locationId, itemId: milk }, finance);
  return Object.fromEntries(rows.map((r) => [r.expiryDate ?? 'none', r.quantity]));
}

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  app = (await payableApplications(core, [80_000]))[0]!;
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance);
  milk = (await core.ok('materials.addItem', { name: '牛奶', spec: '箱', unit: '箱', category: 'food' }, finance)).id;
  store2 = (await core.ok('materials.addLocation', { name: '二号仓库', kind: 'store' }, finance)).id;
  await core.ok(
    'materials.receiveDonation',
    {
      donorId,
      locationId: 1,
      date: '2026-11-01',
      lines: [
        { itemId: milk, quantity: 5, unitValueFen: 1_000, expiryDate: '2026-11-09' },
        { itemId: milk, quantity: 4, unitValueFen: 1_000, expiryDate: '2026-12-31' },
      ],
    },
    finance,
  );
});
afterAll(() => core.close());

describe('expired lots', () => {
  it('are never issued: an issue takes the unexpired lot and leaves the expired one', async () => {
    await core.ok('materials.issue', { applicationId: app, locationId: 1, lines: [{ itemId: milk, quantity: 2 }] }, staff);
    expect(await lotsAt(1)).toEqual({ '2026-11-09': 5, '2026-12-31': 2 });
  });

  it('refuse an issue or transfer the unexpired stock cannot cover, naming the expired quantity that must go to write-off', async () => {
    const issue = await core.call('materials.issue', { applicationId: app, locationId: 1, lines: [{ itemId: milk, quantity: 3 }] }, staff);
    expect(issue).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!issue.ok) expect(issue.error.message).toMatch(/未过期的只有 2 箱.*另有 5 箱已过期.*报损/);
    const transfer = await core.call('materials.transfer', { fromLocationId: 1, toLocationId: store2, lines: [{ itemId: milk, quantity: 3 }] }, staff);
    expect(transfer).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!transfer.ok) expect(transfer.error.message).toContain('另有 5 箱已过期');
    expect(await lotsAt(1)).toEqual({ '2026-11-09': 5, '2026-12-31': 2 });
  });

  it('are never transferred: a transfer moves only the unexpired lot', async () => {
    await core.ok('materials.transfer', { fromLocationId: 1, toLocationId: store2, lines: [{ itemId: milk, quantity: 1 }] }, staff);
    expect(await lotsAt(1)).toEqual({ '2026-11-09': 5, '2026-12-31': 1 });
    expect(await lotsAt(store2)).toEqual({ '2026-12-31': 1 });
  });

  it('still count in stock and in the expiry alerts until written off', async () => {
    expect((await core.ok('materials.items', {}, finance)).find((i) => i.id === milk)!.onHand).toBe(7);
    const alerts = await core.ok('materials.alerts', {}, finance);
    expect(alerts.nearExpiry.filter((a) => a.itemId === milk).map((a) => [a.expiryDate, a.quantity])).toEqual([['2026-11-09', 5]]);
  });

  it('go out by write-off, expired lots first', async () => {
    const w = await core.ok('materials.requestWriteOff', { locationId: 1, itemId: milk, quantity: 5, reason: '已过保质期' }, staff);
    await core.ok('materials.decide', { documentId: w.id, approve: true, comment: '同意' }, director);
    expect(await lotsAt(1)).toEqual({ '2026-12-31': 1 });
  });
});
