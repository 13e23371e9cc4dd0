import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { MONEY_KINDS } from '../../../shared/ledger';
import { RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../shared/relief';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { formatNumber, nextNumber } from '../numbering';
import { assertPostable, balanceThrough, lowestBalanceFrom } from './periods';
import { localDate } from '../../../shared/dates';

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
  parent_id: number | null;
  /** Seeded from the union chart of accounts (migration 0017): never deleted. */
  standard: 0 | 1;
  /** What the program books here by itself ('donation_income', 'material_purchase'), or null. */
  usage: string | null;
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

export { isMonthClosed } from './periods';

/** The account the program books a purpose to (see 0017): found by purpose, so a renumbered chart keeps working. */
export const accountFor = (db: Db, usage: 'donation_income' | 'material_purchase'): AccountRow =>
  (db.prepare('SELECT * FROM accounts WHERE usage = ?').get(usage) as AccountRow | undefined) ?? fail('NOT_FOUND', `会计科目表缺少${usage === 'donation_income' ? '捐赠收入' : '物资采购'}科目`);

export const hasDetailAccounts = (db: Db, accountId: number): boolean => db.prepare('SELECT 1 FROM accounts WHERE parent_id = ? LIMIT 1').get(accountId) !== undefined;

/** New lines go to detail accounts: a heading (an account with detail accounts under it) only adds them up. */
export function assertDetailAccounts(db: Db, lines: readonly LineInput[]): void {
  for (const accountId of new Set(lines.map((l) => l.accountId))) {
    if (hasDetailAccounts(db, accountId)) {
      const a = getAccount(db, accountId);
      fail('VALIDATION', `“${a.code} ${a.name}”下设明细科目，请记到它的明细科目`);
    }
  }
}

/** Cash plus bank held for a fund: what the fund can still pay. */
export const fundBalance = (db: Db, fundId: number): number => balanceThrough(db, { fundId, moneyOnly: true });

export const accountBalance = (db: Db, accountId: number): number => balanceThrough(db, { accountId });

/**
 * Refuses lines that are not one positive amount each or do not balance in total and per fund; returns
 * each fund's net (all zero). Also used to check a voucher draft before anyone approves it.
 */
export function assertBalanced(db: Db, lines: LineInput[]): Map<number, number> {
  if (lines.length < 2) fail('VALIDATION', '一张凭证至少要有两行（借方和贷方）');
  for (const l of lines) {
    if (!Number.isSafeInteger(l.debitFen) || !Number.isSafeInteger(l.creditFen) || l.debitFen < 0 || l.creditFen < 0 || (l.debitFen === 0) === (l.creditFen === 0)) {
      fail('VALIDATION', '凭证每行须只填借方或贷方中的一个正整数金额（分）');
    }
  }
  const byFund = new Map<number, number>();
  for (const l of lines) byFund.set(l.fundId, (byFund.get(l.fundId) ?? 0) + l.debitFen - l.creditFen);
  const debits = lines.reduce((s, l) => s + l.debitFen, 0);
  const credits = lines.reduce((s, l) => s + l.creditFen, 0);
  if (debits !== credits) fail('VALIDATION', `借贷不平衡：借方 ${formatYuan(debits)}，贷方 ${formatYuan(credits)}`);
  for (const [fundId, diff] of byFund) if (diff !== 0) fail('VALIDATION', `资金“${getFund(db, fundId).name}”的借贷不平衡`);
  return byFund;
}

/** 专款专用: earmarked money is spent only on its relief category (a reversal undoes, it does not spend). */
export function assertEarmarks(db: Db, lines: LineInput[]): void {
  for (const l of lines) {
    const account = getAccount(db, l.accountId);
    const fund = getFund(db, l.fundId);
    if (fund.purpose && account.kind === 'expense' && l.debitFen > 0 && account.relief_category !== fund.purpose) {
      fail('RULE', `专款专用：“${fund.name}”只能用于${RELIEF_CATEGORY_LABELS[fund.purpose]}，不能用于“${account.name}”。`);
    }
  }
}

/**
 * Posts one journal entry. Refuses, with nothing written, an entry that does not balance in total
 * and per fund, one dated in a closed month, one that spends earmarked money on another purpose, or
 * one that would take a fund's or an account's cash below zero.
 */
export function postEntry(
  ctx: HandlerContext,
  e: {
    date: string;
    memo: string;
    kind: 'donation' | 'relief_payment' | 'purchase' | 'reversal' | 'opening';
    /** Finance's own entries are stored as kind 'opening' with what they are here (see migration 0013). */
    subkind?: 'income' | 'expense' | 'transfer' | 'voucher';
    lines: LineInput[];
    reversesEntryId?: number;
    reason?: string;
    /** Who prepared the entry (制单), when not the caller: a voucher posted on approval keeps its drafter. */
    createdBy?: number;
  },
): number {
  const byFund = assertBalanced(ctx.db, e.lines);
  const month = e.date.slice(0, 7);
  assertPostable(ctx.db, e.date, '凭证');
  // A reversal undoes lines as they were, even on an account that has since got detail accounts.
  if (e.kind !== 'reversal') {
    assertEarmarks(ctx.db, e.lines);
    assertDetailAccounts(ctx.db, e.lines);
  }

  const year = Number(e.date.slice(0, 4));
  const number = formatNumber('PZ', year, nextNumber(ctx.db, 'journal', year));
  const entryId = Number(
    ctx.db
      .prepare('INSERT INTO journal_entries (number, date, month, memo, kind, subkind, reverses_entry_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(number, e.date, month, e.memo, e.kind, e.subkind ?? null, e.reversesEntryId ?? null, e.reason ?? null, e.createdBy ?? ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
  );
  const insert = ctx.db.prepare('INSERT INTO journal_lines (entry_id, account_id, fund_id, month, date, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const l of e.lines) insert.run(entryId, l.accountId, l.fundId, month, e.date, l.debitFen, l.creditFen);

  // Checked after the insert, inside the transaction: a refusal rolls the entry back. Money that goes
  // out must be there on the entry's date and on every later day (a back-dated payment included).
  const backDated = e.date < localDate(ctx.now);
  const shortage = (name: string, lowest: number, spent: number) =>
    backDated
      ? `“${name}”余额不足：按 ${e.date} 记账支出 ${formatYuan(spent)} 后，该日及以后的余额最低将为 ${formatYuan(lowest)}。`
      : `“${name}”余额不足：现有 ${formatYuan(lowest + spent)}，本次需要 ${formatYuan(spent)}。`;
  const moneyOut = (match: (l: LineInput) => boolean) =>
    e.lines.filter((l) => match(l) && MONEY_KINDS.includes(getAccount(ctx.db, l.accountId).kind)).reduce((s, l) => s + l.creditFen - l.debitFen, 0);
  for (const fundId of byFund.keys()) {
    const spent = moneyOut((l) => l.fundId === fundId);
    if (spent <= 0) continue;
    const lowest = lowestBalanceFrom(ctx.db, { fundId, moneyOnly: true }, e.date);
    if (lowest < 0) fail('RULE', shortage(getFund(ctx.db, fundId).name, lowest, spent));
  }
  for (const accountId of new Set(e.lines.map((l) => l.accountId))) {
    const spent = moneyOut((l) => l.accountId === accountId);
    if (spent <= 0) continue;
    const lowest = lowestBalanceFrom(ctx.db, { accountId }, e.date);
    if (lowest < 0) fail('RULE', shortage(getAccount(ctx.db, accountId).name, lowest, spent));
  }
  return entryId;
}
