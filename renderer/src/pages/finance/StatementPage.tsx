import { FileExcelOutlined, LockOutlined, PrinterOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { StatementBalancedLine, StatementFundOnScreen, StatementLinePage, StatementOnScreen } from '../../../../shared/contract/ledger';
import type { StockLedgerRow } from '../../../../shared/contract/materials';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { PdfPreview } from '../../components/PdfPreview';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { useAction } from '../../components/useAction';
import { useOpeningMonth } from '../../components/useOpeningMonth';
import { navigate } from '../../router';
import { MonthPicker, Yuan, monthFromQuery, monthLabel } from './financeLabels';

const PAGE_SIZE = 50;

/**
 * A fund's lines, a page at a time from the program (a busy month is tens of thousands of lines): page 1
 * comes with the statement, later pages on asking. Each line's 余额 is the fund's money after it.
 */
function Lines({ month, fund }: { month: string; fund: StatementFundOnScreen }) {
  const [shown, setShown] = useState<StatementLinePage>(fund);
  const { busy, run } = useAction();
  useEffect(() => setShown(fund), [fund]);
  const turn = (page: number, pageSize: number) =>
    void run(() => invoke('ledger.statementLines', { month, fundId: fund.fundId, page, pageSize })).then((p) => p && setShown(p));
  return (
    <Table<StatementBalancedLine>
      size="small"
      rowKey={(_, i) => `${shown.page}-${i}`}
      loading={busy}
      dataSource={shown.lines}
      pagination={{
        current: shown.page,
        pageSize: shown.pageSize,
        total: shown.lineCount,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => `共 ${n} 笔`,
        onChange: turn,
      }}
      data-testid="statement-lines"
      locale={{ emptyText: '本月没有收支' }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 110 },
        { title: '凭证号', dataIndex: 'entryNumber', width: 150, render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
        { title: '摘要', dataIndex: 'memo' },
        { title: '账户', dataIndex: 'accountName', width: 110 },
        { title: '收入', dataIndex: 'receiptFen', align: 'right', width: 140, render: (f: number) => (f ? <Yuan fen={f} /> : '') },
        { title: '支出', dataIndex: 'paymentFen', align: 'right', width: 140, render: (f: number) => (f ? <Yuan fen={f} /> : '') },
        { title: '余额', dataIndex: 'balanceFen', align: 'right', width: 150, render: (f: number) => <Yuan fen={f} danger={f < 0} testId="statement-line-balance" /> },
      ]}
    />
  );
}

/** A stock figure: quantity with its unit, and its estimated value below. */
function Qty({ qty, unit, fen }: { qty: number; unit: string; fen: number }) {
  return (
    <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
      <span>
        {qty} {unit}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Yuan fen={fen} />
      </Typography.Text>
    </Space>
  );
}

/** 月度收支明细表: per fund, opening, received, paid, closing, with the lines behind; printed and exported for the 5th. */
export function StatementPage() {
  const opening = useOpeningMonth(monthFromQuery());
  return opening ? <StatementView openingMonth={opening} /> : <Card title="月度收支明细表" loading />;
}

