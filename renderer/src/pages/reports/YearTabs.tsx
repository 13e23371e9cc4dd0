import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Col, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FileDownload, PdfFile } from '../../../../shared/contract/define';
import type { IncomeExpenditureRow, YearSummary } from '../../../../shared/contract/reports';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { Yuan } from '../finance/financeLabels';
import { PetitionStatsPage } from '../petitions/PetitionStatsPage';

/** Year field (up to the program's year) with print and Excel buttons for a yearly report; the files are made on the jobs worker, with progress. */
function YearBar({ year, thisYear, onYear, pdf, xlsx, testId }: { year: number; thisYear: number; onYear?(y: number): void; pdf(jobId: string): Promise<PdfFile>; xlsx(jobId: string): Promise<FileDownload>; testId: string }) {
  const [preview, setPreview] = useState<PdfFile | null>(null);
  const printing = useAction();
  const exporting = useAction();
  const fileJob = useJobProgress();
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {onYear && <InputNumber aria-label="年份" min={2000} max={thisYear} value={year} onChange={(v) => v && onYear(v)} suffix="年" style={{ width: 120 }} data-testid={`${testId}-year`} />}
        <Button icon={<PrinterOutlined />} loading={printing.busy} onClick={() => void printing.run(() => fileJob.track(pdf)).then((p) => p && setPreview(p))} data-testid={`${testId}-print`}>
          打印{onYear ? '' : ` ${year} 年统计表`}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={exporting.busy} onClick={() => void exporting.run(() => fileJob.track(xlsx)).then((f) => f && downloadFile(f))} data-testid={`${testId}-xlsx`}>
          导出 Excel
        </Button>
        <PdfPreview pdf={preview} onClose={() => setPreview(null)} />
      </Space>
      <JobProgressBar progress={fileJob.progress} label="生成统计文件" />
    </>
  );
}

/** 来访统计 with its print and Excel export (the chart and table are the petitions page's own); `thisYear` is the program's. */
export function PetitionReportTab({ thisYear }: { thisYear: number }) {
  const year = thisYear;
  return (
    <>
      <YearBar year={year} thisYear={thisYear} pdf={(jobId) => invoke('reports.petitionsPdf', { year, jobId })} xlsx={(jobId) => invoke('reports.petitionsXlsx', { year, jobId })} testId="petitions-report" />
      <Typography.Paragraph type="secondary">打印和导出为本年度；查看往年请在下方切换年份。</Typography.Paragraph>
      <PetitionStatsPage />
    </>
  );
}

/** 年度汇总: the year's work and money in one view, opening on the program's year. */
export function YearSummaryTab({ thisYear }: { thisYear: number }) {
  const [year, setYear] = useState(thisYear);
  const [summary, setSummary] = useState<YearSummary | null>(null);
  const { busy, run } = useAction();
  const load = useCallback(() => void run(() => invoke('reports.yearSummary', { year })).then((s) => s && setSummary(s)), [year, run]);
  useEffect(load, [load]);
  const money: (IncomeExpenditureRow | { accountId: string; code: string; name: string; yearFen: number })[] = summary
    ? [
        ...summary.money.income,
        { accountId: 'income', code: '', name: '收入合计', yearFen: summary.money.incomeFen },
        ...summary.money.expense,
        { accountId: 'expense', code: '', name: '支出合计', yearFen: summary.money.expenseFen },
        { accountId: 'surplus', code: '', name: '收支结余', yearFen: summary.money.surplusFen },
      ]
    : [];
  return (
    <>
      <YearBar year={year} thisYear={thisYear} onYear={setYear} pdf={(jobId) => invoke('reports.yearSummaryPdf', { year, jobId })} xlsx={(jobId) => invoke('reports.yearSummaryXlsx', { year, jobId })} testId="year-summary" />
      {summary && (
        <>
          <Row gutter={[24, 16]} style={{ marginBottom: 16 }} data-testid="year-summary-figures">
            <Col><Statistic loading={busy} title="新建档案（户）" value={summary.files.created} /></Col>
            <Col><Statistic loading={busy} title="脱困退出（户）" value={summary.files.exited} /></Col>
            <Col><Statistic loading={busy} title="来访登记（件）" value={summary.petitions.received} /></Col>
            <Col><Statistic loading={busy} title="来访办结（件）" value={summary.petitions.closed} /></Col>
            <Col><Statistic loading={busy} title="救助发放（人次）" value={summary.relief.count} /></Col>
            <Col><Statistic loading={busy} title="救助金额" value={summary.relief.amountFen} formatter={(v) => <Yuan fen={Number(v)} />} /></Col>
            <Col><Statistic loading={busy} title="收到捐款" value={summary.donations.amountFen} formatter={(v) => <Yuan fen={Number(v)} />} /></Col>
          </Row>
          <Table
            rowKey="accountId"
            size="small"
            pagination={false}
            loading={busy}
            dataSource={money}
            title={() => <Typography.Text strong>收入支出（本年累计至{Number(summary.throughMonth.slice(5))}月）</Typography.Text>}
            columns={[
              { title: '科目编码', dataIndex: 'code', width: 120 },
              { title: '项目', dataIndex: 'name', render: (n: string, r) => (r.code ? n : <strong>{n}</strong>) },
              { title: '本年累计数', dataIndex: 'yearFen', align: 'right', width: 180, render: (f: number, r) => <Yuan fen={f} strong={!r.code} /> },
            ]}
          />
        </>
      )}
    </>
  );
}
