import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { MonitoringLedger, RiskEventView, ScheduleRow, VisitView } from '../../../../shared/contract/monitoring';
import { WARNING_LABELS, type WarningLevel } from '../../../../shared/household';
import { formatYuan } from '../../../../shared/money';
import { RISK_EVENT_LABELS, visitKindText, VISIT_METHOD_LABELS } from '../../../../shared/monitoring';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { useServerMonth } from '../../components/useServerToday';
import { MonthPicker } from '../finance/financeLabels';
import { monthLabel } from '../materials/materialsLabels';
import { dueText } from './monitoringLabels';

const warn = (w: WarningLevel | null) => (w ? WARNING_LABELS[w] : '无预警');

const SCHEDULE_COLUMNS = [
  { title: '姓名', dataIndex: 'name' },
  { title: '工作单位', dataIndex: 'workUnit' },
  { title: '应回访日期', render: (_: unknown, r: ScheduleRow) => dueText(r.dueDate, r.overdueDays) },
  { title: '帮扶责任人', dataIndex: 'responsible' },
];
const EVENT_COLUMNS = [
  { title: '日期', dataIndex: 'eventDate' },
  { title: '姓名', dataIndex: 'name' },
  { title: '事项', render: (_: unknown, e: RiskEventView) => RISK_EVENT_LABELS[e.kind] },
  { title: '预警', render: (_: unknown, e: RiskEventView) => `${warn(e.warningBefore)} → ${warn(e.warningAfter)}` },
  { title: '原因', dataIndex: 'reason' },
  { title: '经办', dataIndex: 'by' },
];

/** 监测台账: the month's revisits due, done, overdue, the changes of risk and the exits; PDF and Excel. */
export function LedgerTab() {
  const month = useServerMonth();
  return month ? <Ledger openingMonth={month} /> : <Table loading dataSource={[]} />;
}

function Ledger({ openingMonth }: { openingMonth: string }) {
  const [month, setMonth] = useState(openingMonth);
  const [ledger, setLedger] = useState<MonitoringLedger | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const { busy, run } = useAction();
  const files = useAction();
  const fileJob = useJobProgress();
  const load = useCallback(() => void run(() => invoke('monitoring.ledger', { month })).then((l) => l && setLedger(l)), [run, month]);
  useEffect(load, [load]);
  const print = () => void files.run(() => fileJob.track((jobId) => invoke('monitoring.ledgerPdf', { month, jobId }))).then((p) => p && setPdf(p));
  const exportXlsx = () => void files.run(() => fileJob.track((jobId) => invoke('monitoring.ledgerXlsx', { month, jobId })), '已导出 Excel').then((f) => f && downloadFile(f));
  const l = ledger?.month === month ? ledger : null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <MonthPicker value={month} onChange={setMonth} testId="monitor-ledger-month" />
        <Button icon={<PrinterOutlined />} loading={files.busy} onClick={print} data-testid="monitor-ledger-pdf">
          打印台账（PDF）
        </Button>
        <Button icon={<FileExcelOutlined />} loading={files.busy} onClick={exportXlsx} data-testid="monitor-ledger-xlsx">
          导出 Excel
        </Button>
      </Space>
      <JobProgressBar progress={fileJob.progress} label="生成台账文件" />
      <Descriptions bordered size="small" column={{ xs: 2, md: 5 }} title={`${monthLabel(month)}动态监测帮扶台账`}>
        <Descriptions.Item label="应回访">{l?.due.length ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="已回访">
          <span data-testid="monitor-ledger-done">{l?.done.length ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="逾期未回访">{l?.overdue.length ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="风险变化">{l?.riskChanges.length ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="脱困 / 恢复">{l?.exits.length ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>本月回访记录</Typography.Title>
      <Table<VisitView>
        rowKey="id"
        size="small"
        loading={busy}
        pagination={false}
        dataSource={l?.done ?? []}
        data-testid="monitor-ledger-visits"
        columns={[
          { title: '日期', dataIndex: 'visitDate', width: 110 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '类别', width: 100, render: (_: unknown, v) => visitKindText(v.kind, v.occasion) },
          { title: '方式', width: 70, render: (_: unknown, v) => VISIT_METHOD_LABELS[v.method] },
          { title: '走访人', dataIndex: 'visitor', width: 90 },
          { title: '情况', dataIndex: 'findings' },
          { title: '问题与帮扶', render: (_: unknown, v) => [v.problems, v.helpArranged].filter(Boolean).join('；') || '—' },
          {
            title: '人均月收入',
            align: 'right',
            render: (_: unknown, v) => (v.perCapitaBeforeFen === v.perCapitaAfterFen ? formatYuan(v.perCapitaAfterFen) : `${formatYuan(v.perCapitaBeforeFen)} → ${formatYuan(v.perCapitaAfterFen)}`),
          },
          { title: '下次回访', dataIndex: 'nextDate', width: 110 },
        ]}
      />
      <Typography.Title level={5}>逾期未回访</Typography.Title>
      <Table<ScheduleRow> rowKey="fileId" size="small" loading={busy} pagination={false} dataSource={l?.overdue ?? []} columns={SCHEDULE_COLUMNS} />
      <Typography.Title level={5}>本月应回访</Typography.Title>
      <Table<ScheduleRow> rowKey="fileId" size="small" loading={busy} pagination={false} dataSource={l?.due ?? []} columns={SCHEDULE_COLUMNS} />
      <Typography.Title level={5}>风险变化与脱困</Typography.Title>
      <Table<RiskEventView> rowKey="id" size="small" loading={busy} pagination={false} dataSource={[...(l?.riskChanges ?? []), ...(l?.exits ?? [])]} columns={EVENT_COLUMNS} />
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </Space>
  );
}
