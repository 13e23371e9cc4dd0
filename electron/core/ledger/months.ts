import type { MonthStatus } from '../../../shared/contract/ledger';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { isMonthClosed } from './books';

export function monthStatus(db: Db, month: string): MonthStatus {
  const books = (
    db
      .prepare(
        `SELECT a.id, a.name, a.kind, coalesce(sum(l.debit_fen - l.credit_fen), 0) AS book FROM accounts a
         LEFT JOIN journal_lines l ON l.account_id = a.id AND l.month <= ? WHERE a.kind IN ('cash', 'bank') AND a.active = 1
         GROUP BY a.id ORDER BY a.code`,
      )
      .all(month) as { id: number; name: string; kind: 'cash' | 'bank'; book: number }[]
  ).map((b) => ({ accountId: b.id, accountName: b.name, kind: b.kind, bookFen: b.book }));
  const history = (
    db
      .prepare('SELECT e.action, u.display_name AS by_name, e.at, e.reason FROM month_events e JOIN users u ON u.id = e.by_user WHERE e.month = ? ORDER BY e.id')
      .all(month) as { action: 'close' | 'reopen'; by_name: string; at: string; reason: string }[]
  ).map((h) => ({ action: h.action, by: h.by_name, at: h.at, reason: h.reason }));
  const closed = isMonthClosed(db, month);
  const lastClose = [...history].reverse().find((h) => h.action === 'close');
  return { month, closed, closedAt: closed ? lastClose!.at : null, closedBy: closed ? lastClose!.by : null, books, history };
}

/** Closes a month after the cash count and bank statements: differences must be zero or explained. */
export function closeMonth(ctx: HandlerContext, month: string, counts: { accountId: number; countedFen: number }[], explanation: string): MonthStatus {
  if (isMonthClosed(ctx.db, month)) fail('CONFLICT', `${month} 已经结账`);
  if (month > localDate(ctx.now).slice(0, 7)) fail('RULE', '不能为未来的月份结账');
  const status = monthStatus(ctx.db, month);
  const counted = new Map(counts.map((c) => [c.accountId, c.countedFen]));
  const differences: string[] = [];
  for (const b of status.books) {
    const c = counted.get(b.accountId);
    if (c === undefined) fail('VALIDATION', `请填写“${b.accountName}”的${b.kind === 'cash' ? '现金盘点金额' : '银行对账单余额'}`);
    else if (c !== b.bookFen) differences.push(`${b.accountName}：账面 ${formatYuan(b.bookFen)}，实有 ${formatYuan(c)}，差额 ${formatYuan(c - b.bookFen)}`);
  }
  if (differences.length > 0 && explanation.length < 2) fail('RULE', `账实不符，请写明差异原因后再结账：${differences.join('；')}`);
  ctx.db
    .prepare("INSERT INTO month_events (month, action, by_user, at, reason, counts_json) VALUES (?, 'close', ?, ?, ?, ?)")
    .run(month, ctx.user!.id, ctx.now.toISOString(), explanation, JSON.stringify({ counts, differences }));
  ctx.audit({ summary: `${month} 结账${differences.length ? `；${differences.join('；')}；说明：${explanation}` : '，账实相符'}`, entityType: 'month', entityId: Number(month.replace('-', '')) });
  return monthStatus(ctx.db, month);
}

export function reopenMonth(ctx: HandlerContext, month: string, reason: string): MonthStatus {
  if (!isMonthClosed(ctx.db, month)) fail('CONFLICT', `${month} 没有结账，无需反结账`);
  ctx.db.prepare("INSERT INTO month_events (month, action, by_user, at, reason) VALUES (?, 'reopen', ?, ?, ?)").run(month, ctx.user!.id, ctx.now.toISOString(), reason);
  ctx.audit({ summary: `${month} 反结账。原因：${reason}`, entityType: 'month', entityId: Number(month.replace('-', '')) });
  return monthStatus(ctx.db, month);
}
