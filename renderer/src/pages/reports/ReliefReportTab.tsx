import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { ReliefReport, ReliefReportGroup } from '../../../../shared/contract/reports';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { Yuan } from '../finance/financeLabels';
import { fenToYuanNumber } from '../../../../shared/money';

function GroupTable({ title, groups, testId }: { title: string; groups: ReliefReportGroup[]; testId: string }) {
  return (
    <Table<ReliefReportGroup>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={groups}
      data-testid={testId}
      title={() => <Typography.Text strong>按{title}</Typography.Text>}
      locale={{ emptyText: '期间内没有发放' }}
      columns={[
        { title, dataIndex: 'label' },
        { title: '人次', dataIndex: 'count', align: 'right', width: 80 },
        { title: '金额', dataIndex: 'amountFen', align: 'right', width: 150, render: (f: number) => <Yuan fen={f} /> },
      ]}
    />
  );
}

/** 救助发放统计: relief paid in a date range by category, month, work unit and approver; opens on the program's year so far. */
export function ReliefReportTab({ today }: { today: string }) {
  const [range, setRange] = useState<{ from: string; to: string }>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [report, setReport] = useState<ReliefReport | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const { busy, run } = useAction();
  const printing = useAction();
  const exporting = useAction();
  const fileJob = useJobProgress();
  const load = useCallback(() => void run(() => invoke('reports.relief', range)).then((r) => r && setReport(r)), [range, run]);
  useEffect(load, [load]);

  const option = useMemo(
    () =>
      report && {
        animation: false,
        tooltip: { trigger: 'item' },
        legend: { top: 0 },
        grid: { left: 60, right: 24, top: 40, bottom: 28 },
        xAxis: { type: 'category', data: report.byMonth.map((g) => g.label) },
        yAxis: [
          { type: 'value', name: '元' },
          { type: 'value', name: '人次', minInterval: 1 },
        ],
        series: [
          { name: '发放金额', type: 'bar', data: report.byMonth.map((g) => fenToYuanNumber(g.amountFen)), itemStyle: { color: '#1677ff' } },
          { name: '人次', type: 'line', yAxisIndex: 1, data: report.byMonth.map((g) => g.count), itemStyle: { color: '#fa8c16' } },
          {
            name: '类别',
            type: 'pie',
            center: ['85%', '35%'],
            radius: [0, '28%'],
            label: { formatter: '{b}' },
            data: report.byCategory.map((g) => ({ name: g.label, value: fenToYuanNumber(g.amountFen) })),
          },
        ],
      },
    [report],
  );

  const print = () => void printing.run(() => fileJob.track((jobId) => invoke('reports.reliefPdf', { ...range, jobId }))).then((p) => p && setPdf(p));
  const exportXlsx = () => void exporting.run(() => fileJob.track((jobId) => invoke('reports.reliefXlsx', { ...range, jobId }))).then((f) => f && downloadFile(f));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          onChange={(v) => v?.[0] && v[1] && setRange({ from: (v[0] as Dayjs).format('YYYY-MM-DD'), to: (v[1] as Dayjs).format('YYYY-MM-DD') })}
          data-testid="relief-range"
        />
        <Button icon={<PrinterOutlined />} loading={printing.busy} onClick={print} data-testid="relief-print">
          打印
        </Button>
        <Button icon={<FileExcelOutlined />} loading={exporting.busy} onClick={exportXlsx} data-testid="relief-xlsx">
          导出 Excel
        </Button>
        <Typography.Text type="secondary">按发放凭证日期统计；已冲销的发放不计。</Typography.Text>
      </Space>
      <JobProgressBar progress={fileJob.progress} label="生成统计文件" />
      {report && (
        <>
          <Row gutter={16} style={{ marginBottom: 8 }}>
            <Col>
              <Statistic title="发放人次" value={report.count} loading={busy} />
            </Col>
            <Col>
              <Statistic title="发放金额（元）" value={fenToYuanNumber(report.amountFen)} precision={2} loading={busy} />
            </Col>
          </Row>
          {report.count > 0 && option && <ReactECharts option={option} style={{ height: 300 }} notMerge />}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <GroupTable title="救助类别" groups={report.byCategory} testId="relief-by-category" />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title="月份" groups={report.byMonth} testId="relief-by-month" />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title="工作单位" groups={report.byUnit} testId="relief-by-unit" />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title="审批人" groups={report.byApprover} testId="relief-by-approver" />
            </Col>
          </Row>
        </>
      )}
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </>
  );
}
