import type { Account, Donor, Fund, JournalEntry, ledgerChannels } from '../../../shared/contract/ledger';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../shared/relief';
import type { Db } from '../../db/open';
import { donationReceiptDoc } from '../../pdf/documents/donationReceipt';
import { reliefPaymentReceiptDoc } from '../../pdf/documents/reliefPaymentReceipt';
import { renderPdf } from '../../pdf/render';
import { warmJobs } from '../../jobs/pool';
import { runTracked } from '../../jobs/progress';
import { Deferred, type HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { printMaterialReceipt } from '../materials/print';
import { goodsIssuedFen, GOODS_ISSUED_SQL } from '../materials/reliefGoods';
import { getReliefRow } from '../relief/store';
import { accountBalance, accountFor, fundBalance, getAccount, hasDetailAccounts, getFund, postEntry, type AccountRow, type FundRow } from './books';
import { searchDonors } from './donors';
import { closeMonth, monthStatus, reopenMonth } from './months';
import { openingMonth } from './periods';
import { getReceipt, issueReceipt, toReceipt, voidAndReissue } from './receipts';
import { cashBook, statementLinePage, statementOnScreen, trialBalance } from './reports';
import { loadDonation, PAYMENT_SELECT, toPayment, type PaymentRow } from './records';
import { countDonations, countPayments, listDonations, listPayments } from './lists';
import { exportList } from '../listExport';

const toAccount = (db: Db, a: AccountRow): Account => ({
  id: a.id,
  code: a.code,
  name: a.name,
  kind: a.kind,
  reliefCategory: a.relief_category,
  active: a.active === 1,
  balanceFen: accountBalance(db, a.id),
  totalFen: accountBalance(db, a.id),
  parentId: a.parent_id,
  standard: a.standard === 1,
  heading: hasDetailAccounts(db, a.id),
  deletable: a.standard === 0 && !hasDetailAccounts(db, a.id) && !accountUsed(db, a.id),
});

/** Booked to (an index seek on the lines) or named on a voucher draft. */
const accountUsed = (db: Db, accountId: number): boolean =>
  db.prepare('SELECT 1 FROM journal_lines WHERE account_id = ? LIMIT 1').get(accountId) !== undefined ||
  db.prepare('SELECT 1 FROM voucher_lines WHERE account_id = ? LIMIT 1').get(accountId) !== undefined;
const toFund = (db: Db, f: FundRow): Fund => ({ id: f.id, name: f.name, source: f.source as Fund['source'], purpose: f.purpose, active: f.active === 1, balanceFen: fundBalance(db, f.id) });

/** The money account a payment or receipt uses: the one named, or the first active of its kind. */
export function moneyAccount(db: Db, method: 'cash' | 'bank', accountId: number | null): AccountRow {
  const a = accountId ? getAccount(db, accountId) : (db.prepare('SELECT * FROM postable_accounts WHERE kind = ? AND active = 1 ORDER BY code LIMIT 1').get(method) as AccountRow | undefined);
  if (!a || a.kind !== method) return fail('VALIDATION', method === 'cash' ? '请选择现金科目' : '请选择收付款的银行账户');
  return a;
}

export function loadEntry(db: Db, id: number): JournalEntry {
  const e = db
    .prepare(
      `SELECT e.*, u.display_name AS by_name, (SELECT r.id FROM journal_entries r WHERE r.reverses_entry_id = e.id) AS reversed_by
       FROM journal_entries e JOIN users u ON u.id = e.created_by WHERE e.id = ?`,
    )
    .get(id) as { id: number; number: string; date: string; memo: string; kind: JournalEntry['kind']; subkind: JournalEntry['kind'] | null; reverses_entry_id: number | null; reversed_by: number | null; reason: string | null; by_name: string } | undefined;
  if (!e) return fail('NOT_FOUND', `找不到编号为 ${id} 的凭证`);
  const lines = db
    .prepare(
      `SELECT l.account_id, a.code AS account_code, a.name AS account_name, l.fund_id, f.name AS fund_name, l.debit_fen, l.credit_fen FROM journal_lines l
       JOIN accounts a ON a.id = l.account_id JOIN funds f ON f.id = l.fund_id WHERE l.entry_id = ? ORDER BY l.id`,
    )
    .all(id) as { account_id: number; account_code: string; account_name: string; fund_id: number; fund_name: string; debit_fen: number; credit_fen: number }[];
  return {
    id: e.id,
    number: e.number,
    date: e.date,
    memo: e.memo,
    // Finance's own entries are stored as 'opening' plus what they are (migration 0013).
    kind: e.subkind ?? e.kind,
    reversesEntryId: e.reverses_entry_id,
    reversedByEntryId: e.reversed_by,
    reason: e.reason,
    createdBy: e.by_name,
    lines: lines.map((l) => ({ accountId: l.account_id, accountCode: l.account_code, accountName: l.account_name, fundId: l.fund_id, fundName: l.fund_name, debitFen: l.debit_fen, creditFen: l.credit_fen })),
  };
}

const centreOf = (ctx: HandlerContext) => ({ ...ctx.settings, printedAt: ctx.now });

export const ledgerHandlers: HandlerMap<keyof typeof ledgerChannels> = {
  'ledger.accounts': ({ db }) => {
    const accounts = (db.prepare('SELECT * FROM accounts ORDER BY code').all() as AccountRow[]).map((a) => toAccount(db, a));
    // A heading's total is everything under it (its own old lines included).
    const byId = new Map(accounts.map((a) => [a.id, a]));
    for (const a of accounts) {
      for (let p = a.parentId === null ? undefined : byId.get(a.parentId); p; p = p.parentId === null ? undefined : byId.get(p.parentId)) p.totalFen += a.balanceFen;
    }
    return accounts;
  },
  'ledger.addAccount': (ctx, a) => {
    const parent = getAccount(ctx.db, a.parentId);
    if (a.code.length !== parent.code.length + 2 || !a.code.startsWith(parent.code)) fail('VALIDATION', `明细科目编码应为上级科目编码 ${parent.code} 加两位数字，例如 ${parent.code}01`);
    if (ctx.db.prepare('SELECT 1 FROM accounts WHERE code = ?').get(a.code)) fail('CONFLICT', `科目编码 ${a.code} 已存在`);
    if (parent.relief_category && a.reliefCategory !== null && a.reliefCategory !== parent.relief_category) {
      fail('VALIDATION', `上级科目“${parent.name}”是${RELIEF_CATEGORY_LABELS[parent.relief_category]}支出，明细科目须是同一救助类别`);
    }
    if (a.reliefCategory && parent.kind !== 'expense') fail('VALIDATION', '只有支出科目可以对应救助类别');
    const reliefCategory = parent.kind === 'expense' ? (a.reliefCategory ?? parent.relief_category) : null;
    // The full name shows where the account sits (上级补助收入—帮扶补助—…), as the chart's own names do.
    const name = a.name.startsWith(parent.name) ? a.name : `${parent.name}—${a.name}`;
    const id = Number(
      ctx.db.prepare('INSERT INTO accounts (code, name, kind, relief_category, parent_id) VALUES (?, ?, ?, ?, ?)').run(a.code, name, parent.kind, reliefCategory, parent.id).lastInsertRowid,
    );
    ctx.audit({ summary: `新增明细科目 ${a.code} ${name}`, entityType: 'account', entityId: id });
    return toAccount(ctx.db, getAccount(ctx.db, id));
  },
  'ledger.deleteAccount': (ctx, { accountId }) => {
    const a = getAccount(ctx.db, accountId);
    if (a.standard === 1) fail('RULE', `“${a.code} ${a.name}”是工会会计制度规定的科目，不能删除`);
    if (hasDetailAccounts(ctx.db, a.id)) fail('RULE', `“${a.code} ${a.name}”下设明细科目，请先删除明细科目`);
    if (accountUsed(ctx.db, a.id)) fail('RULE', `“${a.code} ${a.name}”已有记账或凭证，不能删除；不再使用的科目可以停用`);
    ctx.db.prepare('DELETE FROM accounts WHERE id = ?').run(a.id);
    ctx.audit({ summary: `删除科目 ${a.code} ${a.name}`, entityType: 'account', entityId: a.id });
    return { deleted: true as const };
  },
  'ledger.funds': ({ db }) => (db.prepare('SELECT * FROM funds ORDER BY id').all() as FundRow[]).map((f) => toFund(db, f)),
  'ledger.addFund': (ctx, f) => {
    if (ctx.db.prepare('SELECT 1 FROM funds WHERE name = ?').get(f.name)) fail('CONFLICT', `资金来源“${f.name}”已存在`);
    const id = Number(ctx.db.prepare('INSERT INTO funds (name, source, purpose) VALUES (?, ?, ?)').run(f.name, f.source, f.purpose).lastInsertRowid);
    ctx.audit({ summary: `新增资金来源 ${f.name}${f.purpose ? `（专款：${RELIEF_CATEGORY_LABELS[f.purpose]}）` : ''}`, entityType: 'fund', entityId: id });
    return toFund(ctx.db, getFund(ctx.db, id));
  },
  'ledger.donors': ({ db }, { q }) => searchDonors(db, q),
  'ledger.addDonor': (ctx, d) => {
    const id = Number(ctx.db.prepare('INSERT INTO donors (kind, name, contact, phone, address) VALUES (?, ?, ?, ?, ?)').run(d.kind, d.name, d.contact, d.phone, d.address).lastInsertRowid);
    ctx.audit({ summary: `新增捐赠人 ${d.name}`, entityType: 'donor', entityId: id });
    return ctx.db.prepare('SELECT * FROM donors WHERE id = ?').get(id) as Donor;
  },

  'ledger.donate': (ctx, d) => {
    if (d.date > localDate(ctx.now)) fail('VALIDATION', '捐款日期不能晚于今天');
    const donor = ctx.db.prepare('SELECT name FROM donors WHERE id = ?').get(d.donorId) as { name: string } | undefined;
    if (!donor) return fail('NOT_FOUND', `找不到编号为 ${d.donorId} 的捐赠人`);
    const fund = getFund(ctx.db, d.fundId);
    if (!fund.active) fail('RULE', `资金来源“${fund.name}”已停用`);
    const money = moneyAccount(ctx.db, d.method, d.accountId);
    const income = accountFor(ctx.db, 'donation_income');
    const memo = `收到${donor.name}捐款${d.designatedUse ? `（${d.designatedUse}）` : ''}`;
    const entryId = postEntry(ctx, {
      date: d.date,
      memo,
      kind: 'donation',
      lines: [
        { accountId: money.id, fundId: fund.id, debitFen: d.amountFen, creditFen: 0 },
        { accountId: income.id, fundId: fund.id, debitFen: 0, creditFen: d.amountFen },
      ],
    });
    const id = Number(
      ctx.db
        .prepare('INSERT INTO donations (donor_id, date, amount_fen, method, account_id, fund_id, designated_use, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(d.donorId, d.date, d.amountFen, d.method, money.id, fund.id, d.designatedUse, entryId).lastInsertRowid,
    );
    const receipt = issueReceipt(ctx, 'donation', { type: 'donation', id });
    ctx.audit({ summary: `${memo} ${formatYuan(d.amountFen)}，入${fund.name}，收据 ${receipt.number}`, entityType: 'donation', entityId: id });
    return loadDonation(ctx.db, id);
  },
  'ledger.donations': ({ db }, { page, pageSize, ...q }) => ({ total: countDonations(db, q), rows: listDonations(db, q, { page, pageSize }) }),
  'ledger.donationsXlsx': (ctx, { jobId, ...query }) => exportList(ctx, jobId, 'donationsXlsx', countDonations(ctx.db, query), { query }, '捐款登记'),

  'ledger.voidReceipt': (ctx, { receiptId, reason }) => {
    const old = getReceipt(ctx.db, receiptId);
    const next = voidAndReissue(ctx, receiptId, reason);
    ctx.audit({ summary: `作废收据 ${old.number}（${reason}），重开 ${next.number}`, entityType: 'receipt', entityId: receiptId });
    return toReceipt(next);
  },
  'ledger.printReceipt': (ctx, { receiptId }) => {
    const r = getReceipt(ctx.db, receiptId);
    if (r.source_type === 'material_document') return printMaterialReceipt(ctx, r.id);
    ctx.db.prepare('UPDATE receipts SET print_count = print_count + 1 WHERE id = ?').run(r.id);
    const receipt = toReceipt(getReceipt(ctx.db, r.id));
    const opts = { handler: ctx.user!.displayName, reprint: r.print_count > 0 };
    ctx.audit({ summary: `打印收据 ${r.number}${opts.reprint ? `（补打第 ${receipt.printCount} 次）` : ''}`, entityType: 'receipt', entityId: r.id });
    if (r.source_type === 'donation') {
      const doc = donationReceiptDoc(loadDonation(ctx.db, r.source_id), receipt, centreOf(ctx), opts);
      return new Deferred(async () => ({ fileName: `捐赠收据-${r.number}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
    }
    const p = ctx.db.prepare(`${PAYMENT_SELECT} WHERE p.id = ?`).get(r.source_id) as PaymentRow;
    const app = getReliefRow(ctx.db, p.application_id);
    const file = ctx.db.prepare('SELECT bank_name, bank_card FROM worker_files WHERE id = ?').get(app.file_id) as { bank_name: string; bank_card: string };
    const doc = reliefPaymentReceiptDoc(
      { ...toPayment(ctx.db, p), receipt, idNumber: app.id_number, workUnit: app.work_unit, category: RELIEF_CATEGORY_LABELS[app.category], bankName: file.bank_name, bankCard: file.bank_card },
      centreOf(ctx),
      opts,
    );
    return new Deferred(async () => ({ fileName: `救助金领取凭证-${r.number}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },

  'ledger.toPay': ({ db }) =>
    (
      db
        .prepare(
          `SELECT * FROM (SELECT a.id, a.number, f.name, f.id_number, f.work_unit, a.category, a.amount_fen, ${GOODS_ISSUED_SQL} AS goods_fen, f.bank_name, f.bank_card
           FROM relief_applications a JOIN worker_files f ON f.id = a.file_id WHERE a.status = 'payable'
           AND NOT EXISTS (SELECT 1 FROM relief_payments p WHERE p.application_id = a.id AND p.reversal_entry_id IS NULL))
           WHERE goods_fen < amount_fen ORDER BY id`,
        )
        .all() as { id: number; number: string; name: string; id_number: string; work_unit: string; category: ReliefCategory; amount_fen: number; goods_fen: number; bank_name: string; bank_card: string }[]
    ).map((r) => ({
      applicationId: r.id,
      number: r.number,
      name: r.name,
      idNumber: r.id_number,
      workUnit: r.work_unit,
      category: r.category,
      approvedFen: r.amount_fen,
      goodsFen: r.goods_fen,
      amountFen: r.amount_fen - r.goods_fen,
      bankName: r.bank_name,
      bankCard: r.bank_card,
    })),

  'ledger.payRelief': (ctx, { applicationId, fundId, method, accountId }) => {
    const app = getReliefRow(ctx.db, applicationId);
    if (app.status !== 'payable') fail('RULE', `${app.number} 尚未批准发放（须审批${app.needs_chair ? '、主席同意' : ''}并公示期满）`);
    if (ctx.db.prepare('SELECT 1 FROM relief_payments WHERE application_id = ? AND reversal_entry_id IS NULL').get(applicationId)) {
      fail('CONFLICT', `${app.number} 已经发放过，不能重复发放`);
    }
    // Goods already issued against the approval are part of it: cash pays what is left.
    const goods = goodsIssuedFen(ctx.db, applicationId);
    const amount = app.amount_fen - goods;
    if (amount <= 0) fail('RULE', `${app.number} 批准的 ${formatYuan(app.amount_fen)} 已全部以物资发放（物资估价 ${formatYuan(goods)}），没有可发放的救助金。`);
    const file = ctx.db.prepare('SELECT bank_name, bank_card FROM worker_files WHERE id = ?').get(app.file_id) as { bank_name: string; bank_card: string };
    if (method === 'bank' && !file.bank_card) fail('RULE', `${app.name} 的档案没有登记银行卡，不能转账，请改用现金或先补登银行卡`);
    const fund = getFund(ctx.db, fundId);
    const money = moneyAccount(ctx.db, method, accountId);
    const expense = ctx.db.prepare("SELECT id FROM postable_accounts WHERE kind = 'expense' AND relief_category = ? AND active = 1 ORDER BY code LIMIT 1").get(app.category) as { id: number } | undefined;
    if (!expense) return fail('RULE', `没有“${RELIEF_CATEGORY_LABELS[app.category]}”的支出科目，请先新增`);
    const entryId = postEntry(ctx, {
      date: localDate(ctx.now),
      memo: `发放${RELIEF_CATEGORY_LABELS[app.category]} ${app.name}（${app.number}）`,
      kind: 'relief_payment',
      lines: [
        { accountId: expense.id, fundId: fund.id, debitFen: amount, creditFen: 0 },
        { accountId: money.id, fundId: fund.id, debitFen: 0, creditFen: amount },
      ],
    });
    const id = Number(
      ctx.db
        .prepare('INSERT INTO relief_payments (application_id, fund_id, method, account_id, amount_fen, entry_id, paid_by, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(applicationId, fund.id, method, money.id, amount, entryId, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
    );
    const receipt = issueReceipt(ctx, 'relief_payment', { type: 'relief_payment', id });
    ctx.audit({ summary: `发放 ${app.number} ${app.name} ${formatYuan(amount)}${goods ? `（批准 ${formatYuan(app.amount_fen)}，已发物资 ${formatYuan(goods)}）` : ''}，${fund.name}，凭证 ${receipt.number}`, entityType: 'relief', entityId: applicationId });
    return toPayment(ctx.db, ctx.db.prepare(`${PAYMENT_SELECT} WHERE p.id = ?`).get(id) as PaymentRow);
  },
  // By the voucher's local date, not the UTC timestamp.
  'ledger.payments': ({ db }, { page, pageSize, ...q }) => ({ total: countPayments(db, q), rows: listPayments(db, q, { page, pageSize }) }),
  'ledger.paymentsXlsx': (ctx, { jobId, ...query }) => exportList(ctx, jobId, 'paymentsXlsx', countPayments(ctx.db, query), { query }, '救助发放记录'),

  'ledger.entries': ({ db }, q) => {
    const where = q.month ? 'WHERE month = @month' : '';
    const total = (db.prepare(`SELECT count(*) AS n FROM journal_entries ${where}`).get({ month: q.month ?? '' }) as { n: number }).n;
    const ids = db.prepare(`SELECT id FROM journal_entries ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ month: q.month ?? '', limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as { id: number }[];
    return { total, rows: ids.map((r) => loadEntry(db, r.id)) };
  },
  'ledger.reverse': (ctx, { entryId, reason }) => {
    const e = loadEntry(ctx.db, entryId);
    if (e.kind === 'reversal') fail('RULE', '冲销凭证不能再冲销；如需更正请重新记账');
    if (e.reversedByEntryId) fail('CONFLICT', `凭证 ${e.number} 已经冲销过`);
    // A campaign batch is corrected per person (未领取退回), so a whole reversal would refund some twice.
    if (ctx.db.prepare('SELECT 1 FROM campaign_batches WHERE entry_id = ?').get(e.id)) {
      fail('RULE', `凭证 ${e.number} 是慰问活动的批量发放凭证，不能整张冲销；请在活动页面把未领取的人员逐一登记“未领取退回”。`);
    }
    const id = postEntry(ctx, {
      date: localDate(ctx.now),
      memo: `冲销 ${e.number}：${e.memo}`,
      kind: 'reversal',
      reversesEntryId: e.id,
      reason,
      lines: e.lines.map((l) => ({ accountId: l.accountId, fundId: l.fundId, debitFen: l.creditFen, creditFen: l.debitFen })),
    });
    // A reversed relief payment may be paid again (to the right fund or person).
    ctx.db.prepare('UPDATE relief_payments SET reversal_entry_id = ? WHERE entry_id = ?').run(id, e.id);
    ctx.audit({ summary: `冲销凭证 ${e.number}。原因：${reason}`, entityType: 'journal_entry', entityId: e.id });
    return loadEntry(ctx.db, id);
  },
  'ledger.cashBook': ({ db }, { accountId, month }) => {
    const a = getAccount(db, accountId);
    if (a.kind !== 'cash' && a.kind !== 'bank') fail('VALIDATION', '日记账只适用于现金和银行科目');
    return cashBook(db, accountId, month);
  },
  'ledger.trialBalance': ({ db }, { month }) => trialBalance(db, month),
  'ledger.openingMonth': ({ db, now }) => ({ month: openingMonth(db, localDate(now)) }),
  'ledger.monthStatus': (ctx, { month }) => monthStatus(ctx.db, month, ctx.user, localDate(ctx.now)),
  'ledger.closeMonth': (ctx, { month, counts, explanation }) => closeMonth(ctx, month, counts, explanation),
  'ledger.reopenMonth': (ctx, { month, reason }) => reopenMonth(ctx, month, reason),
  // On screen: the figures and a page of lines per fund; the PDF and Excel (below) list every line.
  'ledger.statement': ({ db }, { month, pageSize }) => {
    warmJobs(); // the statement page's print and export run on the worker: have it loaded by then
    return statementOnScreen(db, month, pageSize);
  },
  'ledger.statementLines': ({ db }, { month, fundId, page, pageSize }) => {
    getFund(db, fundId);
    return statementLinePage(db, month, fundId, page, pageSize);
  },
  // A busy month is tens of thousands of lines: read, laid out and written on the worker thread (electron/jobs).
  'ledger.statementPdf': (ctx, { month, jobId }) => {
    const job = { dbFile: ctx.db.name, month, centre: centreOf(ctx), preparedBy: ctx.user!.displayName };
    return new Deferred(async () => ({ fileName: `月度收支明细表-${month}.pdf`, base64: await runTracked(ctx.user!.id, jobId, 'statementPdf', job) }));
  },
  'ledger.statementXlsx': (ctx, { month, jobId }) => {
    const job = { dbFile: ctx.db.name, month, centre: centreOf(ctx) };
    return new Deferred(async () => ({ fileName: `月度收支明细表-${month}.xlsx`, base64: await runTracked(ctx.user!.id, jobId, 'statementXlsx', job) }));
  },
};


