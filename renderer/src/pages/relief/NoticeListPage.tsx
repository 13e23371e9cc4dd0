import { LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Modal, Space, Table, Tag, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ReliefNotice } from '../../../../shared/contract/relief';
import type { ReliefSummary } from '../../../../shared/contract/reliefTypes';
import { addDays, formatChineseDate } from '../../../../shared/dates';
import { maskIdNumber } from '../../../../shared/idcard';
import { formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../../shared/relief';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useServerToday } from '../../components/useServerToday';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';

/** Where a notice stands on the program's today: posted, period over (waiting for the director), or concluded. */
export function noticePhase(n: Pick<ReliefNotice, 'startDate' | 'endDate' | 'concludedAt'>, today: string) {
  if (n.concludedAt) return { label: '已结束', color: 'green' };
  if (today < n.startDate) return { label: '未开始', color: 'default' };
  if (today <= n.endDate) return { label: '公示中', color: 'blue' };
  return { label: '期满待确认', color: 'orange' };
}

export const period = (n: Pick<ReliefNotice, 'startDate' | 'endDate'>) => `${formatChineseDate(n.startDate)} 至 ${formatChineseDate(n.endDate)}`;

interface CreateProps {
  open: boolean;
  noticeDays: number;
  onClose(): void;
}

/** The director posts the approved applications (待公示) for the notice period. */
function CreateNoticeModal({ open, noticeDays, onClose }: CreateProps) {
  const [rows, setRows] = useState<ReliefSummary[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [loading, setLoading] = useState(false);
  const [form] = Form.useForm<{ startDate: Dayjs; endDate: Dayjs }>();
  const { busy, run } = useAction();
  const start = Form.useWatch('startDate', form);
  const end = Form.useWatch('endDate', form);
  // The notice starts on the program's today by default, not the PC's (asked again each time the dialog opens).
  const today = useServerToday(open);

  useEffect(() => {
    if (open && today) form.setFieldsValue({ startDate: dayjs(today), endDate: dayjs(addDays(today, noticeDays)) });
  }, [open, today, noticeDays, form]);

  useEffect(() => {
    if (!open) return;
    setLoading(true);
    invoke('relief.list', { status: 'awaiting_notice', page: 1, pageSize: 200 })
      .then((r) => {
        setRows(r.rows);
        // The usual case is to post everything that waits: all are ticked to begin with.
        setSelected(r.rows.map((x) => x.id));
      })
      .catch(() => setRows([]))
      .finally(() => setLoading(false));
  }, [open]);

  const days = start && end ? end.startOf('day').diff(start.startOf('day'), 'day') : null;
  const totalFen = rows.filter((r) => selected.includes(r.id)).reduce((s, r) => s + r.amountFen, 0);

  const create = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const n = await run(
      () => invoke('relief.notices.create', { applicationIds: selected, startDate: v.startDate.format('YYYY-MM-DD'), endDate: v.endDate.format('YYYY-MM-DD') }),
      '公示已发布',
    );
    if (n) {
      onClose();
      navigate(`/relief/notices/${n.id}`);
    }
  };

  return (
    <Modal
      open={open}
      title="发布救助公示"
      width={900}
      destroyOnHidden
      onCancel={onClose}
      footer={
        <Space>
          <Typography.Text type="secondary">
            已选 {selected.length} 人，合计 {formatYuan(totalFen)}
          </Typography.Text>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} disabled={selected.length === 0 || !today} onClick={() => void create()} data-testid="notice-create">
            发布公示
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="公示开始" name="startDate" rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker
            allowClear={false}
            data-testid="notice-start"
            onChange={(d) => d && form.setFieldValue('endDate', d.add(noticeDays, 'day'))}
          />
        </Form.Item>
        <Form.Item
          label="公示结束"
          name="endDate"
          dependencies={['startDate']}
          rules={[
            { required: true, message: '请选择结束日期' },
            ({ getFieldValue }) => ({
              validator: async (_r, v?: Dayjs) => {
                const s = getFieldValue('startDate') as Dayjs | undefined;
                if (v && s && v.isBefore(s, 'day')) throw new Error('结束日期不能早于开始日期');
              },
            }),
          ]}
        >
          <DatePicker allowClear={false} data-testid="notice-end" />
        </Form.Item>
      </Form>
      {days !== null && days < noticeDays && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`救助政策要求公示不少于 ${noticeDays} 天，当前只有 ${Math.max(days, 0)} 天。`} />
      )}
      <Table<ReliefSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: '没有待公示的救助申请（审批同意后才进入待公示）' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        onRow={() => ({ className: 'notice-candidate', 'data-testid': 'notice-candidate' })}
        columns={[
          { title: '编号', dataIndex: 'number', width: 150, render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号（已隐藏）', dataIndex: 'idNumber', width: 180, render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{maskIdNumber(s)}</span> },
          { title: '工作单位', dataIndex: 'workUnit', ellipsis: true },
          { title: '救助类别', dataIndex: 'category', width: 130, render: (c: ReliefCategory) => RELIEF_CATEGORY_LABELS[c] },
          { title: '金额', dataIndex: 'amountFen', width: 110, align: 'right', render: (f: number) => formatYuan(f) },
        ]}
      />
    </Modal>
  );
}

