import { contract, type Channel } from '../../../shared/api';
import type { auditChannels, AuditRow } from '../../../shared/contract/audit';
import type { HandlerMap } from '../handler';
import { verifyAuditChain } from './chain';

interface ListRow {
  id: number;
  at: string;
  username: string | null;
  channel: string;
  outcome: 'ok' | 'refused';
  code: string | null;
  summary: string;
  entity_type: string | null;
  entity_id: number | null;
}

export const channelTitle = (channel: string): string =>
  channel in contract ? contract[channel as Channel].title : channel;

export const auditHandlers: HandlerMap<keyof typeof auditChannels> = {
  'audit.list': ({ db }, q) => {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.channel) (where.push('channel = ?'), args.push(q.channel));
    if (q.username) (where.push('username = ?'), args.push(q.username));
    if (q.outcome) (where.push('outcome = ?'), args.push(q.outcome));
    // at is stored as UTC ISO; local (UTC+8) day bounds shift by eight hours.
    if (q.from) (where.push('at >= ?'), args.push(new Date(`${q.from}T00:00:00+08:00`).toISOString()));
    if (q.to) (where.push('at < ?'), args.push(new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...args) as { n: number }).n;
    const rows = db
      .prepare(
        `SELECT id, at, username, channel, outcome, code, summary, entity_type, entity_id FROM audit_log ${clause}
         ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as ListRow[];
    return { total, rows: rows.map(toAuditRow) };
  },
  'audit.verify': ({ db }) => {
    const { checked, firstBrokenId } = verifyAuditChain(db);
    return {
      ok: firstBrokenId === null,
      checked,
      firstBrokenId,
      message:
        firstBrokenId === null
          ? `审计日志完整：共校验 ${checked} 条记录，未发现篡改。`
          : `审计日志第 ${firstBrokenId} 号记录被改动或删除过（之前的 ${checked} 条完好）。请立即报告并保留数据库文件。`,
    };
  },
};

export function toAuditRow(r: ListRow): AuditRow {
  return {
    id: r.id,
    at: r.at,
    username: r.username,
    channel: r.channel,
    channelTitle: channelTitle(r.channel),
    outcome: r.outcome,
    code: r.code,
    summary: r.summary,
    entityType: r.entity_type,
    entityId: r.entity_id,
  };
}
