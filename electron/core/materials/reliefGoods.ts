import type { Db } from '../../db/open';

/**
 * One approval, one amount: goods issued against a relief application (at the estimated value taken
 * out of stock) and unreversed cash paid on it together never exceed the approved amount.
 */

/** SQL for the estimated value of goods issued against the application `a.id` (for list queries). */
export const GOODS_ISSUED_SQL = `(SELECT coalesce(-sum(m.value_fen), 0) FROM material_documents d JOIN stock_movements m ON m.document_id = d.id
  WHERE d.application_id = a.id AND d.kind = 'issue' AND m.kind = 'issue')`;

export function goodsIssuedFen(db: Db, applicationId: number): number {
  return (db.prepare(`SELECT ${GOODS_ISSUED_SQL} AS v FROM relief_applications a WHERE a.id = ?`).get(applicationId) as { v: number } | undefined)?.v ?? 0;
}

export function cashPaidFen(db: Db, applicationId: number): number {
  return (db.prepare('SELECT coalesce(sum(amount_fen), 0) AS v FROM relief_payments WHERE application_id = ? AND reversal_entry_id IS NULL').get(applicationId) as { v: number }).v;
}
