import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { StockLedger, StockLedgerRow } from '../../../../shared/contract/materials';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { useOpeningMonth } from '../../components/useOpeningMonth';
import { MonthPicker, monthFromQuery } from '../finance/financeLabels';
import { Qty, Yuan, monthLabel } from './materialsLabels';

/** 物资收发存月报: per item and place, opening, in, out and closing — quantities and estimated values. */
export function LedgerPage() {
  const opening = useOpeningMonth(monthFromQuery());
  return opening ? <LedgerView openingMonth={opening} /> : <Card title="物资收发存月报" loading />;
}

function LedgerView({ openingMonth }: { openingMonth: string }) {
  const [month, setMonth] = useState(openingMonth);
  const [ledger, setLedger] = useState<StockLedger | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const { busy, run } = useAction();
  const files = useAction();
  const fileJob = useJobProgress();

  const load = useCallback(() => {
    void run(() => invoke('materials.ledger', { month })).then((r) => r && setLedger(r));
  }, [run, month]);
  useEffect(load, [load]);

  const print = () => void files.run(() => fileJob.track((jobId) => invoke('materials.ledgerPdf', { month, jobId }))).then((p) => p && setPdf(p));
  const exportXlsx = () => void files.run(() => fileJob.track((jobId) => invoke('materials.ledgerXlsx', { month, jobId })), '已导出 Excel').then((f) => f && downloadFile(f));
  useHotkey({ key: 'p', ctrl: true }, print);

  const rows = ledger?.month === month ? ledger.rows : [];
  const sum = (k: keyof StockLedgerRow) => rows.reduce((s, r) => s + (r[k] as number), 0);
  const qtyCol = (title: string, qty: keyof StockLedgerRow, fen: keyof StockLedgerRow, testId: string) => ({
    title,
    children: [
      {
        title: '数量',
        key: `${testId}-qty`,
        width: 68,
        align: 'right' as const,
        render: (_: unknown, r: StockLedgerRow) => <Qty n={r[qty] as number} testId={`ledger-${testId}`} />,
      },
      { title: '金额', key: `${testId}-fen`, width: 108, align: 'right' as const, render: (_: unknown, r: StockLedgerRow) => <Yuan fen={r[fen] as number} /> },
    ],
  });

  return (
    <Card
      title="物资收发存月报"
      extra={
        <Space>
          <Button icon={<PrinterOutlined />} loading={files.busy} onClick={print} data-testid="ledger-print">
            打印 <Typography.Text type="secondary" style={{ fontSize: 12 }}>Ctrl+P</Typography.Text>
          </Button>
          <Button icon={<FileExcelOutlined />} loading={files.busy} onClick={exportXlsx} data-testid="ledger-xlsx">
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <MonthPicker value={month} onChange={setMonth} testId="ledger-month" />
        <Typography.Text type="secondary">
          {monthLabel(month)}各物资在各存放地点的期初、入库、发出（含发放、调出、报损、盘亏）和期末；金额为估价。
        </Typography.Text>
      </Space>
      <JobProgressBar progress={fileJob.progress} label="生成月报文件" />
      <Table<StockLedgerRow>
        rowKey={(r) => `${r.itemId}-${r.locationId}`}
        size="middle"
        bordered
        loading={busy}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 980 }}
        data-testid="ledger-table"
        onRow={(r) => ({ 'data-testid': 'ledger-row', 'data-item': r.itemName, 'data-location': r.locationName }) as object}
        locale={{ emptyText: `${monthLabel(month)}没有物资收发记录，也没有结存` }}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>合计（金额）</Typography.Text>
              </Table.Summary.Cell>
              {(['openingFen', 'inFen', 'outFen', 'closingFen'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={3 + i * 2} colSpan={2} align="right">
                  <Yuan fen={sum(k)} strong testId={`ledger-total-${k}`} />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          { title: '物资', dataIndex: 'itemName', fixed: 'left', width: 110, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          { title: '单位', dataIndex: 'unit', width: 50 },
          { title: '存放地点', dataIndex: 'locationName' },
          qtyCol('期初结存', 'openingQty', 'openingFen', 'opening'),
          qtyCol('本月入库', 'inQty', 'inFen', 'in'),
          qtyCol('本月发出', 'outQty', 'outFen', 'out'),
          qtyCol('期末结存', 'closingQty', 'closingFen', 'closing'),
        ]}
      />
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </Card>
  );
}
