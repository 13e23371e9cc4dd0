import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  userId: number | null;
  username: string | null;
  channel: string;
  outcome: 'ok' | 'refused';
  code: string | null;
  summary: string;
  entityType: string | null;
  entityId: number | null;
}

interface StoredAuditRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  channel: string;
  outcome: 'ok' | 'refused';
  code: string | null;
  summary: string;
  entity_type: string | null;
  entity_id: number | null;
  prev_hash: string;
  hash: string;
}

function hashEntry(prevHash: string, e: AuditEntry): string {
  const fields = [e.at, e.userId, e.username, e.channel, e.outcome, e.code, e.summary, e.entityType, e.entityId];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

/** Appends one row; call inside the transaction whose writes it describes. */
export function appendAudit(db: Db, e: AuditEntry): number {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, user_id, username, channel, outcome, code, summary, entity_type, entity_id, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.at, e.userId, e.username, e.channel, e.outcome, e.code, e.summary, e.entityType, e.entityId, prevHash, hashEntry(prevHash, e));
  return Number(info.lastInsertRowid);
}

/** Walks the whole chain; returns the first row whose link or hash does not match. */
export function verifyAuditChain(db: Db): { checked: number; firstBrokenId: number | null } {
  let prev = GENESIS_HASH;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<StoredAuditRow>) {
    const expected = hashEntry(prev, {
      at: row.at,
      userId: row.user_id,
      username: row.username,
      channel: row.channel,
      outcome: row.outcome,
      code: row.code,
      summary: row.summary,
      entityType: row.entity_type,
      entityId: row.entity_id,
    });
    if (row.prev_hash !== prev || row.hash !== expected) return { checked, firstBrokenId: row.id };
    prev = row.hash;
    checked++;
  }
  return { checked, firstBrokenId: null };
}
