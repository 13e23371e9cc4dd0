import { contract, type Channel } from '../../../shared/api';
import type { auditChannels, AuditRow, AuditVerifyResult } from '../../../shared/contract/audit';
import { runTracked } from '../../jobs/progress';
import { Deferred } from '../context';
import type { HandlerMap } from '../handler';
import { AUDIT_EXPORT_LIMIT } from '../../../shared/contract/audit';
import { formatChineseDate, localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { warmJobs } from '../../jobs/pool';
import { countAudit } from './filter';
import { listAudit } from './list';
import { anchorText, type AuditChainCheck } from './chain';
import { offThreadFile } from '../offThreadFile';

export interface ListRow {
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
    warmJobs(); // the export and the chain check run on the jobs worker: have it loaded by then
    const page = listAudit<ListRow>(db, q);
    return { ...page, rows: page.rows.map(toAuditRow) };
  },
  // Up to AUDIT_EXPORT_LIMIT rows: read and written on the jobs worker (electron/jobs/exports.ts).
  'audit.exportXlsx': (ctx, { jobId, ...filter }) => {
    const n = countAudit(ctx.db, filter);
    if (n > AUDIT_EXPORT_LIMIT) fail('RULE', `符合条件的记录有 ${n.toLocaleString('en-US')} 条，超过一次可导出的 ${AUDIT_EXPORT_LIMIT.toLocaleString('en-US')} 条，请缩小日期范围后再导出。`);
    const scope = filter.from || filter.to ? `${filter.from ? formatChineseDate(filter.from) : '最早'}至${filter.to ? formatChineseDate(filter.to) : '今'}` : '全部日期';
    const file = `审计日志-${filter.from ?? '最早'}至${filter.to ?? localDate(ctx.now)}.xlsx`;
    const args = { filter, scope, centreName: ctx.settings.centreName };
    return offThreadFile(ctx, jobId, file, 'auditXlsx', args);
  },
  // Walking millions of rows takes seconds: a worker thread does it on its own read-only connection.
  'audit.verify': ({ db, user }, { jobId }) => new Deferred(async () => verifyResult(await runTracked(user!.id, jobId, 'auditVerify', { dbFile: db.name }))),
};

export function verifyResult(check: AuditChainCheck): AuditVerifyResult {
  const { anchor } = check;
  return {
    ok: check.problem === null,
    checked: check.checked,
    firstBrokenId: check.firstBrokenId,
    anchor: anchor && { rowCount: anchor.rowCount, lastHash: anchor.lastHash },
    message: verifyMessage(check),
  };
}

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
