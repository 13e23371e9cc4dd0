import { DOCUMENTS_LIST_LIMIT, type Item, type materialChannels } from '../../../shared/contract/materials';
import { addDays, localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { warmJobs } from '../../jobs/pool';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { accountFor, getFund, postEntry } from '../ledger/books';
import { assertPostable } from '../ledger/periods';
import { issueReceipt } from '../ledger/receipts';
import { getReliefRow } from '../relief/store';
import { createDocument, getDocumentRow, getLocation, type LocationRow, loadDocument, toLocation } from './documents';
import { stockAlerts, stockLedger } from './ledger';
import { countDocuments, listDocuments, stockRows } from './lists';
import { exportList } from '../listExport';
import { printMaterialReceipt } from './print';
import { cashPaidFen, goodsIssuedFen } from './reliefGoods';
import { addIn, getItem, itemLabel, lots, onHand, takeOut } from './stock';
import { offThreadFile } from '../offThreadFile';

/** Stock movements are postings too: a closed month accepts none. */
function assertOpen(ctx: HandlerContext, date: string): void {
  if (date > localDate(ctx.now)) fail('VALIDATION', '日期不能晚于今天');
  assertPostable(ctx.db, date, '物资收发');
}

type LineIn = { itemId: number; quantity: number; unitValueFen: number; expiryDate: string | null };

function receiveLines(ctx: HandlerContext, documentId: number, date: string, kind: 'donation_in' | 'purchase_in', locationId: number, lines: LineIn[]): number {
  let total = 0;
  for (const l of lines) {
    const item = getItem(ctx.db, l.itemId);
    const expiry = l.expiryDate ?? (item.shelf_life_days ? addDays(date, item.shelf_life_days) : null);
    const value = l.quantity * l.unitValueFen;
    addIn(ctx.db, { documentId, date }, kind, item.id, locationId, l.quantity, value, expiry);
    total += value;
  }
  return total;
}

const centreOf = (ctx: HandlerContext) => ({ ...ctx.settings, printedAt: ctx.now });

export const materialHandlers: HandlerMap<keyof typeof materialChannels> = {
  'materials.items': ({ db }) =>
    (
      db
        .prepare('SELECT i.*, coalesce((SELECT sum(quantity) FROM stock_movements m WHERE m.item_id = i.id), 0) AS on_hand FROM items i ORDER BY i.name')
        .all() as (ReturnType<typeof getItem> & { on_hand: number })[]
    ).map((i): Item => ({ id: i.id, name: i.name, spec: i.spec, unit: i.unit, category: i.category as Item['category'], shelfLifeDays: i.shelf_life_days, lowStock: i.low_stock, onHand: i.on_hand })),
  'materials.addItem': (ctx, i) => {
    if (ctx.db.prepare('SELECT 1 FROM items WHERE name = ? AND spec = ?').get(i.name, i.spec)) fail('CONFLICT', `物资“${i.name}${i.spec ? `（${i.spec}）` : ''}”已在目录中`);
    const id = Number(ctx.db.prepare('INSERT INTO items (name, spec, unit, category, shelf_life_days, low_stock) VALUES (?, ?, ?, ?, ?, ?)').run(i.name, i.spec, i.unit, i.category, i.shelfLifeDays, i.lowStock).lastInsertRowid);
    ctx.audit({ summary: `新增物资品种 ${i.name} ${i.spec}（${i.unit}）`, entityType: 'item', entityId: id });
    return { id, ...i, onHand: 0 };
  },
  'materials.locations': ({ db }) => (db.prepare('SELECT * FROM locations ORDER BY id').all() as LocationRow[]).map(toLocation),
  'materials.addLocation': (ctx, l) => {
    if (ctx.db.prepare('SELECT 1 FROM locations WHERE name = ?').get(l.name)) fail('CONFLICT', `存放地点“${l.name}”已存在`);
    if (l.donorId !== null && !ctx.db.prepare('SELECT 1 FROM donors WHERE id = ?').get(l.donorId)) fail('NOT_FOUND', `找不到编号为 ${l.donorId} 的捐赠人`);
    const id = Number(ctx.db.prepare('INSERT INTO locations (name, kind, donor_id, address, contact, phone) VALUES (?, ?, ?, ?, ?, ?)').run(l.name, l.kind, l.kind === 'donor' ? l.donorId : null, l.address, l.contact, l.phone).lastInsertRowid);
    ctx.audit({ summary: `新增存放地点 ${l.name}${l.kind === 'donor' ? `（捐赠方代管：${l.address}）` : ''}`, entityType: 'location', entityId: id });
    return toLocation(getLocation(ctx.db, id));
  },
  'materials.stock': ({ db }, q) => stockRows(db, q),
  // One row per item, location and expiry date: never near the export limit, so not counted first.
  'materials.stockXlsx': (ctx, { jobId, ...query }) => exportList(ctx, jobId, 'stockXlsx', 0, { query, today: localDate(ctx.now), warnDays: ctx.settings.materialExpiryWarnDays }, '库存'),

  'materials.receiveDonation': (ctx, d) => {
    assertOpen(ctx, d.date);
    const donor = ctx.db.prepare('SELECT name FROM donors WHERE id = ?').get(d.donorId) as { name: string } | undefined;
    if (!donor) return fail('NOT_FOUND', `找不到编号为 ${d.donorId} 的捐赠人`);
    const location = getLocation(ctx.db, d.locationId);
    const docId = createDocument(ctx, { kind: 'donation', date: d.date, status: 'done', locationId: location.id, donorId: d.donorId, note: d.note, numbered: false });
    const total = receiveLines(ctx, docId, d.date, 'donation_in', location.id, d.lines);
    const receipt = issueReceipt(ctx, 'material_donation', { type: 'material_document', id: docId });
    ctx.db.prepare('UPDATE material_documents SET receipt_id = ? WHERE id = ?').run(receipt.id, docId);
    const doc = loadDocument(ctx.db, docId);
    ctx.audit({ summary: `物资捐赠入库 ${receipt.number}：${donor.name}，${doc.summary}，估价 ${formatYuan(total)}，存放于${location.name}`, entityType: 'material_document', entityId: docId });
    return doc;
  },
  'materials.purchase': (ctx, p) => {
    assertOpen(ctx, p.date);
    const location = getLocation(ctx.db, p.locationId);
    const fund = getFund(ctx.db, p.fundId);
    const docId = createDocument(ctx, { kind: 'purchase', date: p.date, status: 'done', locationId: location.id, note: p.note, numbered: true });
    const total = receiveLines(ctx, docId, p.date, 'purchase_in', location.id, p.lines);
    const expense = accountFor(ctx.db, 'material_purchase');
    const money = ctx.db.prepare('SELECT id FROM postable_accounts WHERE kind = ? AND active = 1 ORDER BY code LIMIT 1').get(p.method) as { id: number };
    const entryId = postEntry(ctx, {
      date: p.date,
      memo: `采购物资入库（${loadDocument(ctx.db, docId).summary}）`,
      kind: 'purchase',
      lines: [
        { accountId: expense.id, fundId: fund.id, debitFen: total, creditFen: 0 },
        { accountId: money.id, fundId: fund.id, debitFen: 0, creditFen: total },
      ],
    });
    ctx.db.prepare('UPDATE material_documents SET entry_id = ? WHERE id = ?').run(entryId, docId);
    const doc = loadDocument(ctx.db, docId);
    ctx.audit({ summary: `采购入库 ${doc.number}：${doc.summary}，${formatYuan(total)}，${fund.name}支付`, entityType: 'material_document', entityId: docId });
    return doc;
  },
  'materials.issue': (ctx, i) => {
    const date = localDate(ctx.now);
    assertOpen(ctx, date);
    const app = getReliefRow(ctx.db, i.applicationId);
    if (app.status !== 'payable') fail('RULE', `${app.number} 尚未批准发放，不能领取物资`);
    const location = getLocation(ctx.db, i.locationId);
    const docId = createDocument(ctx, { kind: 'issue', date, status: 'done', locationId: location.id, applicationId: app.id, note: i.note, numbered: false });
    const goodsBefore = goodsIssuedFen(ctx.db, app.id);
    for (const l of i.lines) takeOut(ctx.db, { documentId: docId, date }, 'issue', l.itemId, location.id, l.quantity);
    // Goods count against the approval together with unreversed cash paid on it.
    const value = goodsIssuedFen(ctx.db, app.id) - goodsBefore;
    const paid = cashPaidFen(ctx.db, app.id);
    if (goodsBefore + paid + value > app.amount_fen) {
      const left = Math.max(0, app.amount_fen - goodsBefore - paid);
      fail(
        'RULE',
        `本次物资估价 ${formatYuan(value)}，超出 ${app.number} 批准金额 ${formatYuan(app.amount_fen)} 的剩余额度（已发物资 ${formatYuan(goodsBefore)}，已发现金 ${formatYuan(paid)}，还可发放 ${formatYuan(left)}）。请减少数量；超出部分须提出新的救助申请，经审批后发放。`,
      );
    }
    const slip = issueReceipt(ctx, 'material_issue', { type: 'material_document', id: docId });
    ctx.db.prepare('UPDATE material_documents SET receipt_id = ? WHERE id = ?').run(slip.id, docId);
    const doc = loadDocument(ctx.db, docId);
    ctx.audit({ summary: `物资发放 ${slip.number}：${app.name}（${app.number}），${doc.summary}，自${location.name}`, entityType: 'material_document', entityId: docId });
    return doc;
  },
  'materials.transfer': (ctx, t) => {
    if (t.fromLocationId === t.toLocationId) fail('VALIDATION', '调出和调入地点不能相同');
    const date = localDate(ctx.now);
    assertOpen(ctx, date);
    const from = getLocation(ctx.db, t.fromLocationId);
    const to = getLocation(ctx.db, t.toLocationId);
    const docId = createDocument(ctx, { kind: 'transfer', date, status: 'done', locationId: from.id, toLocationId: to.id, note: t.note, numbered: true });
    for (const l of t.lines) {
      for (const taken of takeOut(ctx.db, { documentId: docId, date }, 'transfer_out', l.itemId, from.id, l.quantity)) {
        addIn(ctx.db, { documentId: docId, date }, 'transfer_in', l.itemId, to.id, taken.qty, taken.valueFen, taken.lot.expiry_date);
      }
    }
    const doc = loadDocument(ctx.db, docId);
    ctx.audit({ summary: `物资调拨 ${doc.number}：${from.name} → ${to.name}，${doc.summary}`, entityType: 'material_document', entityId: docId });
    return doc;
  },
  'materials.requestWriteOff': (ctx, w) => {
    const location = getLocation(ctx.db, w.locationId);
    const item = getItem(ctx.db, w.itemId);
    const book = onHand(ctx.db, item.id, location.id);
    if (book < w.quantity) fail('RULE', `库存不足：${itemLabel(item)}在“${location.name}”现有 ${book} ${item.unit}，不能报损 ${w.quantity} ${item.unit}。`);
    const docId = createDocument(ctx, { kind: 'write_off', date: localDate(ctx.now), status: 'pending', locationId: location.id, note: w.reason, numbered: true });
    ctx.db.prepare('INSERT INTO material_pending_lines (document_id, item_id, book_qty, delta) VALUES (?, ?, ?, ?)').run(docId, item.id, book, -w.quantity);
    ctx.audit({ summary: `申请报损：${location.name} ${itemLabel(item)} ${w.quantity}${item.unit}。原因：${w.reason}`, entityType: 'material_document', entityId: docId });
    return loadDocument(ctx.db, docId);
  },
  'materials.startStocktake': (ctx, s) => {
    const location = getLocation(ctx.db, s.locationId);
    const seen = new Set<number>();
    for (const c of s.counts) {
      if (seen.has(c.itemId)) fail('VALIDATION', `盘点清单中“${itemLabel(getItem(ctx.db, c.itemId))}”填了不止一行，请合并为一行后再登记。`);
      seen.add(c.itemId);
    }
    const docId = createDocument(ctx, { kind: 'stocktake', date: localDate(ctx.now), status: 'pending', locationId: location.id, note: s.note, numbered: true });
    const diffs: string[] = [];
    for (const c of s.counts) {
      const item = getItem(ctx.db, c.itemId);
      const book = onHand(ctx.db, item.id, location.id);
      ctx.db.prepare('INSERT INTO material_pending_lines (document_id, item_id, book_qty, delta) VALUES (?, ?, ?, ?)').run(docId, item.id, book, c.counted - book);
      if (c.counted !== book) diffs.push(`${itemLabel(item)} 账面 ${book} 实盘 ${c.counted}`);
    }
    ctx.audit({ summary: `登记盘点（${location.name}）：${diffs.join('；') || '账实相符'}`, entityType: 'material_document', entityId: docId });
    return loadDocument(ctx.db, docId);
  },
  'materials.decide': (ctx, { documentId, approve, comment }) => {
    const d = getDocumentRow(ctx.db, documentId);
    if (d.status !== 'pending') fail('CONFLICT', '该单据不在待审批状态');
    if (d.created_by === ctx.user!.id) fail('RULE', `不能审批自己提出的报损/盘点（${d.number}），须由另一位主任审批。`);
    const date = localDate(ctx.now);
    if (approve) {
      assertOpen(ctx, date);
      const lines = ctx.db.prepare('SELECT item_id, delta FROM material_pending_lines WHERE document_id = ?').all(documentId) as { item_id: number; delta: number }[];
      for (const l of lines) {
        if (l.delta < 0) takeOut(ctx.db, { documentId, date }, d.kind === 'write_off' ? 'write_off' : 'stocktake', l.item_id, d.location_id, -l.delta);
        if (l.delta > 0) {
          // Found goods are valued at the lot average where the item is kept, else at zero.
          const existing = lots(ctx.db, l.item_id, d.location_id);
          const q = existing.reduce((s, x) => s + x.qty, 0);
          const v = existing.reduce((s, x) => s + x.value, 0);
          addIn(ctx.db, { documentId, date }, 'stocktake', l.item_id, d.location_id, l.delta, q > 0 ? Math.floor((v * l.delta) / q) : 0, existing[0]?.expiry_date ?? null);
        }
      }
    }
    ctx.db.prepare('UPDATE material_documents SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ? WHERE id = ?').run(approve ? 'done' : 'rejected', ctx.user!.id, ctx.now.toISOString(), comment, documentId);
    const doc = loadDocument(ctx.db, documentId);
    ctx.audit({ summary: `${d.kind === 'write_off' ? '报损' : '盘点调整'} ${doc.number}：主任${approve ? '同意' : '不同意'}。${comment}`, entityType: 'material_document', entityId: documentId });
    return doc;
  },
  'materials.documents': ({ db }, q) => listDocuments(db, q, DOCUMENTS_LIST_LIMIT),
  'materials.documentsXlsx': (ctx, { jobId, ...query }) => exportList(ctx, jobId, 'documentsXlsx', countDocuments(ctx.db, query), { query }, '物资单据'),
  'materials.alerts': (ctx) => stockAlerts(ctx.db, localDate(ctx.now), ctx.settings.materialExpiryWarnDays),
  'materials.ledger': ({ db }, { month }) => {
    warmJobs(); // this page's print and export run on the jobs worker: have it loaded by then
    return stockLedger(db, month);
  },
  'materials.printDocument': (ctx, { documentId }) => {
    const d = getDocumentRow(ctx.db, documentId);
    if (!d.receipt_id) return fail('RULE', '只有物资捐赠收据和物资领取单可以打印');
    return printMaterialReceipt(ctx, d.receipt_id);
  },
  // Every item at every location: read, laid out and written on the jobs worker (electron/jobs/exports.ts).
  'materials.ledgerPdf': (ctx, { month, jobId }) => {
    const args = { month, centre: centreOf(ctx), preparedBy: ctx.user!.displayName };
    return offThreadFile(ctx, jobId, `物资收发存月报-${month}.pdf`, 'stockLedgerPdf', args);
  },
  'materials.ledgerXlsx': (ctx, { month, jobId }) => {
    const args = { month, centreName: ctx.settings.centreName };
    return offThreadFile(ctx, jobId, `物资收发存月报-${month}.xlsx`, 'stockLedgerXlsx', args);
  },
};
