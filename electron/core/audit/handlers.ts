import { contract, type Channel } from '../../../shared/api';
import type { auditChannels, AuditRow } from '../../../shared/contract/audit';
import type { HandlerMap } from '../handler';
import { anchorText, verifyAuditChain, type AuditChainCheck } from './chain';

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
    const check = verifyAuditChain(db);
    const { anchor } = check;
    return {
      ok: check.problem === null,
      checked: check.checked,
      firstBrokenId: check.firstBrokenId,
      anchor: anchor && { rowCount: anchor.rowCount, lastHash: anchor.lastHash },
      message: verifyMessage(check),
    };
  },
};

const REPORT = '请立即报告并保留数据库文件。';

export function verifyMessage({ problem, checked, firstBrokenId, anchor }: AuditChainCheck): string {
  switch (problem) {
    case null:
      return `审计日志完整：共校验 ${checked} 条记录，未发现篡改（${anchorText(anchor!)}）。`;
    case 'row':
      return `审计日志第 ${firstBrokenId} 号记录被改动或删除过（之前的 ${checked} 条完好）。${REPORT}`;
    case 'missing': {
      const where = firstBrokenId === null ? '' : `，第 ${firstBrokenId} 号至第 ${anchor!.lastId} 号记录（日志末尾）已不在`;
      return `审计日志有记录被删除：按锚点应有 ${anchor!.rowCount} 条，现只有 ${checked} 条${where}。${REPORT}`;
    }
    case 'extra':
      return `审计日志多出 ${checked - anchor!.rowCount} 条不是由本系统写入的记录（按锚点应有 ${anchor!.rowCount} 条，现有 ${checked} 条）。${REPORT}`;
    case 'rehashed':
      return `审计日志被改动后整条重新计算过哈希：末条记录与锚点（${anchorText(anchor!)}）不符，无法确定改动了哪一条。${REPORT}可与月度收支明细表上打印的锚点核对。`;
    case 'noAnchor':
      return `审计日志的锚点记录丢失，无法确认日志末尾是否完整（已校验 ${checked} 条）。${REPORT}`;
  }
}

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
