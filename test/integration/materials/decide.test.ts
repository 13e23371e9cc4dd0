import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor } from '../../fixtures/ledger';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
let director: string;
let otherDirector: string;
let rice: number;
let oil: number;

const stockOf = async (itemId: number) => (await core.ok('materials.items', {}, finance)).find((i) => i.id === itemId)!.onHand;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-10') });
  director = await core.tokenFor(['director']);
  otherDirector = await core.tokenFor(['director', 'staff']);
  finance = await core.tokenFor(['finance']);
  const donorId = await donor(core, finance);
  rice = (await core.ok('materials.addItem', { name: '大米', unit: '袋', category: 'food' }, finance)).id;
  oil = (await core.ok('materials.addItem', { name: '食用油', unit: '桶', category: 'food' }, finance)).id;
  await core.ok('materials.receiveDonation', { donorId, locationId: 1, date: '2026-11-10', lines: [{ itemId: rice, quantity: 20, unitValueFen: 5_000 }, { itemId: oil, quantity: 10, unitValueFen: 6_000 }] }, finance);
});
afterAll(() => core.close());

describe('requester and approver of write-offs and stocktakes', () => {
  it('a director cannot approve or reject a write-off he requested himself; another director can', async () => {
    const w = await core.ok('materials.requestWriteOff', { locationId: 1, itemId: rice, quantity: 2, reason: '包装破损' }, director);
    for (const approve of [true, false]) {
      const r = await core.call('materials.decide', { documentId: w.id, approve, comment: '' }, director);
      expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
      if (!r.ok) expect(r.error.message).toContain('不能审批自己提出的报损/盘点');
    }
    expect(await stockOf(rice)).toBe(20);
    expect((await core.ok('materials.decide', { documentId: w.id, approve: true, comment: '同意' }, otherDirector)).status).toBe('done');
    expect(await stockOf(rice)).toBe(18);
  });

  it('a director cannot approve a stocktake he registered himself', async () => {
    const s = await core.ok('materials.startStocktake', { locationId: 1, counts: [{ itemId: oil, counted: 9 }] }, director);
    const r = await core.call('materials.decide', { documentId: s.id, approve: true, comment: '' }, director);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (!r.ok) expect(r.error.message).toContain('不能审批自己提出的报损/盘点');
    await core.ok('materials.decide', { documentId: s.id, approve: true, comment: '' }, otherDirector);
    expect(await stockOf(oil)).toBe(9);
  });
});

describe('stocktake lines', () => {
  it('refuses the same item twice in one stocktake, so an approval cannot apply one difference twice', async () => {
    const r = await core.call('materials.startStocktake', { locationId: 1, counts: [{ itemId: rice, counted: 10 }, { itemId: oil, counted: 9 }, { itemId: rice, counted: 10 }] }, finance);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toContain('大米');
    expect((core.app.db.prepare("SELECT count(*) AS n FROM material_documents WHERE kind = 'stocktake' AND status = 'pending'").get() as { n: number }).n).toBe(0);
  });

  it('reads a document\'s pending lines by index, so loading and deciding cost grows with its own lines, not every stocktake ever made', () => {
    const plan = core.app.db.prepare('EXPLAIN QUERY PLAN SELECT item_id, delta FROM material_pending_lines WHERE document_id = ?').all(1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/);
  });

  it('approves a stocktake of many lines, each adjusted once', async () => {
    const items: number[] = [];
    for (let i = 0; i < 60; i++) items.push((await core.ok('materials.addItem', { name: `盘点物资${i}`, unit: '件', category: 'daily' }, finance)).id);
    const donorId = (core.app.db.prepare('SELECT id FROM donors LIMIT 1').get() as { id: number }).id;
    await core.ok('materials.receiveDonation', { donorId, locationId: 1, date: '2026-11-10', lines: items.map((itemId) => ({ itemId, quantity: 5, unitValueFen: 100 })) }, finance);
    const s = await core.ok('materials.startStocktake', { locationId: 1, counts: items.map((itemId, i) => ({ itemId, counted: i % 2 ? 4 : 6 })) }, finance);
    const done = await core.ok('materials.decide', { documentId: s.id, approve: true, comment: '' }, director);
    expect(done.movements).toHaveLength(60);
    const stock = await core.ok('materials.items', {}, finance);
    expect(items.map((id) => stock.find((x) => x.id === id)!.onHand)).toEqual(items.map((_, i) => (i % 2 ? 4 : 6)));
  });
});
