import { createHash } from 'node:crypto';
import { maskSensitiveNumbers } from '../../../shared/idcard';
import type { Db } from '../../db/open';

export const GENESIS_HASH = '0'.repeat(64);
/** Longest summary kept in the log (characters); longer ones are cut and end with '…'. */
export const AUDIT_SUMMARY_MAX = 500;

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

/** The chain's last link as recorded beside it (table audit_anchor), moved forward with every row. */
export interface AuditAnchor {
  rowCount: number;
  lastId: number;
  lastHash: string;
}

function hashEntry(prevHash: string, e: AuditEntry): string {
  const fields = [e.at, e.userId, e.username, e.channel, e.outcome, e.code, e.summary, e.entityType, e.entityId];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

function bound(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The last gate before the append-only log: ID and card numbers masked, summary bounded. */
export function sanitizeAuditEntry(e: AuditEntry): AuditEntry {
  return {
    ...e,
    username: e.username === null ? null : bound(maskSensitiveNumbers(e.username), 64),
    channel: bound(maskSensitiveNumbers(e.channel), 64),
    summary: bound(maskSensitiveNumbers(e.summary), AUDIT_SUMMARY_MAX),
  };
}

/** Appends one row and moves the anchor; call inside the transaction whose writes it describes. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const e = sanitizeAuditEntry(entry);
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hashEntry(prevHash, e);
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, user_id, username, channel, outcome, code, summary, entity_type, entity_id, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.at, e.userId, e.username, e.channel, e.outcome, e.code, e.summary, e.entityType, e.entityId, prevHash, hash);
  const id = Number(info.lastInsertRowid);
  // Counted forward, not recounted: rows cut from the end stay missing against the anchor.
  db.prepare('UPDATE audit_anchor SET row_count = row_count + 1, last_id = ?, last_hash = ? WHERE id = 1').run(id, hash);
  return id;
}

export function auditAnchor(db: Db): AuditAnchor | null {
  const r = db.prepare('SELECT row_count, last_id, last_hash FROM audit_anchor WHERE id = 1').get() as
    | { row_count: number; last_id: number; last_hash: string }
    | undefined;
  return r ? { rowCount: r.row_count, lastId: r.last_id, lastHash: r.last_hash } : null;
}

/** As printed on paper: 'N 条，末条哈希 0123456789abcdef' (the first 16 hex digits). */
export function anchorText(a: AuditAnchor): string {
  return `${a.rowCount} 条，末条哈希 ${a.lastHash.slice(0, 16)}`;
}

export type AuditChainProblem =
  /** a row's link or hash does not match (firstBrokenId) */
  | 'row'
  /** the chain links but has fewer rows than the anchor: rows were cut */
  | 'missing'
  /** the chain links but has more rows than the anchor: rows were added around appendAudit */
  | 'extra'
  /** as many rows as the anchor, but it ends on another hash: rows changed and re-hashed */
  | 'rehashed'
  /** the anchor row itself is gone */
  | 'noAnchor';

export interface AuditChainCheck {
  /** Rows that verified before the first problem. */
  checked: number;
  /** The first row whose link or hash does not match, or for 'missing' the first id that should follow. */
  firstBrokenId: number | null;
  /** Id of the last row walked. */
  lastId: number;
  problem: AuditChainProblem | null;
  anchor: AuditAnchor | null;
}

/** Rows walked between two progress reports. */
const PROGRESS_EVERY = 5_000;

/**
 * Walks the whole chain and compares its end with the anchor. `onProgress` hears (rows checked, last id
 * walked, highest id) every few thousand rows; call it inside one read transaction so anchor and rows agree.
 */
export function verifyAuditChain(db: Db, onProgress?: (checked: number, lastId: number, maxId: number) => void): AuditChainCheck {
  let prev = GENESIS_HASH;
  let checked = 0;
  let lastId = 0;
  const anchor = auditAnchor(db);
  const maxId = onProgress ? ((db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number | null }).m ?? 0) : 0;
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
    if (row.prev_hash !== prev || row.hash !== expected) return { checked, firstBrokenId: row.id, lastId, problem: 'row', anchor };
    prev = row.hash;
    lastId = row.id;
    checked++;
    if (onProgress && checked % PROGRESS_EVERY === 0) onProgress(checked, lastId, maxId);
  }
  const result = (problem: AuditChainProblem | null, firstBrokenId: number | null = null): AuditChainCheck => ({ checked, firstBrokenId, lastId, problem, anchor });
  if (!anchor) return result('noAnchor');
  if (checked < anchor.rowCount) return result('missing', lastId < anchor.lastId ? lastId + 1 : null);
  if (checked > anchor.rowCount) return result('extra');
  if (prev !== anchor.lastHash || lastId !== anchor.lastId) return result('rehashed');
  return result(null);
}
