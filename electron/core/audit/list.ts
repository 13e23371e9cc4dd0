import type { Db } from '../../db/open';
import { boundedCount } from '../textSearch';
import { auditOrderBy, auditWhere, type AuditFilter } from './filter';

/**
 * Newest first by time, the order every audit index keeps after its filter column ((channel, at), (username, at),
 * (outcome, at), (at)), so a page reads a page of index entries instead of sorting millions; the count stops at a cap.
 */
export function listAudit<Row>(db: Db, q: AuditFilter & { page: number; pageSize: number }): { rows: Row[]; total: number; totalCapped: boolean } {
  const { clause, args } = auditWhere(q);
  const count = boundedCount(db, `FROM audit_log ${clause}`, args);
  const rows = db
    .prepare(
      `SELECT id, at, username, channel, outcome, code, summary, entity_type, entity_id FROM audit_log ${clause}
       ${auditOrderBy(q)} LIMIT ? OFFSET ?`,
    )
    .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as Row[];
  return { ...count, rows };
}
