import { z } from 'zod';
import { channel } from './define';
import { isoDate, page, pageSize } from './fields';
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

export const auditChannels = {
  'audit.list': channel<Paged<AuditRow>>()({
    title: '查看审计日志',
    input: z
      .object({
        page,
        pageSize,
        channel: z.string().max(64).optional(),
        username: z.string().max(32).optional(),
        outcome: z.enum(['ok', 'refused']).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .strict(),
    access: ['admin'],
    kind: 'read',
  }),
  'audit.verify': channel<AuditVerifyResult>()({
    title: '校验审计日志完整性',
    input: z.object({}).strict(),
    access: ['admin'],
    kind: 'read',
  }),
} as const;
