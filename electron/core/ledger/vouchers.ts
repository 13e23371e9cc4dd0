import type { SessionUser } from '../../../shared/contract/auth';
import type { Voucher, voucherChannels } from '../../../shared/contract/vouchers';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { ENTRY_KIND_LABELS, PAYMENT_METHOD_LABELS } from '../../../shared/ledger';
import { formatYuan } from '../../../shared/money';
import { monthLabel } from '../../../shared/months';
import { TRANSFER_DEFAULT_MEMOS, VOUCHER_STATUS_LABELS, type VoucherStatus } from '../../../shared/vouchers';
import type { Db } from '../../db/open';
import { voucherDoc, type VoucherPrint } from '../../pdf/documents/voucher';
import { renderPdf } from '../../pdf/render';
import { Deferred, type HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { formatNumber, nextNumber } from '../numbering';
import { assertBalanced, assertDetailAccounts, assertEarmarks, getAccount, getFund, postEntry, type AccountRow, type LineInput } from './books';
import { loadEntry, moneyAccount } from './handlers';
import { assertPostable, isMonthClosed } from './periods';
import { assertVoucherAllowed, voucherPermissions } from './voucherPolicy';

/** Donations go through ledger.donate (it issues the receipt); material purchases through materials.purchase (it books the stock). */

interface VoucherRow {
  id: number;
  number: string;
  date: string;
  memo: string;
  attachments: number;
  status: VoucherStatus;
  created_by: number;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string;
  entry_id: number | null;
  drafted_by: string;
  decided_by_name: string | null;
  entry_number: string | null;
}
interface VoucherLineRow {
  account_id: number;
  code: string;
  account_name: string;
  fund_id: number;
  fund_name: string;
  summary: string;
  debit_fen: number;
  credit_fen: number;
}

const VOUCHER_SELECT = `SELECT v.*, c.display_name AS drafted_by, d.display_name AS decided_by_name, e.number AS entry_number FROM vouchers v
  JOIN users c ON c.id = v.created_by LEFT JOIN users d ON d.id = v.decided_by LEFT JOIN journal_entries e ON e.id = v.entry_id`;

function voucherRow(db: Db, id: number): VoucherRow {
  return (db.prepare(`${VOUCHER_SELECT} WHERE v.id = ?`).get(id) as VoucherRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的记账凭证`);
}

function voucherLines(db: Db, voucherId: number): VoucherLineRow[] {
  return db
    .prepare(
      `SELECT l.account_id, a.code, a.name AS account_name, l.fund_id, f.name AS fund_name, l.summary, l.debit_fen, l.credit_fen FROM voucher_lines l
       JOIN accounts a ON a.id = l.account_id JOIN funds f ON f.id = l.fund_id WHERE l.voucher_id = ? ORDER BY l.id`,
    )
    .all(voucherId) as VoucherLineRow[];
}

const factsOf = (v: VoucherRow) => ({ number: v.number, status: v.status, createdBy: v.created_by });

function toVoucher(db: Db, v: VoucherRow, user: SessionUser | null): Voucher {
  const lines = voucherLines(db, v.id);
  return {
    id: v.id,
    number: v.number,
    date: v.date,
    memo: v.memo,
    attachments: v.attachments,
    status: v.status,
    lines: lines.map((l) => ({ accountId: l.account_id, accountCode: l.code, accountName: l.account_name, fundId: l.fund_id, fundName: l.fund_name, summary: l.summary, debitFen: l.debit_fen, creditFen: l.credit_fen })),
    totalFen: lines.reduce((s, l) => s + l.debit_fen, 0),
    draftedBy: v.drafted_by,
    draftedAt: v.created_at,
    decidedBy: v.decided_by_name,
    decidedAt: v.decided_at,
    decisionComment: v.decision_comment,
    entryId: v.entry_id,
    entryNumber: v.entry_number,
    permissions: voucherPermissions(user, factsOf(v)),
  };
}

const loadVoucher = (ctx: Pick<HandlerContext, 'db' | 'user'>, id: number) => toVoucher(ctx.db, voucherRow(ctx.db, id), ctx.user);

function notFuture(ctx: HandlerContext, date: string, what: string): void {
  if (date > localDate(ctx.now)) fail('VALIDATION', `${what}不能晚于今天`);
}

function activeAccount(db: Db, id: number): AccountRow {
  const a = getAccount(db, id);
  if (!a.active) fail('RULE', `科目“${a.code} ${a.name}”已停用，请选择其他科目`);
  return a;
}

const centreOf = (ctx: HandlerContext) => ({ centreName: ctx.settings.centreName, printedAt: ctx.now });

/** A voucher on paper, from a voucher record (draft or posted). */
function printFromVoucher(v: Voucher): VoucherPrint {
  const when = v.decidedAt ? localDate(new Date(v.decidedAt)) : '';
  const state: VoucherPrint['state'] =
    v.status === 'posted'
      ? { posted: true }
      : v.status === 'pending'
        ? { posted: false, mark: '待审核', note: '本凭证尚未经中心主任审核，未记账，不得作为记账依据。' }
        : {
            posted: false,
            mark: v.status === 'rejected' ? '已退回' : '已撤回',
            note: `本凭证${when ? `已于 ${when} ` : ''}由${v.decidedBy ?? ''}${VOUCHER_STATUS_LABELS[v.status].replace('已', '')}，未记账${v.decisionComment ? `。原因：${v.decisionComment}` : ''}。`,
          };
  return {
    number: v.entryNumber ?? v.number,
    date: v.date,
    kindLabel: ENTRY_KIND_LABELS.voucher,
    memo: v.memo,
    attachments: v.attachments,
    state,
    lines: v.lines,
    preparedBy: v.draftedBy,
    reviewedBy: v.status === 'posted' || v.status === 'rejected' ? v.decidedBy : null,
    // Approval posts the voucher: the approver put it in the books.
    postedBy: v.status === 'posted' ? v.decidedBy : null,
  };
}

/** An entry in the books on paper; one posted from a voucher shows the voucher's reviewer and line notes. */
function printFromEntry(ctx: HandlerContext, entryId: number): VoucherPrint {
  const e = loadEntry(ctx.db, entryId);
  const fromVoucher = ctx.db.prepare('SELECT id FROM vouchers WHERE entry_id = ?').get(entryId) as { id: number } | undefined;
  if (fromVoucher) return printFromVoucher(loadVoucher(ctx, fromVoucher.id));
  return {
    number: e.number,
    date: e.date,
    kindLabel: ENTRY_KIND_LABELS[e.kind],
    memo: e.reason ? `${e.memo}（冲销原因：${e.reason}）` : e.memo,
    attachments: null,
    state: { posted: true },
    lines: e.lines.map((l) => ({ summary: '', accountCode: getAccount(ctx.db, l.accountId).code, accountName: l.accountName, fundName: l.fundName, debitFen: l.debitFen, creditFen: l.creditFen })),
    preparedBy: e.createdBy,
    reviewedBy: null,
    postedBy: e.createdBy,
  };
}

const pdfOf = (ctx: HandlerContext, p: VoucherPrint) => {
  const doc = voucherDoc(p, centreOf(ctx));
  return new Deferred(async () => ({ fileName: `记账凭证-${p.number}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
};

export const voucherHandlers: HandlerMap<keyof typeof voucherChannels> = {
  'vouchers.income': (ctx, i) => {
    notFuture(ctx, i.date, '收款日期');
    const income = activeAccount(ctx.db, i.accountId);
    if (income.kind !== 'income') fail('VALIDATION', `“${income.name}”不是收入科目，请选择收入科目`);
    if (income.usage === 'donation_income') fail('RULE', '捐款请在“捐款登记”中登记：那里会为捐赠人开具捐赠收据。');
    const fund = getFund(ctx.db, i.fundId);
    if (!fund.active) fail('RULE', `资金来源“${fund.name}”已停用`);
    const money = moneyAccount(ctx.db, i.method, i.moneyAccountId);
    const entryId = postEntry(ctx, {
      date: i.date,
      memo: i.memo,
      kind: 'opening',
      subkind: 'income',
      lines: [
        { accountId: money.id, fundId: fund.id, debitFen: i.amountFen, creditFen: 0 },
        { accountId: income.id, fundId: fund.id, debitFen: 0, creditFen: i.amountFen },
      ],
    });
    const entry = loadEntry(ctx.db, entryId);
    ctx.audit({ summary: `登记${income.name} ${formatYuan(i.amountFen)}（${PAYMENT_METHOD_LABELS[i.method]}），入${fund.name}，凭证 ${entry.number}：${i.memo}`, entityType: 'journal_entry', entityId: entryId });
    return entry;
  },

  'vouchers.expense': (ctx, i) => {
    notFuture(ctx, i.date, '付款日期');
    const expense = activeAccount(ctx.db, i.accountId);
    if (expense.kind !== 'expense') fail('VALIDATION', `“${expense.name}”不是支出科目，请选择支出科目`);
    if (expense.relief_category) fail('RULE', `“${expense.name}”是救助支出：救助金须经审批后在“救助发放”中发放。`);
    if (expense.usage === 'material_purchase') fail('RULE', '采购物资请在“物资入库—采购入库”中登记，物资才会入库记账。');
    const fund = getFund(ctx.db, i.fundId);
    const money = moneyAccount(ctx.db, i.method, i.moneyAccountId);
    const entryId = postEntry(ctx, {
      date: i.date,
      memo: i.memo,
      kind: 'opening',
      subkind: 'expense',
      lines: [
        { accountId: expense.id, fundId: fund.id, debitFen: i.amountFen, creditFen: 0 },
        { accountId: money.id, fundId: fund.id, debitFen: 0, creditFen: i.amountFen },
      ],
    });
    const entry = loadEntry(ctx.db, entryId);
    ctx.audit({ summary: `登记${expense.name} ${formatYuan(i.amountFen)}（${PAYMENT_METHOD_LABELS[i.method]}），由${fund.name}支付，凭证 ${entry.number}：${i.memo}`, entityType: 'journal_entry', entityId: entryId });
    return entry;
  },

  'vouchers.transfer': (ctx, i) => {
    notFuture(ctx, i.date, '日期');
    const fund = getFund(ctx.db, i.fundId);
    const cash = moneyAccount(ctx.db, 'cash', i.cashAccountId);
    const bank = moneyAccount(ctx.db, 'bank', i.bankAccountId);
    const [from, to] = i.direction === 'withdraw' ? [bank, cash] : [cash, bank];
    const memo = i.memo || TRANSFER_DEFAULT_MEMOS[i.direction];
    // Same fund on both lines: the fund's money stays the same and only moves between cash and bank.
    const entryId = postEntry(ctx, {
      date: i.date,
      memo,
      kind: 'opening',
      subkind: 'transfer',
      lines: [
        { accountId: to.id, fundId: fund.id, debitFen: i.amountFen, creditFen: 0 },
        { accountId: from.id, fundId: fund.id, debitFen: 0, creditFen: i.amountFen },
      ],
    });
    const entry = loadEntry(ctx.db, entryId);
    ctx.audit({ summary: `${i.direction === 'withdraw' ? '提现' : '存现'} ${formatYuan(i.amountFen)}（${from.name}→${to.name}，${fund.name}），凭证 ${entry.number}`, entityType: 'journal_entry', entityId: entryId });
    return entry;
  },

  'vouchers.draft': (ctx, d) => {
    notFuture(ctx, d.date, '凭证日期');
    // Checked now so finance learns at once; checked again when the director approves.
    assertPostable(ctx.db, d.date, '凭证');
    const lines: LineInput[] = d.lines.map((l) => {
      activeAccount(ctx.db, l.accountId);
      const fund = getFund(ctx.db, l.fundId);
      if (!fund.active) fail('RULE', `资金来源“${fund.name}”已停用`);
      return { accountId: l.accountId, fundId: l.fundId, debitFen: l.debitFen, creditFen: l.creditFen };
    });
    assertBalanced(ctx.db, lines);
    assertEarmarks(ctx.db, lines);
    assertDetailAccounts(ctx.db, lines);
    const year = Number(d.date.slice(0, 4));
    const number = formatNumber('PZCG', year, nextNumber(ctx.db, 'voucher_draft', year));
    const id = Number(
      ctx.db
        .prepare('INSERT INTO vouchers (number, date, memo, attachments, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(number, d.date, d.memo, d.attachments, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
    );
    const insert = ctx.db.prepare('INSERT INTO voucher_lines (voucher_id, summary, account_id, fund_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?)');
    for (const l of d.lines) insert.run(id, l.summary, l.accountId, l.fundId, l.debitFen, l.creditFen);
    const v = loadVoucher(ctx, id);
    ctx.audit({ summary: `填制记账凭证 ${number}（${d.date}，${formatYuan(v.totalFen)}，待主任审核）：${d.memo}`, entityType: 'voucher', entityId: id });
    return v;
  },

  'vouchers.list': (ctx, q) => {
    const where = q.status ? 'WHERE v.status = @status' : '';
    const params = { status: q.status ?? '', limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM vouchers v ${where}`).get(params) as { n: number }).n;
    const rows = ctx.db.prepare(`${VOUCHER_SELECT} ${where} ORDER BY v.id DESC LIMIT @limit OFFSET @offset`).all(params) as VoucherRow[];
    return { total, rows: rows.map((r) => toVoucher(ctx.db, r, ctx.user)) };
  },

  'vouchers.approve': (ctx, { id, comment }) => {
    const v = voucherRow(ctx.db, id);
    assertVoucherAllowed(ctx.user!, factsOf(v), 'approve');
    if (isMonthClosed(ctx.db, v.date.slice(0, 7))) {
      fail(
        'RULE',
        `凭证 ${v.number} 的日期是 ${v.date}，${monthLabel(v.date.slice(0, 7))}已经结账，不能记账。请退回这张凭证，由财务按未结账月份的日期重新填制；确需记入已结账月份，须先由工会主席反结账。`,
      );
    }
    // The balance, the lock, earmarks and overdrafts are all checked again by postEntry, as of now.
    const entryId = postEntry(ctx, {
      date: v.date,
      memo: v.memo,
      kind: 'opening',
      subkind: 'voucher',
      lines: voucherLines(ctx.db, id).map((l) => ({ accountId: l.account_id, fundId: l.fund_id, debitFen: l.debit_fen, creditFen: l.credit_fen })),
      createdBy: v.created_by,
    });
    ctx.db.prepare("UPDATE vouchers SET status = 'posted', decided_by = ?, decided_at = ?, decision_comment = ?, entry_id = ? WHERE id = ?").run(ctx.user!.id, ctx.now.toISOString(), comment, entryId, id);
    const posted = loadVoucher(ctx, id);
    ctx.audit({ summary: `审核通过记账凭证 ${v.number}（制单 ${v.drafted_by}），记账 ${posted.entryNumber}，${formatYuan(posted.totalFen)}${comment ? `。意见：${comment}` : ''}`, entityType: 'voucher', entityId: id });
    return posted;
  },

  'vouchers.reject': (ctx, { id, comment }) => {
    const v = voucherRow(ctx.db, id);
    assertVoucherAllowed(ctx.user!, factsOf(v), 'reject');
    ctx.db.prepare("UPDATE vouchers SET status = 'rejected', decided_by = ?, decided_at = ?, decision_comment = ? WHERE id = ?").run(ctx.user!.id, ctx.now.toISOString(), comment, id);
    ctx.audit({ summary: `退回记账凭证 ${v.number}（制单 ${v.drafted_by}）。原因：${comment}`, entityType: 'voucher', entityId: id });
    return loadVoucher(ctx, id);
  },

  'vouchers.withdraw': (ctx, { id, reason }) => {
    const v = voucherRow(ctx.db, id);
    assertVoucherAllowed(ctx.user!, factsOf(v), 'withdraw');
    ctx.db.prepare("UPDATE vouchers SET status = 'withdrawn', decided_by = ?, decided_at = ?, decision_comment = ? WHERE id = ?").run(ctx.user!.id, ctx.now.toISOString(), reason, id);
    ctx.audit({ summary: `撤回记账凭证 ${v.number}。原因：${reason}`, entityType: 'voucher', entityId: id });
    return loadVoucher(ctx, id);
  },

  'vouchers.print': (ctx, { id }) => pdfOf(ctx, printFromVoucher(loadVoucher(ctx, id))),
  'vouchers.printEntry': (ctx, { entryId }) => pdfOf(ctx, printFromEntry(ctx, entryId)),
};
