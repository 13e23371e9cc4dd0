import { WalletOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PAYMENT_SORTS, type PaymentSort, type ReliefPayment, type ToPayItem } from '../../../../shared/contract/ledger';
import { maskIdNumber } from '../../../../shared/idcard';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../../shared/relief';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { DateRangeFilter, type DayRange } from '../../components/DateRangeFilter';
import { useExportXlsx } from '../../components/ExportXlsxButton';
import { columnOrder, nextSort, type ServerSort } from '../../components/serverSort';
import { useServerMonth } from '../../components/useServerToday';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { maskBankCard } from '../files/fileLabels';
import { FINANCE, MonthPicker, ReceiptNumbers, Yuan, dateTime, monthLabel } from './financeLabels';
import { PayModal } from './PayModal';
import { useReceiptDesk } from './ReceiptDesk';

const DEFAULT_SORT: ServerSort<PaymentSort> = { sort: 'date', order: 'desc' };

/** Opens on the program's current month (where today's payments land), not the PC clock's. */
export function PayPage() {
  const month = useServerMonth();
  return month ? <PayDesk openingMonth={month} /> : <Card title="待发放救助" loading />;
}

function PayDesk({ openingMonth }: { openingMonth: string }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const canWrite = hasRole(user, FINANCE);
  const [toPay, setToPay] = useState<ToPayItem[]>([]);
  const [paid, setPaid] = useState<ReliefPayment[]>([]);
  const [month, setMonth] = useState(openingMonth);
  const [all, setAll] = useState(false);
  const [range, setRange] = useState<DayRange>({});
  const [order, setOrder] = useState<ServerSort<PaymentSort>>(DEFAULT_SORT);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [paidTotal, setPaidTotal] = useState(0);
  const [paying, setPaying] = useState<ToPayItem | null>(null);
  const list = useAction();
  const history = useAction();

  const loadToPay = useCallback(() => void list.run(() => invoke('ledger.toPay', {})).then((r) => r && setToPay(r)), [list.run]);
  // One filter for the list and its workbook: a picked date range replaces the month.
  const ranged = range.from !== undefined || range.to !== undefined;
  const query = useMemo(() => ({ ...(all || ranged ? {} : { month }), ...range, ...order }), [all, ranged, month, range, order]);
  const exporter = useExportXlsx((jobId) => invoke('ledger.paymentsXlsx', { ...query, jobId }), 'paid-export');
  const loadPaid = useCallback(
    () => void history.run(() => invoke('ledger.payments', { ...page, ...query })).then((r) => r && (setPaid(r.rows), setPaidTotal(r.total))),
    [history.run, page, query],
  );
  const firstPage = () => setPage((p) => ({ ...p, page: 1 }));
  useEffect(loadToPay, [loadToPay]);
  useEffect(loadPaid, [loadPaid]);

  const desk = useReceiptDesk(loadPaid, canWrite);
  const toPayTotal = toPay.reduce((s, i) => s + i.amountFen, 0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="待发放救助"
        extra={
          toPay.length > 0 && (
            <Typography.Text>
              共 {toPay.length} 笔，合计 <Yuan fen={toPayTotal} strong />
            </Typography.Text>
          )
        }
      >
        <Table<ToPayItem>
          rowKey="applicationId"
          size="middle"
          loading={list.busy}
          dataSource={toPay}
          pagination={false}
          data-testid="pay-table"
          locale={{ emptyText: '没有待发放的救助：审批通过（并公示期满）的救助会出现在这里' }}
          onRow={() => ({ 'data-testid': 'pay-row' }) as object}
          columns={[
            {
              title: '申请编号',
              dataIndex: 'number',
              width: 150,
              render: (n: string, r) => (
                <Typography.Link style={{ fontFamily: 'monospace' }} onClick={() => navigate(`/relief/${r.applicationId}`)}>
                  {n}
                </Typography.Link>
              ),
            },
            {
              title: '领款人',
              key: 'who',
              width: 190,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <span>{r.name}</span>
                  <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                    {maskIdNumber(r.idNumber)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '工作单位', dataIndex: 'workUnit' },
            { title: '救助类别', dataIndex: 'category', width: 130, render: (c: ReliefCategory) => RELIEF_CATEGORY_LABELS[c] },
            {
              title: '待发金额',
              dataIndex: 'amountFen',
              width: 150,
              align: 'right',
              render: (f: number, r) =>
                r.goodsFen > 0 ? (
                  <Space orientation="vertical" size={0} align="end">
                    <Yuan fen={f} strong />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pay-goods">
                      批准 {formatYuan(r.approvedFen)}，已发物资 {formatYuan(r.goodsFen)}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Yuan fen={f} strong />
                ),
            },
            {
              title: '银行卡',
              key: 'card',
              width: 230,
              render: (_, r) => (r.bankCard ? `${r.bankName} ${maskBankCard(r.bankCard)}` : <Typography.Text type="secondary">未登记（只能现金）</Typography.Text>),
            },
            ...(canWrite
              ? [
                  {
                    title: '操作',
                    key: 'pay',
                    width: 90,
                    render: (_: unknown, r: ToPayItem) => (
                      <Button type="primary" size="small" icon={<WalletOutlined />} onClick={() => setPaying(r)} data-testid="pay-open">
                        发放
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card
        title="发放记录"
        extra={
          <Space>
            <MonthPicker value={month} onChange={(m) => (setMonth(m), setAll(false), setRange({}), firstPage())} testId="paid-month" />
            <Checkbox checked={all} onChange={(e) => (setAll(e.target.checked), firstPage())}>
              显示全部月份
            </Checkbox>
            <DateRangeFilter label="发放日期" testId="paid-range" value={range} onChange={(r) => (setRange(r), firstPage())} />
            {exporter.button}
          </Space>
        }
      >
        {exporter.progress}
        <Table<ReliefPayment>
          rowKey="id"
          size="middle"
          loading={history.busy}
          dataSource={paid}
          pagination={{ current: page.page, pageSize: page.pageSize, total: paidTotal, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 笔` }}
          onChange={(p, _f, sorter, extra) => {
            if (extra.action === 'sort') (setOrder(nextSort(sorter, PAYMENT_SORTS, DEFAULT_SORT)), firstPage());
            else setPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? page.pageSize });
          }}
          data-testid="paid-table"
          locale={{ emptyText: ranged ? '所选日期内没有发放记录' : all ? '还没有发放记录' : `${monthLabel(month)}没有发放记录` }}
          onRow={() => ({ 'data-testid': 'paid-row' }) as object}
          summary={(rows) =>
            rows.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  <Typography.Text strong>合计</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <Yuan fen={rows.reduce((s, r) => s + r.amountFen, 0)} strong />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} colSpan={canWrite ? 4 : 3} />
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            { title: '发放时间', dataIndex: 'paidAt', key: 'date', sorter: true, sortOrder: columnOrder(order, 'date'), width: 135, render: (at: string) => dateTime(at) },
            { title: '凭证号', key: 'receipt', width: 230, render: (_, p) => <ReceiptNumbers receipts={[p.receipt]} /> },
            { title: '领款人', dataIndex: 'name', key: 'who', width: 100 },
            {
              title: '申请编号',
              dataIndex: 'applicationNumber',
              key: 'number',
              sorter: true,
              sortOrder: columnOrder(order, 'number'),
              width: 150,
              render: (n: string, p) => (
                <Typography.Link style={{ fontFamily: 'monospace' }} onClick={() => navigate(`/relief/${p.applicationId}`)}>
                  {n}
                </Typography.Link>
              ),
            },
            { title: '金额', dataIndex: 'amountFen', key: 'amount', sorter: true, sortOrder: columnOrder(order, 'amount'), width: 110, align: 'right', render: (f: number) => <Yuan fen={f} strong /> },
            { title: '方式', dataIndex: 'method', width: 80, render: (m: PaymentMethod) => PAYMENT_METHOD_LABELS[m] },
            { title: '资金来源', dataIndex: 'fundName', width: 120 },
            {
              title: '状态',
              dataIndex: 'reversed',
              key: 'status',
              sorter: true,
              sortOrder: columnOrder(order, 'status'),
              width: 90,
              render: (reversed: boolean) => (reversed ? <Tag data-testid="paid-status">已冲销</Tag> : <Tag color="green" data-testid="paid-status">已发放</Tag>),
            },
            ...(canWrite
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 200,
                    render: (_: unknown, p: ReliefPayment) => desk.actions(p.receipt.status === 'issued' ? p.receipt : null),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <PayModal
        item={paying}
        onCancel={() => setPaying(null)}
        onPaid={(p) => {
          setPaying(null);
          void message.success(`已发放 ${p.name} 的救助金，领取凭证 ${p.receipt.number}`);
          loadToPay();
          setAll(false);
          setRange({});
          firstPage();
          setMonth(p.date.slice(0, 7));
          loadPaid();
          desk.print(p.receipt.id);
        }}
      />
      {desk.dialogs}
    </Space>
  );
}
