import type { StockAlerts, StockLedger } from '../../../shared/contract/materials';
import { addDays } from '../../../shared/dates';
import type { Db } from '../../db/open';

/** 物资收发存: per item and location, opening, in, out and closing in quantity and estimated value. */
export function stockLedger(db: Db, month: string): StockLedger {
  const rows = db
    .prepare(
      `SELECT m.item_id, i.name AS item_name, i.unit, m.location_id, l.name AS location_name,
         coalesce(sum(CASE WHEN m.month < @month THEN m.quantity END), 0) AS open_q,
         coalesce(sum(CASE WHEN m.month = @month AND m.quantity > 0 THEN m.quantity END), 0) AS in_q,
         coalesce(sum(CASE WHEN m.month = @month AND m.quantity < 0 THEN -m.quantity END), 0) AS out_q,
         coalesce(sum(CASE WHEN m.month < @month THEN m.value_fen END), 0) AS open_v,
         coalesce(sum(CASE WHEN m.month = @month AND m.quantity > 0 THEN m.value_fen END), 0) AS in_v,
         coalesce(sum(CASE WHEN m.month = @month AND m.quantity < 0 THEN -m.value_fen END), 0) AS out_v
       FROM stock_movements m JOIN items i ON i.id = m.item_id JOIN locations l ON l.id = m.location_id
       WHERE m.month <= @month GROUP BY m.item_id, m.location_id ORDER BY i.name, l.id`,
    )
    .all({ month }) as { item_id: number; item_name: string; unit: string; location_id: number; location_name: string; open_q: number; in_q: number; out_q: number; open_v: number; in_v: number; out_v: number }[];
  return {
    month,
    rows: rows
      .filter((r) => r.open_q !== 0 || r.in_q !== 0 || r.out_q !== 0)
      .map((r) => ({
        itemId: r.item_id,
        itemName: r.item_name,
        unit: r.unit,
        locationId: r.location_id,
        locationName: r.location_name,
        openingQty: r.open_q,
        inQty: r.in_q,
        outQty: r.out_q,
        closingQty: r.open_q + r.in_q - r.out_q,
        openingFen: r.open_v,
        inFen: r.in_v,
        outFen: r.out_v,
        closingFen: r.open_v + r.in_v - r.out_v,
      })),
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
