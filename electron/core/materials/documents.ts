import type { Location, MaterialDocument, Movement } from '../../../shared/contract/materials';
import { fail } from '../../../shared/errors';
import type { MovementKind } from '../../../shared/materials';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { formatNumber, nextNumber } from '../numbering';
import { itemLabel } from './stock';

export interface LocationRow {
  id: number;
  name: string;
  kind: Location['kind'];
  donor_id: number | null;
  address: string;
  contact: string;
  phone: string;
}
export const toLocation = (l: LocationRow): Location => ({ id: l.id, name: l.name, kind: l.kind, donorId: l.donor_id, address: l.address, contact: l.contact, phone: l.phone });
export const getLocation = (db: Db, id: number): LocationRow =>
  (db.prepare('SELECT * FROM locations WHERE id = ?').get(id) as LocationRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的存放地点`);

interface DocumentRow {
  id: number;
  created_by: number;
  created_by_name: string;
  kind: MaterialDocument['kind'];
  number: string | null;
  date: string;
  status: MaterialDocument['status'];
  note: string;
  receipt_id: number | null;
  location_id: number;
  to_location_id: number | null;
  donor_id: number | null;
  application_id: number | null;
}

export const getDocumentRow = (db: Db, id: number): DocumentRow =>
  (db.prepare('SELECT d.*, u.display_name AS created_by_name FROM material_documents d JOIN users u ON u.id = d.created_by WHERE d.id = ?').get(id) as DocumentRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的物资单据`);

export function createDocument(
  ctx: HandlerContext,
  d: { kind: MaterialDocument['kind']; date: string; status: MaterialDocument['status']; locationId: number; toLocationId?: number; donorId?: number; applicationId?: number; note: string; numbered: boolean },
): number {
  const year = Number(d.date.slice(0, 4));
  const number = d.numbered ? formatNumber('WZ', year, nextNumber(ctx.db, 'material_doc', year)) : null;
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO material_documents (kind, number, date, status, donor_id, location_id, to_location_id, application_id, note, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.kind, number, d.date, d.status, d.donorId ?? null, d.locationId, d.toLocationId ?? null, d.applicationId ?? null, d.note, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
  );
}

export function summarize(db: Db, id: number): string {
  const lines = db
    .prepare(
      `SELECT i.name, i.spec, i.unit, sum(abs(m.quantity)) AS q FROM stock_movements m JOIN items i ON i.id = m.item_id
       WHERE m.document_id = ? AND m.quantity ${getDocumentRow(db, id).kind === 'transfer' ? '< 0' : '<> 0'} GROUP BY i.id`,
    )
    .all(id) as { name: string; spec: string; unit: string; q: number }[];
  return lines.map((l) => `${itemLabel(l)} ${l.q}${l.unit}`).join('、');
}

export function loadDocument(db: Db, id: number): MaterialDocument {
  const d = getDocumentRow(db, id);
  const movements = (
    db
      .prepare(
        `SELECT m.id, m.date, m.kind, i.name AS item_name, i.spec, i.unit, l.name AS location_name, m.quantity, m.value_fen
         FROM stock_movements m JOIN items i ON i.id = m.item_id JOIN locations l ON l.id = m.location_id WHERE m.document_id = ? ORDER BY m.id`,
      )
      .all(id) as { id: number; date: string; kind: MovementKind; item_name: string; spec: string; unit: string; location_name: string; quantity: number; value_fen: number }[]
  ).map(
    (m): Movement => ({
      id: m.id,
      date: m.date,
      kind: m.kind,
      itemName: itemLabel({ name: m.item_name, spec: m.spec }),
      unit: m.unit,
      locationName: m.location_name,
      quantity: m.quantity,
      valueFen: m.value_fen,
      note: d.note,
      by: d.created_by_name,
      documentNumber: null,
    }),
  );
  const receipt = d.receipt_id ? (db.prepare('SELECT number FROM receipts WHERE id = ?').get(d.receipt_id) as { number: string }) : null;
  const pending = d.status === 'pending'
    ? (db.prepare('SELECT i.name, i.spec, i.unit, p.delta FROM material_pending_lines p JOIN items i ON i.id = p.item_id WHERE p.document_id = ?').all(id) as { name: string; spec: string; unit: string; delta: number }[])
    : [];
  const summary = movements.length
    ? summarize(db, id)
    : pending.map((p) => `${itemLabel(p)} ${p.delta > 0 ? '+' : ''}${p.delta}${p.unit}`).join('、');
  return { id: d.id, kind: d.kind, number: receipt?.number ?? d.number, date: d.date, status: d.status, summary, movements: movements.map((m) => ({ ...m, documentNumber: receipt?.number ?? d.number })), receiptId: d.receipt_id };
}
