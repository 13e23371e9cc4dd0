import type { z } from 'zod';
import { Form, Space, Tag, Tooltip, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { Fund, ReceiptView } from '../../../../shared/contract/ledger';
import { localDateTime } from '../../../../shared/dates';
import { FUND_SOURCE_LABELS } from '../../../../shared/ledger';
import { fenToCapitals, formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORY_LABELS } from '../../../../shared/relief';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useServerMonth } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';
import { currentPath } from '../../router';

export const BOOK_READERS = ['finance', 'director', 'chair'] as const;
export const FINANCE = ['finance'] as const;

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
/** '#/finance/close?month=2026-03' (the dashboard's reminder, links between the pages): a well-formed month, or null. */
export function monthFromQuery(): string | null {
  const q = currentPath().split('?')[1];
  const m = q ? new URLSearchParams(q).get('month') : null;
  return m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : null;
}
/** '2026-03' → '2026年3月' (the one shared helper) */
export { monthLabel } from '../../../../shared/months';
export const dateTime = (iso: string) => localDateTime(new Date(iso));

/** Money in a table cell or a sentence: ¥1,234.56, digits lined up. */
export function Yuan({ fen, testId, strong, danger }: { fen: number; testId?: string; strong?: boolean; danger?: boolean }) {
  return (
    <Typography.Text strong={strong} type={danger ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatYuan(fen)}
    </Typography.Text>
  );
}

/** A month picker speaking 'YYYY-MM'; months after the program's current one cannot be picked. */
export function MonthPicker({ value, onChange, testId, allowFuture }: { value: string; onChange(month: string): void; testId?: string; allowFuture?: boolean }) {
  const latest = useServerMonth();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${value}-01`)}
      format="YYYY年M月"
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      disabledDate={allowFuture || !latest ? undefined : (d) => d.format('YYYY-MM') > latest}
      data-testid={testId}
      aria-label="月份"
      style={{ width: 140 }}
    />
  );
}

/** MoneyInput inside a wrapper that carries the test id (the input is inside it); Form.Item's props pass through. */
export function MoneyField({ testId, ...props }: { testId: string; value?: number; onChange?(fen: number | undefined): void; id?: string; disabled?: boolean; 'aria-label'?: string }) {
  return (
    <span data-testid={testId} style={{ display: 'inline-block' }}>
      <MoneyInput {...props} />
    </span>
  );
}

/**
 * The 金额 item of a finance form: required, checked by the contract's own rule, with the 大写 shown
 * below only for a positive amount (a refused one is never written out as 负…).
 */
export function AmountItem(p: { rule: z.ZodType; what: string; example: string; amountFen: number | undefined; testId: string; capitalsTestId?: string }) {
  return (
    <Form.Item
      label="金额"
      name="amountFen"
      required
      validateFirst
      rules={[
        {
          validator: async (_r, v?: number) => {
            if (v === undefined) throw new Error(`请填写正确的${p.what}，如 ${p.example}`);
          },
        },
        zodRule(p.rule),
      ]}
      extra={p.amountFen !== undefined && p.amountFen > 0 ? <span data-testid={p.capitalsTestId}>大写：人民币{fenToCapitals(p.amountFen)}</span> : undefined}
    >
      <MoneyField testId={p.testId} />
    </Form.Item>
  );
}

/** '单位捐赠（余额 ¥5,000.00）', with the purpose of earmarked money (专款专用). */
export function fundOption(f: Fund) {
  return {
    value: f.id,
    label: `${f.name}${f.purpose ? `【专款：${RELIEF_CATEGORY_LABELS[f.purpose]}】` : ''}（余额 ${formatYuan(f.balanceFen)}）`,
    disabled: !f.active,
  };
}

export function FundPurpose({ fund }: { fund: Pick<Fund, 'purpose' | 'source'> }) {
  return fund.purpose ? (
    <Tag color="orange">专款：{RELIEF_CATEGORY_LABELS[fund.purpose]}</Tag>
  ) : (
    <Typography.Text type="secondary">{FUND_SOURCE_LABELS[fund.source]}（不限用途）</Typography.Text>
  );
}

/** Every number a source has had: the issued one plainly, voided ones struck through with their reason. */
export function ReceiptNumbers({ receipts }: { receipts: ReceiptView[] }) {
  return (
    <Space orientation="vertical" size={0}>
      {receipts.map((r) =>
        r.status === 'void' ? (
          <Tooltip key={r.id} title={`已作废：${r.voidReason ?? ''}`}>
            <Typography.Text delete type="secondary" style={{ fontFamily: 'monospace' }} data-testid="receipt-number-void">
              {r.number}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Space key={r.id} size={4}>
            <Typography.Text style={{ fontFamily: 'monospace' }} data-testid="receipt-number">
              {r.number}
            </Typography.Text>
            {r.printCount > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                已打印 {r.printCount} 次
              </Typography.Text>
            ) : (
              <Tag color="gold">未打印</Tag>
            )}
          </Space>
        ),
      )}
    </Space>
  );
}

export const issuedReceipt = (receipts: ReceiptView[]) => receipts.find((r) => r.status === 'issued') ?? null;

/** Prints a receipt through the core (it counts the print; a later print is marked 补打) and holds the PDF for PdfPreview. */
export function useReceiptPrinter(onPrinted?: () => void) {
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const [printing, setPrinting] = useState(false);
  const print = useCallback(
    async (receiptId: number) => {
      setPrinting(true);
      try {
        setPdf(await invoke('ledger.printReceipt', { receiptId }));
        onPrinted?.();
        return true;
      } finally {
        setPrinting(false);
      }
    },
    [onPrinted],
  );
  return { pdf, printing, print, close: () => setPdf(null) };
}
