import { Alert, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TrialBalanceRow } from '../../../../shared/contract/ledger';
import { ACCOUNT_KIND_LABELS, type AccountKind } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { MonthPicker, Yuan, monthLabel } from './financeLabels';

/** A balance shown with its side: 借 for cash, bank and expense, 贷 for income (as the books read). */
export function SidedBalance({ fen }: { fen: number }) {
  if (fen === 0) return <Yuan fen={0} />;
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{fen > 0 ? '借' : '贷'}</Typography.Text>
      <Yuan fen={Math.abs(fen)} />
    </Space>
  );
}

/** 试算平衡表: every account's debits and credits up to the end of the month; the totals must agree. */
export function TrialBalanceTab({ month, onMonth, version }: { month: string; onMonth(m: string): void; version: number }) {
  const [rows, setRows] = useState<TrialBalanceRow[]>([]);
  const { busy, run } = useAction();

  useEffect(() => {
    void run(() => invoke('ledger.trialBalance', { month })).then((r) => r && setRows(r));
  }, [month, run, version]);

  const debits = rows.reduce((s, r) => s + r.debitFen, 0);
  const credits = rows.reduce((s, r) => s + r.creditFen, 0);
  const balanced = debits === credits;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <MonthPicker value={month} onChange={onMonth} testId="trial-month" />
        <Typography.Text type="secondary">截至{monthLabel(month)}末的累计发生额</Typography.Text>
      </Space>
      {!busy && rows.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type={balanced ? 'success' : 'error'}
          showIcon
          data-testid="trial-result"
          title={balanced ? `借贷平衡：借方、贷方累计均为 ${formatYuan(debits)}` : `借贷不平衡：相差 ${formatYuan(debits - credits)}，请立即检查凭证`}
        />
      )}
      <Table<TrialBalanceRow>
        rowKey="accountId"
        size="middle"
        loading={busy}
        dataSource={rows}
        pagination={false}
        data-testid="trial-table"
        columns={[
          { title: '科目编码', dataIndex: 'code', width: 110, render: (c: string) => <span style={{ fontFamily: 'monospace' }}>{c}</span> },
          { title: '科目名称', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kind', width: 110, render: (k: AccountKind) => ACCOUNT_KIND_LABELS[k] },
          { title: '借方累计', dataIndex: 'debitFen', align: 'right', width: 160, render: (f: number) => <Yuan fen={f} /> },
          { title: '贷方累计', dataIndex: 'creditFen', align: 'right', width: 160, render: (f: number) => <Yuan fen={f} /> },
          { title: '余额', key: 'balance', align: 'right', width: 170, render: (_, r) => <SidedBalance fen={r.debitFen - r.creditFen} /> },
        ]}
        summary={() => (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0} colSpan={3}>
              合计
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Yuan fen={debits} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Yuan fen={credits} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <SidedBalance fen={debits - credits} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
