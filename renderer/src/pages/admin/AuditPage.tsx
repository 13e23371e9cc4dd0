import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { auditActor, auditSentence } from '../../../../shared/auditText';
import type { AuditRow, AuditVerifyResult } from '../../../../shared/contract/audit';
import { localDateTime } from '../../../../shared/dates';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { totalLabel } from '../../components/totalLabel';
import { useAction } from '../../components/useAction';
import { nextSort } from '../../components/serverSort';

interface Filters {
  username?: string;
  outcome?: 'ok' | 'refused';
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
}
interface FilterForm {
  username?: string;
  outcome?: 'ok' | 'refused';
  range?: [Dayjs | null, Dayjs | null] | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function AuditPage() {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState(0);
  const [capped, setCapped] = useState(false);
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>({});
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const { busy, run } = useAction();
  const verifying = useAction();
  const verifyJob = useJobProgress();
  const exporting = useAction();
  const exportJob = useJobProgress();

  const load = useCallback(() => {
    void run(() => invoke('audit.list', { page, pageSize: 20, ...filters })).then((r) => {
      if (r) (setRows(r.rows), setTotal(r.total), setCapped(r.totalCapped === true));
    });
  }, [page, filters, run]);
  useEffect(load, [load]);

  const search = (v: FilterForm) => {
    setPage(1);
    setFilters({ username: v.username?.trim() || undefined, outcome: v.outcome, from: day(v.range?.[0]), to: day(v.range?.[1]), order: filters.order });
  };
  // exactly what the list shows now, every page of it
  const exportXlsx = () => void exporting.run(() => exportJob.track((jobId) => invoke('audit.exportXlsx', { ...filters, jobId })), '已导出 Excel').then((f) => f && downloadFile(f));

  return (
    <Card
      title="审计日志"
      extra={
        <Space>
          <Button icon={<FileExcelOutlined />} loading={exporting.busy} onClick={exportXlsx} data-testid="audit-export">
            导出 Excel
          </Button>
          <Button loading={verifying.busy} onClick={() => void verifying.run(() => verifyJob.track((jobId) => invoke('audit.verify', { jobId }))).then((r) => r && setVerify(r))} data-testid="audit-verify">
            校验完整性
          </Button>
        </Space>
      }
    >
      {verify && <Alert style={{ marginBottom: 16 }} type={verify.ok ? 'success' : 'error'} showIcon title={verify.message} closable onClose={() => setVerify(null)} />}
      <JobProgressBar progress={verifyJob.progress} label="校验审计日志" />
      <JobProgressBar progress={exportJob.progress} label="导出 Excel" />
      <Form<FilterForm> layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={search}>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} data-testid="audit-range" />
        </Form.Item>
        <Form.Item name="username" label="用户">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="outcome" label="结果">
          <Select allowClear style={{ width: 120 }} options={[{ value: 'ok', label: '成功' }, { value: 'refused', label: '被拒绝' }]} />
        </Form.Item>
        <Space>
          <Button htmlType="submit" type="primary" data-testid="audit-search">
            查询
          </Button>
        </Space>
      </Form>
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={busy}
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': 'audit-row', 'data-channel': r.channel }) as object}
        pagination={{ current: page, total, pageSize: 20, showSizeChanger: false, showTotal: (t) => totalLabel(t, capped, '条') }}
        onChange={(p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return setPage(p.current ?? 1);
          // newest first unless the clerk asks for oldest first
          setFilters({ ...filters, order: nextSort(sorter, ['at'] as const, { sort: 'at', order: 'desc' }).order });
          setPage(1);
        }}
        expandable={{
          rowExpandable: (r) => auditSentence(r).detail !== null,
          expandedRowRender: (r) => (
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              原始记录：{auditSentence(r).detail}
            </Typography.Text>
          ),
        }}
        columns={[
          { title: '序号', dataIndex: 'id', width: 80 },
          { title: '时间', dataIndex: 'at', key: 'at', width: 150, sorter: true, sortOrder: filters.order === 'asc' ? 'ascend' : 'descend', sortDirections: ['descend', 'ascend', 'descend'], render: (at: string) => localDateTime(new Date(at)) },
          { title: '用户', key: 'user', width: 110, render: (_, r) => <span data-testid="audit-user">{auditActor(r)}</span> },
          { title: '操作', dataIndex: 'channelTitle', width: 160 },
          { title: '结果', width: 90, render: (_, r) => (r.outcome === 'ok' ? <Tag color="green">成功</Tag> : <Tag color="red">拒绝</Tag>) },
          { title: '内容', key: 'text', render: (_, r) => <span data-testid="audit-text">{auditSentence(r).text}</span> },
        ]}
      />
    </Card>
  );
}
