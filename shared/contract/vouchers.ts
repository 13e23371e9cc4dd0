import { z } from 'zod';
import { PAYMENT_METHODS } from '../ledger';
import { TRANSFER_DIRECTIONS, VOUCHER_MAX_LINES, VOUCHER_STATUSES, type VoucherStatus } from '../vouchers';
import { channel, type PdfFile } from './define';
import { id, isoDate, page, pageSize, type Paged } from './fields';
import type { JournalEntry } from './ledger';

// Finance's own entries (income by source, expenses, cash <-> bank) and the general voucher
// (记账凭证) that finance drafts and a director other than the drafter approves.

const FINANCE = ['finance'] as const;
const BOOK_READERS = ['finance', 'director', 'chair'] as const;
const fen = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须精确到分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
const amount = (label: string) => fen(label).min(1, `请填写${label}`);
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);
const memo = text('摘要', 100).min(2, '请填写摘要，写明款项的来源或用途');

export interface VoucherLine {
  accountId: number;
  accountCode: string;
  accountName: string;
  fundId: number;
  fundName: string;
  /** 摘要 of the line; the voucher's own when left empty. */
  summary: string;
  debitFen: number;
  creditFen: number;
}

/** What the caller may do with a voucher, decided by the core (four-eyes lives there, not in pages). */
export interface VoucherPermissions {
  approve: boolean;
  reject: boolean;
  withdraw: boolean;
  /** Why the caller may not approve a pending voucher (e.g. they drafted it), in Chinese; null otherwise. */
  approveBlockedReason: string | null;
}

export interface Voucher {
  id: number;
  /** Draft number (PZCG-2026-000001); the posted entry has its own PZ number. */
  number: string;
  date: string;
  memo: string;
  /** 附单据张数 */
  attachments: number;
  status: VoucherStatus;
  lines: VoucherLine[];
  /** Sum of the debits (equal to the credits). */
  totalFen: number;
  draftedBy: string;
  draftedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string;
  entryId: number | null;
  entryNumber: string | null;
  permissions: VoucherPermissions;
}

const moneyEntry = (what: string) =>
  z
    .object({
      date: isoDate,
      /** The income or expense account: the source of the money or what it was spent on. */
      accountId: id,
      fundId: id,
      method: z.enum(PAYMENT_METHODS, `请选择${what}方式`),
      /** The cash or bank account; the first active of the method's kind when null. */
      moneyAccountId: id.nullable().default(null),
      amountFen: amount(`${what}金额`),
      memo,
    })
    .strict();

export const voucherChannels = {
  'vouchers.income': channel<JournalEntry>()({
    title: '登记其他收入（上级补助、拨款、利息等）',
    input: moneyEntry('收款'),
    access: FINANCE,
    kind: 'write',
  }),
  'vouchers.expense': channel<JournalEntry>()({
    title: '登记费用支出（手续费等）',
    input: moneyEntry('付款'),
    access: FINANCE,
    kind: 'write',
  }),
  'vouchers.transfer': channel<JournalEntry>()({
    title: '提现/存现',
    input: z
      .object({
        date: isoDate,
        fundId: id,
        direction: z.enum(TRANSFER_DIRECTIONS, '请选择提现还是存现'),
        cashAccountId: id.nullable().default(null),
        bankAccountId: id.nullable().default(null),
        amountFen: amount('金额'),
        memo: text('摘要', 100).default(''),
      })
      .strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'vouchers.draft': channel<Voucher>()({
    title: '填制记账凭证（待审核）',
    input: z
      .object({
        date: isoDate,
        memo,
        attachments: z.number('附单据张数必须是数字').int('附单据张数必须是整数').min(0, '附单据张数不能为负').max(99, '附单据最多 99 张').default(0),
        lines: z
          .array(
            z
              .object({
                accountId: id,
                fundId: id,
                summary: text('分录摘要', 60).default(''),
                debitFen: fen('借方金额'),
                creditFen: fen('贷方金额'),
              })
              .strict(),
            '请填写凭证分录',
          )
          .min(2, '一张凭证至少要有两行（借方和贷方）')
          .max(VOUCHER_MAX_LINES, `一张凭证最多 ${VOUCHER_MAX_LINES} 行，请分开填制`),
      })
      .strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'vouchers.list': channel<Paged<Voucher>>()({
    title: '记账凭证（审核）列表',
    input: z.object({ page, pageSize, status: z.enum(VOUCHER_STATUSES, '凭证状态不正确').optional() }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'vouchers.approve': channel<Voucher>()({
    title: '审核通过记账凭证并记账',
    input: z.object({ id, comment: text('审核意见', 500).default('') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'vouchers.reject': channel<Voucher>()({
    title: '退回记账凭证',
    input: z.object({ id, comment: text('退回原因', 500).min(2, '请写明退回原因') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'vouchers.withdraw': channel<Voucher>()({
    title: '撤回记账凭证',
    input: z.object({ id, reason: text('撤回原因', 500).min(2, '请写明撤回原因') }).strict(),
    access: FINANCE,
    kind: 'write',
  }),
  'vouchers.print': channel<PdfFile>()({
    title: '打印记账凭证（草稿或已记账）',
    input: z.object({ id }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
  'vouchers.printEntry': channel<PdfFile>()({
    title: '打印已记账凭证',
    input: z.object({ entryId: id }).strict(),
    access: BOOK_READERS,
    kind: 'read',
  }),
} as const;