function StatementView({ openingMonth }: { openingMonth: string }) {
  const [month, setMonth] = useState(openingMonth);
  const [statement, setStatement] = useState<StatementOnScreen | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const { busy, run } = useAction();
  const printing = useAction();
  const exporting = useAction();
  // A busy month runs to hundreds of pages: the program lays it out on its worker thread and reports progress.
  const printJob = useJobProgress();
  const exportJob = useJobProgress();

  const load = useCallback(() => void run(() => invoke('ledger.statement', { month, pageSize: PAGE_SIZE })).then((s) => s && setStatement(s)), [month, run]);
  useEffect(load, [load]);

  const print = () => void printing.run(() => printJob.track((jobId) => invoke('ledger.statementPdf', { month, jobId }))).then((p) => p && setPdf(p));
  const exportXlsx = () =>
    void exporting.run(() => exportJob.track((jobId) => invoke('ledger.statementXlsx', { month, jobId }))).then((f) => {
      if (f) downloadFile(f);
    });

  const t = statement?.totals;

  return (
    <Card
      title="月度收支明细表"
      extra={
        <Space>
          <Button icon={<PrinterOutlined />} loading={printing.busy} onClick={print} data-testid="statement-print">
            打印
          </Button>
          <Button icon={<FileExcelOutlined />} loading={exporting.busy} onClick={exportXlsx} data-testid="statement-xlsx">
            导出 Excel
          </Button>
        </Space>
      }
    >
      <JobProgressBar progress={printJob.progress} label="生成明细表 PDF" />
      <JobProgressBar progress={exportJob.progress} label="导出 Excel" />
      <Space wrap style={{ marginBottom: 16 }}>
        <MonthPicker value={month} onChange={setMonth} testId="statement-month" />
        {statement &&
          (statement.closed ? (
            <Tag icon={<LockOutlined />} color="green">
              已结账
            </Tag>
          ) : (
            <Tag icon={<UnlockOutlined />} color="orange">
              未结账
            </Tag>
          ))}
        <Typography.Text type="secondary">每月 5 日前报出上月明细表；各项资金的现金与银行存款收支，点击行展开明细。</Typography.Text>
      </Space>
      {statement && !statement.closed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${monthLabel(month)}尚未结账，表中数字仍可能变动。`}
          action={
            <Button size="small" onClick={() => navigate(`/finance/close?month=${month}`)}>
              去结账
            </Button>
          }
        />
      )}
      <Table<StatementFundOnScreen>
        rowKey="fundId"
        size="middle"
        loading={busy}
        dataSource={statement?.funds ?? []}
        pagination={false}
        data-testid="statement-table"
        locale={{ emptyText: `${monthLabel(month)}各项资金均无余额和收支` }}
        expandable={{ expandedRowRender: (f) => <Lines month={statement?.month ?? month} fund={f} />, expandRowByClick: true, rowExpandable: (f) => f.lineCount > 0 }}
        onRow={() => ({ 'data-testid': 'statement-row', style: { cursor: 'pointer' } }) as object}
        columns={[
          { title: '资金来源', dataIndex: 'fundName' },
          { title: '期初余额', dataIndex: 'openingFen', align: 'right', width: 160, render: (f: number) => <Yuan fen={f} /> },
          { title: '本月收入', dataIndex: 'receiptsFen', align: 'right', width: 160, render: (f: number) => <Yuan fen={f} /> },
          { title: '本月支出', dataIndex: 'paymentsFen', align: 'right', width: 160, render: (f: number) => <Yuan fen={f} /> },
          { title: '期末余额', dataIndex: 'closingFen', align: 'right', width: 160, render: (f: number) => <Yuan fen={f} strong danger={f < 0} /> },
        ]}
        summary={() =>
          t ? (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                <Table.Summary.Cell index={0} colSpan={2}>
                  合计
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Yuan fen={t.openingFen} strong testId="statement-total-opening" />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Yuan fen={t.receiptsFen} strong testId="statement-total-receipts" />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <Yuan fen={t.paymentsFen} strong testId="statement-total-payments" />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <Yuan fen={t.closingFen} strong testId="statement-total-closing" />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      {(statement?.materials ?? []).length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            物资收发存
          </Typography.Title>
          <Table<StockLedgerRow>
            rowKey={(r) => `${r.itemId}-${r.locationId}`}
            size="small"
            dataSource={statement!.materials}
            pagination={false}
            data-testid="statement-materials"
            columns={[
              { title: '物资', dataIndex: 'itemName' },
              { title: '存放地点', dataIndex: 'locationName', width: 140 },
              { title: '期初', key: 'opening', align: 'right', width: 150, render: (_, r) => <Qty qty={r.openingQty} unit={r.unit} fen={r.openingFen} /> },
              { title: '本月入库', key: 'in', align: 'right', width: 150, render: (_, r) => <Qty qty={r.inQty} unit={r.unit} fen={r.inFen} /> },
              { title: '本月发出', key: 'out', align: 'right', width: 150, render: (_, r) => <Qty qty={r.outQty} unit={r.unit} fen={r.outFen} /> },
              { title: '期末', key: 'closing', align: 'right', width: 150, render: (_, r) => <Qty qty={r.closingQty} unit={r.unit} fen={r.closingFen} /> },
            ]}
          />
        </>
      )}
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </Card>
  );
}
