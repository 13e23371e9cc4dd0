import { FileExcelOutlined, LockOutlined, PrinterOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { IncomeExpenditure, IncomeExpenditureRow } from '../../../../shared/contract/reports';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { MonthPicker, Yuan, monthLabel } from '../finance/financeLabels';
import { fenToYuanNumber } from '../../../../shared/money';

interface Line {
  key: string;
  code: string;
  name: string;
  level: number;
  monthFen: number | null;
  yearFen: number | null;
  total?: boolean;
}

const section = (title: string, rows: IncomeExpenditureRow[], monthFen: number, yearFen: number, totalTitle: string): Line[] => [
  { key: `${title}-head`, code: '', name: title, level: 0, monthFen: null, yearFen: null, total: true },
  ...rows.map((r) => ({ key: String(r.accountId), code: r.code, name: r.level > 1 ? (r.name.split('—').pop() ?? r.name) : r.name, level: r.level, monthFen: r.monthFen, yearFen: r.yearFen })),
  { key: `${title}-total`, code: '', name: totalTitle, level: 0, monthFen, yearFen, total: true },
];

/** 收入支出表: income and expenditure by account, 本月数 and 本年累计数, for the higher union. */
export function IncomeExpenditureTab({ month, onMonth }: { month: string; onMonth(m: string): void }) {
  const [report, setReport] = useState<IncomeExpenditure | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const { busy, run } = useAction();
  const printing = useAction();
  const exporting = useAction();
  const fileJob = useJobProgress();
  const load = useCallback(() => void run(() => invoke('reports.incomeExpenditure', { month })).then((r) => r && setReport(r)), [month, run]);
  useEffect(load, [load]);

  const lines = useMemo(() => {
    if (!report) return [];
    const t = report.totals;
    return [
      ...section('一、收入', report.income, t.incomeMonthFen, t.incomeYearFen, '本期收入合计'),
      ...section('二、支出', report.expense, t.expenseMonthFen, t.expenseYearFen, '本期支出合计'),
      { key: 'surplus', code: '', name: '三、收支结余', level: 0, monthFen: t.surplusMonthFen, yearFen: t.surplusYearFen, total: true },
    ];
  }, [report]);

  // First-level accounts with money this year: where it came from and where it went.
  const option = useMemo(() => {
    if (!report) return null;
    const top = [...report.income, ...report.expense].filter((r) => r.level === 1 && r.yearFen !== 0);
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2 })}` },
      legend: { top: 0 },
      grid: { left: 110, right: 24, top: 32, bottom: 20 },
      xAxis: { type: 'value', name: '元' },
      yAxis: { type: 'category', data: top.map((r) => r.name), inverse: true },
      series: [
        { name: '本月数', type: 'bar', data: top.map((r) => fenToYuanNumber(r.monthFen)), itemStyle: { color: '#1677ff' } },
        { name: '本年累计数', type: 'bar', data: top.map((r) => fenToYuanNumber(r.yearFen)), itemStyle: { color: '#95de64' } },
      ],
    };
  }, [report]);

  const print = () => void printing.run(() => fileJob.track((jobId) => invoke('reports.incomeExpenditurePdf', { month, jobId }))).then((p) => p && setPdf(p));
  const exportXlsx = () => void exporting.run(() => fileJob.track((jobId) => invoke('reports.incomeExpenditureXlsx', { month, jobId }))).then((f) => f && downloadFile(f));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <MonthPicker value={month} onChange={onMonth} testId="ie-month" />
        {report && (report.closed ? <Tag icon={<LockOutlined />} color="green">已结账</Tag> : <Tag icon={<UnlockOutlined />} color="orange">未结账</Tag>)}
        <Button icon={<PrinterOutlined />} loading={printing.busy} onClick={print} data-testid="ie-print">
          打印
        </Button>
        <Button icon={<FileExcelOutlined />} loading={exporting.busy} onClick={exportXlsx} data-testid="ie-xlsx">
          导出 Excel
        </Button>
        <Typography.Text type="secondary">按工会会计制度科目列示，报上级工会；本年累计数自 1 月起。</Typography.Text>
      </Space>
      <JobProgressBar progress={fileJob.progress} label="生成报表文件" />
      {report && !report.closed && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${monthLabel(month)}尚未结账，表中数字仍可能变动，仅供核对。`} />}
      {option && option.yAxis.data.length > 0 && <ReactECharts option={option} style={{ height: Math.max(160, option.yAxis.data.length * 44 + 60) }} notMerge />}
      <Table<Line>
        rowKey="key"
        size="small"
        loading={busy}
        pagination={false}
        dataSource={lines}
        data-testid="ie-table"
        onRow={(l) => ({ 'data-testid': l.total ? 'ie-total' : 'ie-row', style: l.total ? { fontWeight: 600, background: '#fafafa' } : undefined }) as object}
        columns={[
          { title: '科目编码', dataIndex: 'code', width: 120, render: (c: string) => <span style={{ fontFamily: 'monospace' }}>{c}</span> },
          { title: '项目', dataIndex: 'name', render: (n: string, l) => <span style={{ paddingLeft: Math.max(0, l.level - 1) * 20, fontWeight: l.level === 1 ? 600 : undefined }}>{n}</span> },
          { title: '本月数', dataIndex: 'monthFen', align: 'right', width: 180, render: (f: number | null) => (f === null ? '' : <Yuan fen={f} />) },
          { title: '本年累计数', dataIndex: 'yearFen', align: 'right', width: 180, render: (f: number | null) => (f === null ? '' : <Yuan fen={f} />) },
        ]}
      />
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </>
  );
}
