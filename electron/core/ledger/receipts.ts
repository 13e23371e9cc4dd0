import type { ReceiptView } from '../../../shared/contract/ledger';
import { RECEIPT_PREFIXES, type ReceiptKind } from '../../../shared/ledger';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { formatNumber, nextNumber } from '../numbering';

export interface ReceiptRow {
  id: number;
  kind: ReceiptKind;
  year: number;
  seq: number;
  number: string;
  source_type: string;
  source_id: number;
  status: 'issued' | 'void';
  void_reason: string | null;
  issued_at: string;
  print_count: number;
}

export const toReceipt = (r: ReceiptRow): ReceiptView => ({
  id: r.id,
  kind: r.kind,
  number: r.number,
  status: r.status,
  voidReason: r.void_reason,
  printCount: r.print_count,
  issuedAt: r.issued_at,
});

/** Issues the next number of a kind for the year, in the caller's transaction: gapless, never reused. */
export function issueReceipt(ctx: HandlerContext, kind: ReceiptKind, source: { type: string; id: number }): ReceiptRow {
  const year = Number(localDate(ctx.now).slice(0, 4));
  const seq = nextNumber(ctx.db, `receipt.${kind}`, year);
  const id = Number(
    ctx.db
      .prepare('INSERT INTO receipts (kind, year, seq, number, source_type, source_id, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(kind, year, seq, formatNumber(RECEIPT_PREFIXES[kind], year, seq), source.type, source.id, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
  );
  return getReceipt(ctx.db, id);
}

export const getReceipt = (db: Db, id: number): ReceiptRow =>
  (db.prepare('SELECT * FROM receipts WHERE id = ?').get(id) as ReceiptRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的收据`);

export const receiptsFor = (db: Db, type: string, id: number): ReceiptRow[] =>
  db.prepare('SELECT * FROM receipts WHERE source_type = ? AND source_id = ? ORDER BY id').all(type, id) as ReceiptRow[];

/** A spoiled receipt is kept as void and the same source gets the next number (a material document points at it). */
export function voidAndReissue(ctx: HandlerContext, receiptId: number, reason: string): ReceiptRow {
  const r = getReceipt(ctx.db, receiptId);
  if (r.status === 'void') fail('CONFLICT', `收据 ${r.number} 已经作废`);
  ctx.db.prepare("UPDATE receipts SET status = 'void', void_reason = ?, voided_by = ?, voided_at = ? WHERE id = ?").run(reason, ctx.user!.id, ctx.now.toISOString(), r.id);
  const next = issueReceipt(ctx, r.kind, { type: r.source_type, id: r.source_id });
  if (r.source_type === 'material_document') ctx.db.prepare('UPDATE material_documents SET receipt_id = ? WHERE id = ? AND receipt_id = ?').run(next.id, r.source_id, r.id);
  return next;
}
