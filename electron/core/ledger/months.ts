import type { SessionUser } from '../../../shared/contract/auth';
import type { MonthStatus } from '../../../shared/contract/ledger';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { monthLabel } from '../../../shared/months';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { balanceThrough, closeBlocker, closedMonthsFrom, isMonthClosed, lockedThrough, nextMonthToClose, storeSnapshot, takeSnapshot } from './periods';

const monthEntity = (month: string) => Number(month.replace('-', ''));

/** A month's close state, its book figures for the count, and what this user may do with it (the core decides, pages render). */
export function monthStatus(db: Db, month: string, user: SessionUser | null, today: string): MonthStatus {
  const accounts = db.prepare("SELECT id, name, kind FROM accounts WHERE kind IN ('cash', 'bank') AND active = 1 ORDER BY code").all() as {
    id: number;
    name: string;
    kind: 'cash' | 'bank';
  }[];
  const books = accounts.map((a) => ({ accountId: a.id, accountName: a.name, kind: a.kind, bookFen: balanceThrough(db, { accountId: a.id }, month) }));
  const history = (
    db
      .prepare('SELECT e.action, u.display_name AS by_name, e.at, e.reason FROM month_events e JOIN users u ON u.id = e.by_user WHERE e.month = ? ORDER BY e.id')
      .all(month) as { action: 'close' | 'reopen'; by_name: string; at: string; reason: string }[]
  ).map((h) => ({ action: h.action, by: h.by_name, at: h.at, reason: h.reason }));
  const closed = isMonthClosed(db, month);
  const lastClose = [...history].reverse().find((h) => h.action === 'close');
  const blocker = closed ? null : closeBlocker(db, month, today);
  const roles = user?.roles ?? [];
  return {
    month,
    closed,
    closedAt: closed ? (lastClose?.at ?? null) : null,
    closedBy: closed ? (lastClose?.by ?? null) : null,
    lockedThrough: lockedThrough(db),
    nextToClose: nextMonthToClose(db),
    canClose: !closed && blocker === null && roles.includes('finance'),
    closeBlockedReason: blocker,
    canReopen: closed && roles.includes('chair'),
    books,
    history,
  };
}

/** Closes the next month in order, after it has ended, once the cash count and bank statements agree or differences are explained. */
export function closeMonth(ctx: HandlerContext, month: string, counts: { accountId: number; countedFen: number }[], explanation: string): MonthStatus {
  const today = localDate(ctx.now);
  if (isMonthClosed(ctx.db, month)) fail('CONFLICT', `${monthLabel(month)}已经结账。`);
  const blocker = closeBlocker(ctx.db, month, today);
  if (blocker) fail('RULE', blocker);
  const status = monthStatus(ctx.db, month, ctx.user, today);
  const counted = new Map(counts.map((c) => [c.accountId, c.countedFen]));
  const differences: string[] = [];
  for (const b of status.books) {
    const c = counted.get(b.accountId);
    if (c === undefined) fail('VALIDATION', `请填写“${b.accountName}”的${b.kind === 'cash' ? '现金盘点金额' : '银行对账单余额'}`);
    else if (c !== b.bookFen) differences.push(`${b.accountName}：账面 ${formatYuan(b.bookFen)}，实有 ${formatYuan(c)}，差额 ${formatYuan(c - b.bookFen)}`);
  }
  if (differences.length > 0 && explanation.length < 2) fail('RULE', `账实不符，请写明差异原因后再结账：${differences.join('；')}`);
  const snapshot = takeSnapshot(ctx.db, month);
  const eventId = Number(
    ctx.db
      .prepare("INSERT INTO month_events (month, action, by_user, at, reason, counts_json, has_snapshot) VALUES (?, 'close', ?, ?, ?, ?, 1)")
      .run(month, ctx.user!.id, ctx.now.toISOString(), explanation, JSON.stringify({ counts, differences })).lastInsertRowid,
  );
  storeSnapshot(ctx.db, eventId, snapshot);
  ctx.audit({ summary: `${month} 结账${differences.length ? `；${differences.join('；')}；说明：${explanation}` : '，账实相符'}`, entityType: 'month', entityId: monthEntity(month) });
  return monthStatus(ctx.db, month, ctx.user, today);
}

/** Reopens a closed month and, newest first, every closed month after it: closed months stay a prefix. */
export function reopenMonth(ctx: HandlerContext, month: string, reason: string): MonthStatus {
  const months = closedMonthsFrom(ctx.db, month);
  if (!months.includes(month)) fail('CONFLICT', `${monthLabel(month)}没有结账，无需反结账。`);
  const insert = ctx.db.prepare("INSERT INTO month_events (month, action, by_user, at, reason) VALUES (?, 'reopen', ?, ?, ?)");
  for (const m of months) insert.run(m, ctx.user!.id, ctx.now.toISOString(), m === month ? reason : `随${monthLabel(month)}一并反结账：${reason}`);
  const later = months.filter((m) => m !== month);
  ctx.audit({
    summary: `${month} 反结账${later.length ? `（其后已结账的 ${later.reverse().join('、')} 一并反结账）` : ''}。原因：${reason}`,
    entityType: 'month',
    entityId: monthEntity(month),
  });
  return monthStatus(ctx.db, month, ctx.user, localDate(ctx.now));
}
