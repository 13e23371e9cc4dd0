import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let staff: string;
let rice: number;
let donorId: number;
const BAG = 10_000; // ¥100.00 a bag

const goodsOf = (applicationId: number) =>
  (
    core.app.db
      .prepare("SELECT coalesce(-sum(m.value_fen), 0) AS v FROM stock_movements m JOIN material_documents d ON d.id = m.document_id WHERE d.application_id = ? AND m.kind = 'issue'")
      .get(applicationId) as { v: number }
  ).v;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  staff = await core.tokenFor(['staff']);
  finance = await core.tokenFor(['finance']);
  donorId = await donor(core, finance);
  await core.ok('ledger.donate', { donorId, date: '2026-11-10', amountFen: 1_000_000, method: 'cash', fundId: 1 }, finance);
  rice = (await core.ok('materials.addItem', { name: '大米', spec: '10kg', unit: '袋', category: 'food' }, finance)).id;
  await core.ok('materials.receiveDonation', { donorId, locationId: 1, date: '2026-11-10', lines: [{ itemId: rice, quantity: 100, unitValueFen: BAG }] }, finance);
});
afterAll(() => core.close());

describe('goods issued against a relief approval count against the approved amount together with cash', () => {
  it('refuses 17 bags worth ¥1,700 against a ¥300 approval, naming what is left, and writes nothing', async () => {
    const [app] = await payableApplications(core, [30_000]);
    const r = await core.call('materials.issue', { applicationId: app!, locationId: 1, lines: [{ itemId: rice, quantity: 17 }] }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) {
      expect(r.error.message).toContain('¥1,700.00');
      expect(r.error.message).toContain('¥300.00');
      expect(r.error.message).toContain('新的救助申请');
    }
    expect(goodsOf(app!)).toBe(0);
  });

  it('pays in cash only what the goods left of the approval, records that amount and refuses goods beyond it', async () => {
    const [app] = await payableApplications(core, [30_000]);
    await core.ok('materials.issue', { applicationId: app!, locationId: 1, lines: [{ itemId: rice, quantity: 2 }] }, staff);
    const over = await core.call('materials.issue', { applicationId: app!, locationId: 1, lines: [{ itemId: rice, quantity: 2 }] }, staff);
    expect(over).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!over.ok) expect(over.error.message).toContain('还可发放 ¥100.00');

    const row = (await core.ok('ledger.toPay', {}, finance)).find((t) => t.applicationId === app)!;
    expect(row).toMatchObject({ approvedFen: 30_000, goodsFen: 20_000, amountFen: 10_000 });

    const paid = await core.ok('ledger.payRelief', { applicationId: app!, fundId: 1, method: 'cash' }, finance);
    expect(paid.amountFen).toBe(10_000);
    expect(core.app.db.prepare('SELECT amount_fen FROM relief_payments WHERE id = ?').get(paid.id)).toEqual({ amount_fen: 10_000 });
    const lines = core.app.db.prepare('SELECT debit_fen, credit_fen FROM journal_lines WHERE entry_id = ? ORDER BY id').all(paid.entryId);
    expect(lines).toEqual([{ debit_fen: 10_000, credit_fen: 0 }, { debit_fen: 0, credit_fen: 10_000 }]);
    expect((await core.ok('ledger.toPay', {}, finance)).some((t) => t.applicationId === app)).toBe(false);

    // Goods plus cash have reached the approval: not one more bag.
    const more = await core.call('materials.issue', { applicationId: app!, locationId: 1, lines: [{ itemId: rice, quantity: 1 }] }, staff);
    expect(more).toMatchObject({ ok: false, error: { code: 'RULE' } });

    // A reversed payment no longer counts: the bag may go, and then nothing is left to pay.
    await core.ok('ledger.reverse', { entryId: paid.entryId, reason: '改发实物' }, finance);
    await core.ok('materials.issue', { applicationId: app!, locationId: 1, lines: [{ itemId: rice, quantity: 1 }] }, staff);
    expect(goodsOf(app!)).toBe(30_000);
    const nothing = await core.call('ledger.payRelief', { applicationId: app!, fundId: 1, method: 'cash' }, finance);
    expect(nothing).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!nothing.ok) expect(nothing.error.message).toContain('已全部以物资发放');
    expect((await core.ok('ledger.toPay', {}, finance)).some((t) => t.applicationId === app)).toBe(false);
  });

  it('shows an approval with no goods issued at its full amount', async () => {
    const [app] = await payableApplications(core, [45_000]);
    const row = (await core.ok('ledger.toPay', {}, finance)).find((t) => t.applicationId === app)!;
    expect(row).toMatchObject({ approvedFen: 45_000, goodsFen: 0, amountFen: 45_000 });
  });
});
