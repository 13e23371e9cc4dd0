import type { StockAlerts, StockLedger } from '../../../shared/contract/materials';
import { addDays } from '../../../shared/dates';
import { previousMonth } from '../../../shared/months';
import type { Db } from '../../db/open';
import { stockThrough } from '../ledger/periods';
import { itemLabel } from './stock';

/** 物资收发存: per item and location, opening, in, out and closing in quantity and estimated value. */
export function stockLedger(db: Db, month: string): StockLedger {
  type Row = { itemId: number; locationId: number; openQ: number; openV: number; inQ: number; inV: number; outQ: number; outV: number };
  const rows = new Map<string, Row>();
  const row = (itemId: number, locationId: number): Row => {
    const key = `${itemId}:${locationId}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { itemId, locationId, openQ: 0, openV: 0, inQ: 0, inV: 0, outQ: 0, outV: 0 }));
    return r;
  };
  // Opening from the last close (or all movements before the month); the month's own movements for in and out.
  for (const lot of stockThrough(db, previousMonth(month))) {
    const r = row(lot.itemId, lot.locationId);
    r.openQ += lot.quantity;
    r.openV += lot.valueFen;
  }
  const moves = db
    .prepare(
      `SELECT item_id, location_id,
         coalesce(sum(CASE WHEN quantity > 0 THEN quantity END), 0) AS in_q, coalesce(sum(CASE WHEN quantity > 0 THEN value_fen END), 0) AS in_v,
         coalesce(sum(CASE WHEN quantity < 0 THEN -quantity END), 0) AS out_q, coalesce(sum(CASE WHEN quantity < 0 THEN -value_fen END), 0) AS out_v
       FROM stock_movements WHERE month = ? GROUP BY item_id, location_id`,
    )
    .all(month) as { item_id: number; location_id: number; in_q: number; in_v: number; out_q: number; out_v: number }[];
  for (const m of moves) Object.assign(row(m.item_id, m.location_id), { inQ: m.in_q, inV: m.in_v, outQ: m.out_q, outV: m.out_v });
  const items = new Map((db.prepare('SELECT id, name, spec, unit FROM items').all() as { id: number; name: string; spec: string; unit: string }[]).map((i) => [i.id, i]));
  const locations = new Map((db.prepare('SELECT id, name FROM locations').all() as { id: number; name: string }[]).map((l) => [l.id, l.name]));
  return {
    month,
    rows: [...rows.values()]
      .filter((r) => r.openQ !== 0 || r.inQ !== 0 || r.outQ !== 0)
      .map((r) => ({
        itemId: r.itemId,
        itemName: itemLabel(items.get(r.itemId)!),
        unit: items.get(r.itemId)!.unit,
        locationId: r.locationId,
        locationName: locations.get(r.locationId)!,
        openingQty: r.openQ,
        inQty: r.inQ,
        outQty: r.outQ,
        closingQty: r.openQ + r.inQ - r.outQ,
        openingFen: r.openV,
        inFen: r.inV,
        outFen: r.outV,
        closingFen: r.openV + r.inV - r.outV,
      }))
      .sort((a, b) => (a.itemName < b.itemName ? -1 : a.itemName > b.itemName ? 1 : a.locationId - b.locationId)),
  };
}

export function stockAlerts(db: Db, today: string, warnDays: number): StockAlerts {
  const lowStock = (
    db
      .prepare(
        `SELECT i.id, i.name, i.unit, i.low_stock, coalesce((SELECT sum(quantity) FROM stock_movements m WHERE m.item_id = i.id), 0) AS on_hand
         FROM items i WHERE i.low_stock > 0 AND on_hand < i.low_stock ORDER BY i.name`,
      )
      .all() as { id: number; name: string; unit: string; low_stock: number; on_hand: number }[]
  ).map((r) => ({ itemId: r.id, itemName: r.name, unit: r.unit, onHand: r.on_hand, lowStock: r.low_stock }));
  const nearExpiry = (
    db
      .prepare(
        `SELECT m.item_id, i.name, i.unit, l.name AS location_name, m.expiry_date, sum(m.quantity) AS qty
         FROM stock_movements m JOIN items i ON i.id = m.item_id JOIN locations l ON l.id = m.location_id
         WHERE m.expiry_date IS NOT NULL AND m.expiry_date <= ? GROUP BY m.item_id, m.location_id, m.expiry_date HAVING qty > 0 ORDER BY m.expiry_date`,
      )
      .all(addDays(today, warnDays)) as { item_id: number; name: string; unit: string; location_name: string; expiry_date: string; qty: number }[]
  ).map((r) => ({ itemId: r.item_id, itemName: r.name, unit: r.unit, locationName: r.location_name, expiryDate: r.expiry_date, quantity: r.qty }));
  return { lowStock, nearExpiry };
}
