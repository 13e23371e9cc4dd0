// The rows of the audit page's current filter for its workbook, in the list's order (read on the jobs
// worker's own connection: up to AUDIT_EXPORT_LIMIT rows).
import type { AuditRow } from '../../../shared/contract/audit';
import type { Db } from '../../db/open';
import { auditOrderBy, auditWhere, type AuditFilter } from './filter';
import { toAuditRow, type ListRow as AuditListRow } from './handlers';

export function auditExportRows(db: Db, q: AuditFilter): AuditRow[] {
  const { clause, args } = auditWhere(q);
  const rows = db.prepare(`SELECT id, at, username, channel, outcome, code, summary, entity_type, entity_id FROM audit_log ${clause} ${auditOrderBy(q)}`).all(...args) as AuditListRow[];
  return rows.map(toAuditRow);
}
