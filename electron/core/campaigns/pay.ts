// Paying a campaign: one voucher per batch (a debit line per recipient on the campaign's expense
// account, one credit on cash or bank, all against the campaign's fund), and "not collected" as a
// reversing entry for that one amount — journal rows are never changed.
import { CAMPAIGN_KIND_CATEGORY } from '../../../shared/campaign';
import { localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { RELIEF_CATEGORY_LABELS } from '../../../shared/relief';
import type { PaymentMethod } from '../../../shared/ledger';
import type { Db } from '../../db/open';
import type { HandlerContext } from '../context';
import { getAccount, postEntry, type AccountRow } from '../ledger/books';
import { formatNumber, nextNumber } from '../numbering';
import type { CampaignRow } from './rows';

function expenseAccount(db: Db, c: CampaignRow): AccountRow {
  const category = CAMPAIGN_KIND_CATEGORY[c.kind];
  return (
    (db.prepare("SELECT * FROM postable_accounts WHERE kind = 'expense' AND relief_category = ? AND active = 1 ORDER BY code LIMIT 1").get(category) as AccountRow | undefined) ??
    fail('RULE', `没有“${RELIEF_CATEGORY_LABELS[category]}”的支出科目，请财务先新增`)
  );
}

function moneyAccount(db: Db, method: PaymentMethod, accountId: number | null): AccountRow {
  const a = accountId ? getAccount(db, accountId) : (db.prepare('SELECT * FROM postable_accounts WHERE kind = ? AND active = 1 ORDER BY code LIMIT 1').get(method) as AccountRow | undefined);
  if (!a || a.kind !== method) return fail('VALIDATION', method === 'cash' ? '请选择现金科目' : '请选择付款的银行账户');
  return a;
}

interface UnpaidLine {
  id: number;
  amount_fen: number;
  name: string;
  bank_card: string;
}

/** Pays every unpaid line of the campaign (or of one unit) in one batch; returns the batch id. */
export function payBatch(ctx: HandlerContext, c: CampaignRow, method: PaymentMethod, accountId: number | null, workUnit: string): number {
  const db = ctx.db;
  const lines = db
    .prepare(
      `SELECT l.id, l.amount_fen, f.name, f.bank_card FROM campaign_lines l JOIN worker_files f ON f.id = l.file_id
       LEFT JOIN campaign_payments p ON p.line_id = l.id
       WHERE l.campaign_id = @id AND p.id IS NULL${workUnit ? ' AND f.work_unit = @unit' : ''} ORDER BY f.work_unit, l.id`,
    )
    .all({ id: c.id, unit: workUnit }) as UnpaidLine[];
  if (lines.length === 0) fail('CONFLICT', workUnit ? `“${workUnit}”没有待发放的人员。` : `${c.number} 名单上的人员都已发放。`);
  if (method === 'bank') {
    const noCard = lines.filter((l) => !l.bank_card.trim());
    if (noCard.length) {
      const names = noCard.slice(0, 10).map((l) => l.name).join('、');
      fail('RULE', `${noCard.length} 人的档案没有登记银行卡，不能银行代发：${names}${noCard.length > 10 ? ' 等' : ''}。请先补登银行卡，或按单位改发现金。`);
    }
  }
  const expense = expenseAccount(db, c);
  const money = moneyAccount(db, method, accountId);
  const date = localDate(ctx.now);
  const year = Number(date.slice(0, 4));
  const number = formatNumber('WF', year, nextNumber(db, 'campaign_batch', year));
  const total = lines.reduce((s, l) => s + l.amount_fen, 0);
  const entryId = postEntry(ctx, {
    date,
    memo: `发放${c.name}慰问金 ${lines.length} 人${workUnit ? `（${workUnit}）` : ''}，批次 ${number}`,
    kind: 'relief_payment',
    lines: [
      ...lines.map((l) => ({ accountId: expense.id, fundId: c.fund_id, debitFen: l.amount_fen, creditFen: 0 })),
      { accountId: money.id, fundId: c.fund_id, debitFen: 0, creditFen: total },
    ],
  });
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO campaign_batches (number, campaign_id, method, account_id, work_unit, entry_id, date, total_fen, line_count, paid_by, paid_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(number, c.id, method, money.id, workUnit, entryId, date, total, lines.length, ctx.user!.id, ctx.now.toISOString()).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO campaign_payments (batch_id, line_id, amount_fen) VALUES (?, ?, ?)');
  for (const l of lines) insert.run(batchId, l.id, l.amount_fen);
  ctx.audit({ summary: `${c.number} 发放批次 ${number}：${lines.length} 人 ${formatYuan(total)}，${method === 'bank' ? '银行代发' : '现金'}${workUnit ? `，${workUnit}` : ''}`, entityType: 'campaign', entityId: c.id });
  return batchId;
}

/** Marks a paid recipient as not collected: a reversing entry for that amount, and the payment marked returned. */
export function returnNotCollected(ctx: HandlerContext, c: CampaignRow, lineId: number, reason: string): void {
  const db = ctx.db;
  const p = db
    .prepare(
      `SELECT p.id, p.amount_fen, p.returned_entry_id, b.number AS batch_number, b.account_id, e.number AS entry_number, f.name
       FROM campaign_payments p JOIN campaign_batches b ON b.id = p.batch_id JOIN journal_entries e ON e.id = b.entry_id
       JOIN campaign_lines l ON l.id = p.line_id JOIN worker_files f ON f.id = l.file_id WHERE p.line_id = ?`,
    )
    .get(lineId) as { id: number; amount_fen: number; returned_entry_id: number | null; batch_number: string; account_id: number; entry_number: string; name: string } | undefined;
  if (!p) return fail('RULE', '此人尚未发放，不能登记未领取；未发放的人员不必处理。');
  if (p.returned_entry_id !== null) return fail('CONFLICT', `${p.name} 的慰问金已登记为未领取退回。`);
  const expense = expenseAccount(db, c);
  const entryId = postEntry(ctx, {
    date: localDate(ctx.now),
    memo: `退回未领取慰问金 ${p.name}（${c.name}，批次 ${p.batch_number}，原凭证 ${p.entry_number}）`,
    kind: 'reversal',
    reason,
    lines: [
      { accountId: p.account_id, fundId: c.fund_id, debitFen: p.amount_fen, creditFen: 0 },
      { accountId: expense.id, fundId: c.fund_id, debitFen: 0, creditFen: p.amount_fen },
    ],
  });
  db.prepare('UPDATE campaign_payments SET returned_entry_id = ?, returned_reason = ?, returned_by = ?, returned_at = ? WHERE id = ?').run(entryId, reason, ctx.user!.id, ctx.now.toISOString(), p.id);
  ctx.audit({ summary: `${c.number}：${p.name} 未领取慰问金 ${formatYuan(p.amount_fen)}，已冲回（批次 ${p.batch_number}）。原因：${reason}`, entityType: 'campaign', entityId: c.id });
}
