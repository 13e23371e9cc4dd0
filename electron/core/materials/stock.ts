import { fail } from '../../../shared/errors';
import type { MovementKind } from '../../../shared/materials';
import type { Db } from '../../db/open';

export interface Lot {
  expiry_date: string | null;
  qty: number;
  value: number;
}

export interface ItemRow {
  id: number;
  name: string;
  spec: string;
  unit: string;
  category: string;
  shelf_life_days: number | null;
  low_stock: number;
}

export const getItem = (db: Db, id: number): ItemRow =>
  (db.prepare('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的物资品种`);

/** The item as printed and listed: 大米（10kg/袋） — the name alone would not tell two sizes apart. */
export const itemLabel = (i: Pick<ItemRow, 'name' | 'spec'>) => (i.spec ? `${i.name}（${i.spec}）` : i.name);

/** Lots of an item at a location with stock left, earliest expiry first (undated last). */
export function lots(db: Db, itemId: number, locationId: number): Lot[] {
  return db
    .prepare(
      `SELECT expiry_date, sum(quantity) AS qty, sum(value_fen) AS value FROM stock_movements
       WHERE item_id = ? AND location_id = ? GROUP BY expiry_date HAVING qty > 0
       ORDER BY expiry_date IS NULL, expiry_date`,
    )
    .all(itemId, locationId) as Lot[];
}

export function onHand(db: Db, itemId: number, locationId: number): number {
  return lots(db, itemId, locationId).reduce((s, l) => s + l.qty, 0);
}

export interface MovementContext {
  documentId: number;
  date: string;
}

export function addIn(db: Db, m: MovementContext, kind: MovementKind, itemId: number, locationId: number, qty: number, valueFen: number, expiry: string | null): void {
  db.prepare('INSERT INTO stock_movements (document_id, date, month, kind, item_id, location_id, expiry_date, quantity, value_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    m.documentId,
    m.date,
    m.date.slice(0, 7),
    kind,
    itemId,
    locationId,
    expiry,
    qty,
    valueFen,
  );
}

/** Goods that go on to someone or somewhere else; expired lots never do, they leave by write-off. */
const HANDS_ON: readonly MovementKind[] = ['issue', 'transfer_out'];

/**
 * Takes `qty` out of a location, earliest expiry first, each lot at its average estimated value;
 * the last unit of a lot takes its remaining value, so quantities and values reach zero together.
 * An issue or transfer skips lots expired before the movement's date; a write-off or stocktake
 * takes them first. Refuses (rolling back the caller's transaction) when the usable stock is short.
 */
export function takeOut(db: Db, m: MovementContext, kind: MovementKind, itemId: number, locationId: number, qty: number): { lot: Lot; qty: number; valueFen: number }[] {
  const all = lots(db, itemId, locationId);
  const isExpired = (l: Lot) => l.expiry_date !== null && l.expiry_date < m.date;
  const available = HANDS_ON.includes(kind) ? all.filter((l) => !isExpired(l)) : all;
  const total = available.reduce((s, l) => s + l.qty, 0);
  if (total < qty) {
    const item = getItem(db, itemId);
    const where = (db.prepare('SELECT name FROM locations WHERE id = ?').get(locationId) as { name: string } | undefined)?.name ?? '';
    const expired = all.filter(isExpired).reduce((s, l) => s + l.qty, 0);
    if (HANDS_ON.includes(kind) && expired > 0) {
      fail('RULE', `库存不足：${itemLabel(item)}在“${where}”未过期的只有 ${total} ${item.unit}，本次需要 ${qty} ${item.unit}；另有 ${expired} ${item.unit}已过期，不能发放或调拨，请申请报损。`);
    }
    fail('RULE', `库存不足：${itemLabel(item)}在“${where}”现有 ${total} ${item.unit}，本次需要 ${qty} ${item.unit}。`);
  }
  const taken: { lot: Lot; qty: number; valueFen: number }[] = [];
  let left = qty;
  for (const lot of available) {
    if (left === 0) break;
    const q = Math.min(left, lot.qty);
    const value = q === lot.qty ? lot.value : Math.floor((lot.value * q) / lot.qty);
    addIn(db, m, kind, itemId, locationId, -q, -value, lot.expiry_date);
    taken.push({ lot, qty: q, valueFen: value });
    left -= q;
  }
  return taken;
}
