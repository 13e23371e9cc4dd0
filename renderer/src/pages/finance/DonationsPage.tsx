import { PlusOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ledgerChannels, type Donation, type ReceiptView } from '../../../../shared/contract/ledger';
import { formatChineseDate } from '../../../../shared/dates';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { hasRole, useSession } from '../../session';
import { ReasonModal } from '../files/ReasonModal';
import { DonationModal } from './DonationModal';
import { FINANCE, MonthPicker, ReceiptNumbers, Yuan, issuedReceipt, monthLabel, thisMonth, useReceiptPrinter } from './financeLabels';

const VOID_REASON = ledgerChannels['ledger.voidReceipt'].input.shape.reason;

/** The receipt buttons of a donation or a payment: 打印收据 (补打 after the first) and 作废重开. */
export function ReceiptActions({
  receipt,
  canWrite,
  busy,
  onPrint,
  onVoid,
}: {
  receipt: ReceiptView | null;
  canWrite: boolean;
  busy: boolean;
  onPrint(r: ReceiptView): void;
  onVoid(r: ReceiptView): void;
}) {
  if (!receipt || !canWrite) return null;
  return (
    <Space size={4}>
      <Button size="small" icon={<PrinterOutlined />} loading={busy} onClick={() => onPrint(receipt)} data-testid="receipt-print">
        {receipt.printCount > 0 ? '补打收据' : '打印收据'}
      </Button>
      <Tooltip title="收据填错或损坏：原号作废留存，给同一笔款开新号">
        <Button size="small" danger icon={<StopOutlined />} onClick={() => onVoid(receipt)} data-testid="receipt-void">
          作废重开
        </Button>
      </Tooltip>
    </Space>
  );
}

export function DonationsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const canWrite = hasRole(user, FINANCE);
  const [month, setMonth] = useState(thisMonth);
  const [all, setAll] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [rows, setRows] = useState<Donation[]>([]);
  const [total, setTotal] = useState(0);
  const [formOpen, setFormOpen] = useState(false);
  const [voiding, setVoiding] = useState<ReceiptView | null>(null);
  const { busy, run } = useAction();
  const printing = useAction();

  const load = useCallback(() => {
    void run(() => invoke('ledger.donations', { ...page, ...(all ? {} : { month }) })).then((r) => {
      if (r) (setRows(r.rows), setTotal(r.total));
    });
  }, [run, page, month, all]);
  useEffect(load, [load]);

  const printer = useReceiptPrinter(load);
  const print = (receiptId: number) => void printing.run(() => printer.print(receiptId));

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
        {!all && total > 0 && total <= page.pageSize && (
          <Typography.Text type="secondary">
            {monthLabel(month)}共 {total} 笔，合计 <Yuan fen={monthTotal} strong />
          </Typography.Text>
        )}
      </Space>
      <Table<Donation>
        rowKey="id"
        size="middle"
        loading={busy}
        dataSource={rows}
        scroll={{ x: 1100 }}
        data-testid="donation-table"
        locale={{ emptyText: all ? '还没有捐款登记' : `${monthLabel(month)}没有捐款登记` }}
        onRow={() => ({ 'data-testid': 'donation-row' }) as object}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 笔`,
        }}
        onChange={(p) => setPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? page.pageSize })}
        columns={[
          { title: '日期', dataIndex: 'date', width: 130, render: (d: string) => formatChineseDate(d) },
          { title: '收据号', key: 'receipts', width: 250, render: (_, d) => <ReceiptNumbers receipts={d.receipts} /> },
          { title: '捐赠人', key: 'donor', render: (_, d) => d.donor.name },
          { title: '金额', dataIndex: 'amountFen', align: 'right', width: 130, render: (f: number) => <Yuan fen={f} strong /> },
          { title: '方式', dataIndex: 'method', width: 90, render: (m: PaymentMethod) => PAYMENT_METHOD_LABELS[m] },
          { title: '资金来源', dataIndex: 'fundName', width: 120 },
          { title: '指定用途', dataIndex: 'designatedUse', render: (u: string) => u || <Typography.Text type="secondary">—</Typography.Text> },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 210,
                  fixed: 'right' as const,
                  render: (_: unknown, d: Donation) => (
                    <ReceiptActions receipt={issuedReceipt(d.receipts)} canWrite busy={printing.busy} onPrint={(r) => print(r.id)} onVoid={setVoiding} />
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
          setMonth(d.date.slice(0, 7));
          setPage((p) => ({ ...p, page: 1 }));
          load();
          const r = issuedReceipt(d.receipts);
          if (r) print(r.id);
        }}
      />
      <ReasonModal
        open={voiding !== null}
        title={`作废收据 ${voiding?.number ?? ''}`}
        intro={
          <Typography.Paragraph type="secondary">
            原收据号作废后留档，不再使用；系统为同一笔款开出下一个收据号并打开新收据。请收回原收据并注明“作废”。
          </Typography.Paragraph>
        }
        reasonLabel="作废原因"
        reasonSchema={VOID_REASON}
        okText="作废并重开"
        confirmTitle="作废后原号不能恢复，确定吗？"
        danger
        busy={busy}
        testId="void-dialog"
        onCancel={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          const next = await run(() => invoke('ledger.voidReceipt', { receiptId: voiding!.id, reason }), `已作废 ${voiding!.number}`);
          if (!next) return false;
          setVoiding(null);
          load();
          print(next.id);
          return true;
        }}
      />
      <PdfPreview pdf={printer.pdf} onClose={printer.close} />
    </Card>
  );
}
