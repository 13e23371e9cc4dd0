import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { MONEY_KINDS } from '../../../shared/ledger';
import { RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../shared/relief';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { formatNumber, nextNumber } from '../numbering';

export interface LineInput {
  accountId: number;
  fundId: number;
  debitFen: number;
  creditFen: number;
}

export interface AccountRow {
  id: number;
  code: string;
  name: string;
  kind: 'cash' | 'bank' | 'income' | 'expense';
  relief_category: ReliefCategory | null;
  active: 0 | 1;
}
export interface FundRow {
  id: number;
  name: string;
  source: string;
  purpose: ReliefCategory | null;
  active: 0 | 1;
}

export const getAccount = (db: Db, id: number): AccountRow =>
  (db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的科目`);
export const getFund = (db: Db, id: number): FundRow =>
  (db.prepare('SELECT * FROM funds WHERE id = ?').get(id) as FundRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的资金来源`);

export function isMonthClosed(db: Db, month: string): boolean {
  const last = db.prepare('SELECT action FROM month_events WHERE month = ? ORDER BY id DESC LIMIT 1').get(month) as { action: string } | undefined;
  return last?.action === 'close';
}

/** Cash plus bank held for a fund: what the fund can still pay. */
export function fundBalance(db: Db, fundId: number): number {
  return (
    db
      .prepare(
        `SELECT coalesce(sum(l.debit_fen - l.credit_fen), 0) AS b FROM journal_lines l JOIN accounts a ON a.id = l.account_id
         WHERE l.fund_id = ? AND a.kind IN ('cash', 'bank')`,
      )
      .get(fundId) as { b: number }
  ).b;
}

export function accountBalance(db: Db, accountId: number): number {
  return (db.prepare('SELECT coalesce(sum(debit_fen - credit_fen), 0) AS b FROM journal_lines WHERE account_id = ?').get(accountId) as { b: number }).b;
}

/**
 * Posts one journal entry. Refuses, with nothing written, an entry that does not balance in total
 * and per fund, one dated in a closed month, one that spends earmarked money on another purpose, or
 * one that would take a fund's or an account's cash below zero.
 */
export function postEntry(
  ctx: HandlerContext,
  e: { date: string; memo: string; kind: 'donation' | 'relief_payment' | 'purchase' | 'reversal' | 'opening'; lines: LineInput[]; reversesEntryId?: number; reason?: string },
): number {
  if (e.lines.length < 2) fail('VALIDATION', '一张凭证至少要有两行（借方和贷方）');
  for (const l of e.lines) {
    if (!Number.isSafeInteger(l.debitFen) || !Number.isSafeInteger(l.creditFen) || l.debitFen < 0 || l.creditFen < 0 || (l.debitFen === 0) === (l.creditFen === 0)) {
      fail('VALIDATION', '凭证每行须只填借方或贷方中的一个正整数金额（分）');
    }
  }
  const byFund = new Map<number, number>();
  for (const l of e.lines) byFund.set(l.fundId, (byFund.get(l.fundId) ?? 0) + l.debitFen - l.creditFen);
  const debits = e.lines.reduce((s, l) => s + l.debitFen, 0);
  const credits = e.lines.reduce((s, l) => s + l.creditFen, 0);
  if (debits !== credits) fail('VALIDATION', `借贷不平衡：借方 ${formatYuan(debits)}，贷方 ${formatYuan(credits)}`);
  for (const [fundId, diff] of byFund) if (diff !== 0) fail('VALIDATION', `资金“${getFund(ctx.db, fundId).name}”的借贷不平衡`);

  const month = e.date.slice(0, 7);
  if (isMonthClosed(ctx.db, month)) fail('RULE', `${month} 已结账，不能再记账。如确需更正，请由工会主席反结账。`);

  for (const l of e.lines) {
    const account = getAccount(ctx.db, l.accountId);
    const fund = getFund(ctx.db, l.fundId);
    if (fund.purpose && account.kind === 'expense' && l.debitFen > 0 && account.relief_category !== fund.purpose && e.kind !== 'reversal') {
      fail('RULE', `专款专用：“${fund.name}”只能用于${RELIEF_CATEGORY_LABELS[fund.purpose]}，不能用于“${account.name}”。`);
    }
  }

  const year = Number(e.date.slice(0, 4));
  const number = formatNumber('PZ', year, nextNumber(ctx.db, 'journal', year));
  const entryId = Number(
    ctx.db
      .prepare('INSERT INTO journal_entries (number, date, month, memo, kind, reverses_entry_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(number, e.date, month, e.memo, e.kind, e.reversesEntryId ?? null, e.reason ?? null, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
  );
  const insert = ctx.db.prepare('INSERT INTO journal_lines (entry_id, account_id, fund_id, month, date, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const l of e.lines) insert.run(entryId, l.accountId, l.fundId, month, e.date, l.debitFen, l.creditFen);

  // Checked after the insert, inside the transaction: a refusal rolls the entry back.
  for (const fundId of byFund.keys()) {
    const balance = fundBalance(ctx.db, fundId);
    if (balance < 0) {
      const spent = e.lines
        .filter((l) => l.fundId === fundId && MONEY_KINDS.includes(getAccount(ctx.db, l.accountId).kind))
        .reduce((s, l) => s + l.creditFen - l.debitFen, 0);
      fail('RULE', `“${getFund(ctx.db, fundId).name}”余额不足：现有 ${formatYuan(balance + spent)}，本次需要 ${formatYuan(spent)}。`);
    }
  }
  for (const l of e.lines) {
    const account = getAccount(ctx.db, l.accountId);
    if ((account.kind === 'cash' || account.kind === 'bank') && accountBalance(ctx.db, l.accountId) < 0) {
      fail('RULE', `“${account.name}”余额不足，不能支付 ${formatYuan(l.creditFen)}。`);
    }
  }
  return entryId;
}
