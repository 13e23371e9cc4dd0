import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AuditRow, AuditVerifyResult } from '../../../../shared/contract/audit';
import { localDateTime } from '../../../../shared/dates';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';

interface Filters {
  username?: string;
  outcome?: 'ok' | 'refused';
}

export function AuditPage() {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>({});
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const { busy, run } = useAction();

  const load = useCallback(() => {
    void run(() => invoke('audit.list', { page, pageSize: 20, ...filters })).then((r) => {
      if (r) (setRows(r.rows), setTotal(r.total));
    });
  }, [page, filters, run]);
  useEffect(load, [load]);

  return (
    <Card
      title="审计日志"
      extra={<Button onClick={() => void run(() => invoke('audit.verify', {})).then((r) => r && setVerify(r))}>校验完整性</Button>}
    >
      {verify && <Alert style={{ marginBottom: 16 }} type={verify.ok ? 'success' : 'error'} showIcon title={verify.message} closable onClose={() => setVerify(null)} />}
      <Form layout="inline" style={{ marginBottom: 16 }} onFinish={(v: Filters) => (setPage(1), setFilters({ username: v.username || undefined, outcome: v.outcome }))}>
        <Form.Item name="username" label="用户"><Input allowClear style={{ width: 140 }} /></Form.Item>
        <Form.Item name="outcome" label="结果">
          <Select allowClear style={{ width: 120 }} options={[{ value: 'ok', label: '成功' }, { value: 'refused', label: '被拒绝' }]} />
        </Form.Item>
        <Space><Button htmlType="submit" type="primary">查询</Button></Space>
      </Form>
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={busy}
        dataSource={rows}
        pagination={{ current: page, total, pageSize: 20, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '序号', dataIndex: 'id', width: 80 },
          { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => localDateTime(new Date(at)) },
          { title: '用户', dataIndex: 'username', width: 110, render: (u: string | null) => u ?? '（未登录）' },
          { title: '操作', dataIndex: 'channelTitle', width: 160 },
          { title: '结果', width: 90, render: (_, r) => (r.outcome === 'ok' ? <Tag color="green">成功</Tag> : <Tag color="red">拒绝</Tag>) },
          { title: '内容', dataIndex: 'summary' },
        ]}
      />
    </Card>
  );
}
