import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DONATION_SORTS, type Donation, type DonationSort } from '../../../../shared/contract/ledger';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { DateRangeFilter, type DayRange } from '../../components/DateRangeFilter';
import { useExportXlsx } from '../../components/ExportXlsxButton';
import { columnOrder, nextSort, type ServerSort } from '../../components/serverSort';
import { useHotkey } from '../../components/useHotkey';
import { useServerMonth } from '../../components/useServerToday';
import { hasRole, useSession } from '../../session';
import { DonationModal } from './DonationModal';
import { FINANCE, MonthPicker, ReceiptNumbers, Yuan, issuedReceipt, monthLabel } from './financeLabels';
import { useReceiptDesk } from './ReceiptDesk';

const DEFAULT_SORT: ServerSort<DonationSort> = { sort: 'date', order: 'desc' };

/** Opens on the program's current month (where today's donations land), not the PC clock's. */
export function DonationsPage() {
  const month = useServerMonth();
  return month ? <DonationsList openingMonth={month} /> : <Card title="捐款登记" loading />;
}

function DonationsList({ openingMonth }: { openingMonth: string }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const canWrite = hasRole(user, FINANCE);
  const [month, setMonth] = useState(openingMonth);
  const [all, setAll] = useState(false);
  const [range, setRange] = useState<DayRange>({});
  const [order, setOrder] = useState<ServerSort<DonationSort>>(DEFAULT_SORT);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [rows, setRows] = useState<Donation[]>([]);
  const [total, setTotal] = useState(0);
  const [formOpen, setFormOpen] = useState(false);
  const { busy, run } = useAction();

  // One filter for the list and its workbook: a picked date range replaces the month.
  const ranged = range.from !== undefined || range.to !== undefined;
  const query = useMemo(() => ({ ...(all || ranged ? {} : { month }), ...range, ...order }), [all, ranged, month, range, order]);
  const exporter = useExportXlsx((jobId) => invoke('ledger.donationsXlsx', { ...query, jobId }), 'donation-export');
  const load = useCallback(() => {
    void run(() => invoke('ledger.donations', { ...page, ...query })).then((r) => {
      if (r) (setRows(r.rows), setTotal(r.total));
    });
  }, [run, page, query]);
  useEffect(load, [load]);

  const desk = useReceiptDesk(load, canWrite);

  useHotkey({ key: 'n', alt: true }, () => setFormOpen(true), canWrite);

  const monthTotal = rows.reduce((s, d) => s + d.amountFen, 0);

  return (
    <Card
      title="捐款登记"
      extra={
        canWrite && (
          <Tooltip title="快捷键 Alt+N">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} data-testid="donation-new">
              登记捐款 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+N</Typography.Text>
            </Button>
          </Tooltip>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <MonthPicker
          value={month}
          onChange={(m) => {
            setMonth(m);
            setAll(false);
            setRange({});
            setPage((p) => ({ ...p, page: 1 }));
          }}
          testId="donation-month"
        />
        <Checkbox
          checked={all}
          onChange={(e) => {
            setAll(e.target.checked);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        >
          显示全部月份
        </Checkbox>
        <DateRangeFilter
          label="捐赠日期"
          testId="donation-range"
          value={range}
          onChange={(r) => {
            setRange(r);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        {exporter.button}
        {!all && !ranged && total > 0 && total <= page.pageSize && (
          <Typography.Text type="secondary">
            {monthLabel(month)}共 {total} 笔，合计 <Yuan fen={monthTotal} strong />
          </Typography.Text>
        )}
      </Space>
      {exporter.progress}
      <Table<Donation>
        rowKey="id"
        size="middle"
        loading={busy}
        dataSource={rows}
        data-testid="donation-table"
        locale={{ emptyText: ranged ? '所选日期内没有捐款登记' : all ? '还没有捐款登记' : `${monthLabel(month)}没有捐款登记` }}
        onRow={() => ({ 'data-testid': 'donation-row' }) as object}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 笔`,
        }}
        onChange={(p, _f, sorter, extra) => {
          if (extra.action === 'sort') (setOrder(nextSort(sorter, DONATION_SORTS, DEFAULT_SORT)), setPage({ ...page, page: 1 }));
          else setPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? page.pageSize });
        }}
        columns={[
          { title: '日期', dataIndex: 'date', key: 'date', sorter: true, sortOrder: columnOrder(order, 'date'), width: 110 },
          { title: '收据号', key: 'receipts', width: 230, render: (_, d) => <ReceiptNumbers receipts={d.receipts} /> },
          { title: '捐赠人', key: 'donor', render: (_, d) => d.donor.name },
          { title: '金额', dataIndex: 'amountFen', key: 'amount', sorter: true, sortOrder: columnOrder(order, 'amount'), align: 'right', width: 120, render: (f: number) => <Yuan fen={f} strong /> },
          { title: '方式', dataIndex: 'method', width: 80, render: (m: PaymentMethod) => PAYMENT_METHOD_LABELS[m] },
          { title: '资金来源', dataIndex: 'fundName', width: 100 },
          {
            title: '指定用途',
            dataIndex: 'designatedUse',
            ellipsis: { showTitle: true },
            render: (u: string) => u || <Typography.Text type="secondary">—</Typography.Text>,
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, d: Donation) => (
                    desk.actions(issuedReceipt(d.receipts))
                  ),
                },
              ]
            : []),
        ]}
      />

      <DonationModal
        open={formOpen}
        onCancel={() => setFormOpen(false)}
        onSaved={(d) => {
          setFormOpen(false);
          void message.success(`捐款已登记，收据 ${issuedReceipt(d.receipts)?.number ?? ''}`);
          // The list shows the month of the donation; the receipt opens at once.
          setAll(false);
          setRange({});
          setMonth(d.date.slice(0, 7));
          setPage((p) => ({ ...p, page: 1 }));
          const r = issuedReceipt(d.receipts);
          if (r) desk.print(r.id);
        }}
      />
      {desk.dialogs}
    </Card>
  );
}
