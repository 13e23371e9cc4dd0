// The stock list and the document list: one filter and order for the page and its workbook.
import type { DocumentSort, DocumentsQuery, MaterialDocument, StockQuery, StockRow } from '../../../shared/contract/materials';
import type { ItemCategory, LocationKind } from '../../../shared/materials';
import { stockFilter, type StockFilter } from '../../../shared/stockFilter';
import { stockAlerts } from './ledger';
import type { Db } from '../../db/open';
import { loadDocument } from './documents';

/** Stock on hand by item, location and expiry, the way the 库存 page lists it. */
export function stockRows(db: Db, q: StockQuery): StockRow[] {
  return (
    db
      .prepare(
        `SELECT m.item_id, i.name AS item_name, i.unit, m.location_id, l.name AS location_name, l.kind, m.expiry_date, sum(m.quantity) AS qty, sum(m.value_fen) AS value
         FROM stock_movements m JOIN items i ON i.id = m.item_id JOIN locations l ON l.id = m.location_id
         WHERE (@location IS NULL OR m.location_id = @location) AND (@item IS NULL OR m.item_id = @item)
         GROUP BY m.item_id, m.location_id, m.expiry_date HAVING qty > 0 ORDER BY i.name, l.id, m.expiry_date`,
      )
      .all({ location: q.locationId ?? null, item: q.itemId ?? null }) as { item_id: number; item_name: string; unit: string; location_id: number; location_name: string; kind: LocationKind; expiry_date: string | null; qty: number; value: number }[]
  ).map((r) => ({ itemId: r.item_id, itemName: r.item_name, unit: r.unit, locationId: r.location_id, locationName: r.location_name, locationKind: r.kind, expiryDate: r.expiry_date, quantity: r.qty, valueFen: r.value }));
}

/** The 库存 page's rows under all its filters: the server's (location, item) and the page's own. */
export function filteredStock(db: Db, q: StockQuery & StockFilter, today: string, warnDays: number): StockRow[] {
  const items = new Map((db.prepare('SELECT id, spec, category FROM items').all() as { id: number; spec: string; category: ItemCategory }[]).map((i) => [i.id, i]));
  return stockRows(db, q).filter(stockFilter(q, items, stockAlerts(db, today, warnDays), today));
}

// Unnumbered documents (transfers, pending ones) sort after numbered ones going up.
const ORDER: Record<DocumentSort, string> = { date: 'date', number: "coalesce(number, '')", status: "CASE status WHEN 'pending' THEN 0 WHEN 'done' THEN 1 ELSE 2 END" };

function documentsWhere(q: DocumentsQuery): { clause: string; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  // Whole-day strings compare in calendar order, so a month is the range of its days.
  if (q.month) (where.push('date >= @monthFrom AND date <= @monthTo'), (params.monthFrom = `${q.month}-01`), (params.monthTo = `${q.month}-31`));
  if (q.from) (where.push('date >= @from'), (params.from = q.from));
  if (q.to) (where.push('date <= @to'), (params.to = q.to));
  if (q.status) (where.push('status = @status'), (params.status = q.status));
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function countDocuments(db: Db, q: DocumentsQuery): number {
  const w = documentsWhere(q);
  return (db.prepare(`SELECT count(*) AS n FROM material_documents ${w.clause}`).get(w.params) as { n: number }).n;
}

/** The documents of the filter in its order: the first `limit` of them, or all. */
export function listDocuments(db: Db, q: DocumentsQuery, limit?: number): MaterialDocument[] {
  const w = documentsWhere(q);
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const ids = db.prepare(`SELECT id FROM material_documents ${w.clause} ORDER BY ${ORDER[q.sort]} ${dir}, id ${dir} ${limit ? `LIMIT ${Math.trunc(limit)}` : ''}`).all(w.params) as { id: number }[];
  return ids.map((r) => loadDocument(db, r.id));
}