export function NoticeListPage() {
  const { user } = useSession();
  const isDirector = hasRole(user, ['director']);
  const [rows, setRows] = useState<ReliefNotice[]>([]);
  const [creating, setCreating] = useState(false);
  const [noticeDays, setNoticeDays] = useState(5);
  const [awaiting, setAwaiting] = useState<number | null>(null);
  const { busy, run } = useAction();
  const today = useServerToday();

  const load = useCallback(() => {
    void run(() => invoke('relief.notices.list', {})).then((r) => r && setRows(r));
    invoke('relief.list', { status: 'awaiting_notice', page: 1, pageSize: 1 })
      .then((r) => setAwaiting(r.total))
      .catch(() => undefined);
  }, [run]);
  useEffect(load, [load]);
  useEffect(() => {
    invoke('settings.get', {})
      .then((s) => setNoticeDays(s.reliefNoticeDays))
      .catch(() => undefined);
  }, []);

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<LeftOutlined />} onClick={() => navigate('/relief')} aria-label="回到救助审批" />
          救助公示
        </Space>
      }
      extra={
        isDirector && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="notice-new">
            发布公示
          </Button>
        )
      }
    >
      {awaiting !== null && awaiting > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="notice-awaiting"
          title={`有 ${awaiting} 份已批准的救助申请等待公示${isDirector ? '：点击“发布公示”' : '，由中心主任发布'}。`}
          description={`公示不少于 ${noticeDays} 天，身份证号隐藏中间部分；期满无异议的方可发放。`}
        />
      )}
      <Table<ReliefNotice>
        rowKey="id"
        size="middle"
        loading={busy || !today}
        dataSource={rows}
        locale={{ emptyText: '还没有救助公示' }}
        onRow={(n) => ({
          onClick: () => navigate(`/relief/notices/${n.id}`),
          onKeyDown: (e) => {
            if (e.key === 'Enter') navigate(`/relief/notices/${n.id}`);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'data-testid': 'notice-row',
        })}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 期` }}
        columns={[
          { title: '编号', dataIndex: 'number', width: 150, render: (n: string) => <Typography.Link style={{ fontFamily: 'monospace' }}>{n}</Typography.Link> },
          { title: '公示期', key: 'period', render: (_, n) => period(n) },
          { title: '人数', key: 'count', width: 80, align: 'right', render: (_, n) => n.lines.length },
          { title: '合计金额', dataIndex: 'totalFen', width: 130, align: 'right', render: (f: number) => formatYuan(f) },
          {
            title: '异议',
            key: 'objections',
            width: 110,
            render: (_, n) => {
              const open = n.lines.filter((l) => l.objection && !l.resolution).length;
              const all = n.lines.filter((l) => l.objection).length;
              if (all === 0) return <Typography.Text type="secondary">无</Typography.Text>;
              return open > 0 ? <Tag color="red">{open} 件待处理</Tag> : <Tag>{all} 件已处理</Tag>;
            },
          },
          {
            title: '状态',
            key: 'phase',
            width: 120,
            render: (_, n) => {
              if (!today) return null;
              const p = noticePhase(n, today);
              return <Tag color={p.color}>{p.label}</Tag>;
            },
          },
          { title: '发布人', dataIndex: 'createdBy', width: 100 },
        ]}
      />
      <CreateNoticeModal
        open={creating}
        noticeDays={noticeDays}
        onClose={() => {
          setCreating(false);
          load();
        }}
      />
    </Card>
  );
}
