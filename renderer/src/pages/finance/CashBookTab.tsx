import { Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Account, CashBook, CashBookLine } from '../../../../shared/contract/ledger';
import { ACCOUNT_KIND_LABELS } from '../../../../shared/ledger';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { MonthPicker, Yuan, monthLabel } from './financeLabels';

type Row = CashBookLine & { key: string; kind?: 'opening' | 'total' };

/** 现金/银行日记账: one money account in a month, line by line with the running balance. */
export function CashBookTab({ accounts, month, onMonth, version }: { accounts: Account[]; month: string; onMonth(m: string): void; version: number }) {
  const money = accounts.filter((a) => a.kind === 'cash' || a.kind === 'bank');
  const [accountId, setAccountId] = useState<number | undefined>(undefined);
  const [book, setBook] = useState<CashBook | null>(null);
  const { busy, run } = useAction();
  const chosen = accountId ?? money[0]?.id;

  useEffect(() => {
    if (!chosen) return;
    void run(() => invoke('ledger.cashBook', { accountId: chosen, month })).then((b) => b && setBook(b));
  }, [chosen, month, run, version]);

  const rows: Row[] = book
    ? [
        { key: 'opening', kind: 'opening', date: `${month}-01`, entryId: 0, entryNumber: '', memo: '期初余额', fundName: '', debitFen: 0, creditFen: 0, balanceFen: book.openingFen },
        ...book.lines.map((l, i) => ({ ...l, key: String(i) })),
        {
          key: 'total',
          kind: 'total',
          date: '',
          entryId: 0,
          entryNumber: '',
          memo: '本月合计 / 期末余额',
          fundName: '',
          debitFen: book.lines.reduce((s, l) => s + l.debitFen, 0),
          creditFen: book.lines.reduce((s, l) => s + l.creditFen, 0),
          balanceFen: book.closingFen,
        },
      ]
    : [];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number>
          aria-label="账户"
          style={{ width: 220 }}
          value={chosen}
          onChange={setAccountId}
          data-testid="cashbook-account"
          options={money.map((a) => ({ value: a.id, label: `${a.code} ${a.name}（${ACCOUNT_KIND_LABELS[a.kind]}）` }))}
        />
        <MonthPicker value={month} onChange={onMonth} testId="cashbook-month" />
        {book && (
          <Typography.Text type="secondary">
            {book.accountName} {monthLabel(month)}：期初 <Yuan fen={book.openingFen} />，期末 <Yuan fen={book.closingFen} strong />
          </Typography.Text>
        )}
      </Space>
      <Table<Row>
        rowKey="key"
        size="middle"
        loading={busy}
        dataSource={rows}
        pagination={false}
        data-testid="cashbook-table"
        onRow={(r) => ({ style: r.kind ? { background: '#fafafa', fontWeight: 600 } : undefined })}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110, render: (d: string, r) => (r.kind === 'total' ? '' : d) },
          { title: '凭证号', dataIndex: 'entryNumber', width: 150, render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
          { title: '摘要', dataIndex: 'memo' },
          { title: '资金来源', dataIndex: 'fundName', width: 120 },
          { title: '收入（借方）', dataIndex: 'debitFen', align: 'right', width: 140, render: (f: number, r) => (f || r.kind === 'total' ? <Yuan fen={f} /> : '') },
          { title: '支出（贷方）', dataIndex: 'creditFen', align: 'right', width: 140, render: (f: number, r) => (f || r.kind === 'total' ? <Yuan fen={f} /> : '') },
          { title: '余额', dataIndex: 'balanceFen', align: 'right', width: 150, render: (f: number) => <Yuan fen={f} strong danger={f < 0} /> },
        ]}
      />
    </>
  );
}
