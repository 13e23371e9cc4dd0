import { z } from 'zod';
import { channel, type FileDownload } from './define';
import { isoDate, page, pageSize } from './fields';
import { jobId } from './jobs';
import { sortOrder } from './listQuery';
import type { Paged } from './fields';

export type AuditOutcome = 'ok' | 'refused';
export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  channel: string;
  channelTitle: string;
  outcome: AuditOutcome;
  code: string | null;
  summary: string;
  entityType: string | null;
  entityId: number | null;
}
export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose hash does not match, when the chain is broken. */
  firstBrokenId: number | null;
  /** The recorded end of the chain (also printed on the monthly statement), when there is one. */
  anchor: { rowCount: number; lastHash: string } | null;
  message: string;
}

/** The filters of the audit page, shared by its list and its export; from and to are local days, both included. */
const auditFilter = {
  channel: z.string().max(64).optional(),
  username: z.string().max(32).optional(),
  outcome: z.enum(['ok', 'refused']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  order: sortOrder,
};
/** More rows than this are refused with a request to narrow the dates. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export const auditChannels = {
  'audit.list': channel<Paged<AuditRow>>()({
    title: '查看审计日志',
    input: z.object({ page, pageSize, ...auditFilter }).strict(),
    access: ['admin'],
    kind: 'read',
  }),
  // The rows of the page's current filter, as a workbook (at most AUDIT_EXPORT_LIMIT rows).
  'audit.exportXlsx': channel<FileDownload>()({
    title: '导出审计日志（Excel）',
    input: z.object({ ...auditFilter, jobId: jobId.optional() }).strict(),
    access: ['admin'],
    kind: 'read',
  }),
  'audit.verify': channel<AuditVerifyResult>()({
    title: '校验审计日志完整性',
    input: z.object({ jobId: jobId.optional() }).strict(),
    access: ['admin'],
    kind: 'read',
  }),
} as const;
