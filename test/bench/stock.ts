// A big 物资收发存月报 for the jobs test and bench: `items` goods each bought into `locations` places in
// one month, written straight to the tables (one purchase document), so the ledger has items × locations rows.
import type { TestCore } from '../fixtures/core';

export const STOCK_MONTH = '2026-11';

export function loadStock(core: TestCore, items: number, locations: number, month = STOCK_MONTH): void {
  const db = core.app.db;
  const date = `${month}-15`;
  db.transaction(() => {
    // Items and places are shared by the months loaded: made once, found again.
    const newItem = db.prepare("INSERT OR IGNORE INTO items (name, spec, unit, category) VALUES (?, ?, '件', 'daily')");
    const itemId = (name: string, spec: string) => (newItem.run(name, spec), (db.prepare('SELECT id FROM items WHERE name = ? AND spec = ?').get(name, spec) as { id: number }).id);
    const newPlace = db.prepare("INSERT OR IGNORE INTO locations (name, kind) VALUES (?, 'store')");
    const placeId = (name: string) => (newPlace.run(name), (db.prepare('SELECT id FROM locations WHERE name = ?').get(name) as { id: number }).id);
    const doc = db.prepare("INSERT INTO material_documents (kind, number, date, status, location_id, created_by, created_at) VALUES ('purchase', ?, ?, 'done', 1, 1, ?)");
    const move = db.prepare("INSERT INTO stock_movements (document_id, date, month, kind, item_id, location_id, expiry_date, quantity, value_fen) VALUES (?, ?, ?, 'purchase', ?, ?, NULL, ?, ?)");
    const places = [1];
    for (let l = 1; l < locations; l++) places.push(placeId(`分库${l}`));
    const documentId = Number(doc.run(`WZ-BENCH-${month}`, date, `${date}T02:00:00.000Z`).lastInsertRowid);
    for (let i = 0; i < items; i++) {
      const id = itemId(`物资${String(i).padStart(5, '0')}`, `规格${i % 7}`);
      for (const locationId of places) move.run(documentId, date, month, id, locationId, 1 + (i % 50), 1_000 * (1 + (i % 50)));
    }
  })();
}
