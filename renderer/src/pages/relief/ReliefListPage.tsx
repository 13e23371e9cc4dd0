import { NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RELIEF_SORTS, type ReliefSort } from '../../../../shared/contract/relief';
import type { ReliefSummary } from '../../../../shared/contract/reliefTypes';
import { localDate } from '../../../../shared/dates';
import { maskIdNumber } from '../../../../shared/idcard';
import { formatYuan } from '../../../../shared/money';
import {
  RELIEF_CATEGORIES,
  RELIEF_CATEGORY_LABELS,
  RELIEF_STATUSES,
  RELIEF_STATUS_LABELS,
  type ReliefCategory,
  type ReliefStatus,
} from '../../../../shared/relief';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { navigate, useHashPath } from '../../router';
import { hasRole, useSession } from '../../session';
import { PROPOSER_ROLES, ReliefStatusTag, dateTime } from './reliefLabels';
import { VocabularyFilter } from '../../components/VocabularyFilter';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { useExportXlsx } from '../../components/ExportXlsxButton';
import { columnOrder, nextSort, type ServerSort } from '../../components/serverSort';

type TabKey = 'inbox' | 'all';

interface ListState {
  tab: TabKey;
  page: number;
  pageSize: number;
  status?: ReliefStatus;
  category?: ReliefCategory;
  /** 申请日期, local days, both included. */
  from?: string;
  to?: string;
  sort: ReliefSort;
  order: 'asc' | 'desc';
}

const DEFAULT_SORT: ServerSort<ReliefSort> = { sort: 'createdAt', order: 'desc' };

// Kept for the session, so coming back from an application shows the same tab, page and filters.
let remembered: ListState | null = null;

const queryInbox = (path: string) => new URLSearchParams(path.split('?')[1] ?? '').get('inbox') === '1';

export function ReliefListPage() {
  const { user } = useSession();
  const canPropose = hasRole(user, PROPOSER_ROLES);
  const isApprover = hasRole(user, ['director', 'chair']);
  const path = useHashPath();
  const query = path.split('?')[1] ?? '';
  const [state, setStateRaw] = useState<ListState>(() => {
    const base = remembered ?? { tab: isApprover ? 'inbox' : 'all', page: 1, pageSize: 20, ...DEFAULT_SORT };
    return (remembered = queryInbox(path) ? { ...base, tab: 'inbox', page: 1 } : base);
  });
  const setState = (next: ListState) => {
    remembered = next;
    setStateRaw(next);
    // The tab is the clerk's now: drop '?inbox=1' so going back here does not set it again.
    if (window.location.hash.includes('?')) history.replaceState(history.state, '', '#/relief');
  };
  const [rows, setRows] = useState<ReliefSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [inboxCount, setInboxCount] = useState<number | null>(null);
  const { busy, run } = useAction();

  // Following the dashboard link while already on the list.
  const seenQuery = useRef(query);
  useEffect(() => {
    if (query === seenQuery.current) return;
    seenQuery.current = query;
    if (queryInbox(`?${query}`)) setStateRaw((s) => (remembered = { ...s, tab: 'inbox', page: 1 }));
  }, [query]);

  // One filter for the list and its workbook.
  const listQuery = useMemo(
    () => ({
      inbox: state.tab === 'inbox',
      ...(state.status ? { status: state.status } : {}),
      ...(state.category ? { category: state.category } : {}),
      ...(state.from ? { from: state.from } : {}),
      ...(state.to ? { to: state.to } : {}),
      sort: state.sort,
      order: state.order,
    }),
    [state.tab, state.status, state.category, state.from, state.to, state.sort, state.order],
  );
  const exporter = useExportXlsx((jobId) => invoke('relief.exportXlsx', { ...listQuery, jobId }), 'relief-export');

  const load = useCallback(() => {
    const input = { page: state.page, pageSize: state.pageSize, ...listQuery };
    void run(() => invoke('relief.list', input)).then((r) => {
      if (!r) return;
      setRows(r.rows);
      setTotal(r.total);
      if (state.tab === 'inbox' && !state.status && !state.category && !state.from && !state.to) setInboxCount(r.total);
    });
    if (state.tab !== 'inbox')
      invoke('relief.list', { page: 1, pageSize: 1, inbox: true })
        .then((r) => setInboxCount(r.total))
        .catch(() => undefined);
  }, [state.page, state.pageSize, state.tab, listQuery, run]);
  useEffect(load, [load]);

  useHotkey({ key: 'n', alt: true }, () => navigate('/relief/new'), canPropose);

  const filter = (patch: Partial<ListState>) => setState({ ...state, ...patch, page: 1 });
  const filtered = state.status !== undefined || state.category !== undefined || state.from !== undefined || state.to !== undefined;

  const table = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <VocabularyFilter
          label="状态"
          testId="relief-filter-status"
          placeholder="全部状态"
          width={140}
          values={RELIEF_STATUSES}
          labels={RELIEF_STATUS_LABELS}
          value={state.status}
          onChange={(v) => filter({ status: v })}
        />
        <VocabularyFilter
          label="救助类别"
          testId="relief-filter-category"
          placeholder="全部类别"
          width={170}
          values={RELIEF_CATEGORIES}
          labels={RELIEF_CATEGORY_LABELS}
          value={state.category}
          onChange={(v) => filter({ category: v })}
        />
        <DateRangeFilter label="申请日期" testId="relief-filter-range" value={{ from: state.from, to: state.to }} onChange={(r) => filter(r)} />
        {filtered && (
          <Button type="link" onClick={() => setState({ ...state, status: undefined, category: undefined, from: undefined, to: undefined, page: 1 })}>
            清除筛选
          </Button>
        )}
        {exporter.button}
      </Space>
      {exporter.progress}
      <Table<ReliefSummary>
        rowKey="id"
        size="middle"
        data-testid="relief-table"
        loading={busy}
        dataSource={rows}
        scroll={{ x: 1000 }}
        locale={{
          emptyText:
            state.tab === 'inbox' ? (filtered ? '没有符合条件的待审批申请' : '没有等待您审批的申请') : filtered ? '没有符合条件的救助申请' : '还没有救助申请',
        }}
        onRow={(r) => ({
          onClick: () => navigate(`/relief/${r.id}`),
          onKeyDown: (e) => {
            if (e.key === 'Enter') navigate(`/relief/${r.id}`);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'data-testid': 'relief-row',
        })}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 份`,
        }}
        onChange={(p, _f, sorter, extra) => {
          if (extra.action === 'sort') setState({ ...state, ...nextSort(sorter, RELIEF_SORTS, DEFAULT_SORT), page: 1 });
          else setState({ ...state, page: p.pageSize !== state.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? state.pageSize });
        }}
        columns={[
          {
            title: '编号',
            dataIndex: 'number',
            key: 'number',
            sorter: true,
            sortOrder: columnOrder(state, 'number'),
            width: 150,
            render: (n: string) => <Typography.Link style={{ fontFamily: 'monospace' }}>{n}</Typography.Link>,
          },
          {
            title: '姓名',
            dataIndex: 'name',
            width: 110,
            render: (name: string, r) => (
              <Tooltip title={maskIdNumber(r.idNumber)}>
                <span>{name}</span>
              </Tooltip>
            ),
          },
          { title: '工作单位', dataIndex: 'workUnit', width: 180, ellipsis: true },
          { title: '救助类别', dataIndex: 'category', width: 140, render: (c: ReliefCategory) => RELIEF_CATEGORY_LABELS[c] },
          {
            title: '金额',
            dataIndex: 'amountFen',
            key: 'amount',
            sorter: true,
            sortOrder: columnOrder(state, 'amount'),
            width: 120,
            align: 'right',
            render: (f: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(f)}</span>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            key: 'status',
            sorter: true,
            sortOrder: columnOrder(state, 'status'),
            width: 170,
            render: (s: ReliefStatus, r) => (
              <Space size={4} wrap>
                <ReliefStatusTag status={s} />
                {r.needsChair && s === 'pending_director' && <Tag color="purple">须报主席</Tag>}
              </Space>
            ),
          },
          { title: '经办人', dataIndex: 'proposedBy', width: 90 },
          {
            title: '申请日期',
            dataIndex: 'createdAt',
            key: 'createdAt',
            sorter: true,
            sortOrder: columnOrder(state, 'createdAt'),
            width: 120,
            render: (at: string) => localDate(new Date(at)),
          },
          {
            title: '提交时间',
            dataIndex: 'submittedAt',
            width: 140,
            render: (at: string | null) => (at ? dateTime(at) : <Typography.Text type="secondary">未提交</Typography.Text>),
          },
        ]}
      />
    </>
  );

  return (
    <Card
      title="救助审批"
      extra={
        <Space>
          <Button icon={<NotificationOutlined />} onClick={() => navigate('/relief/notices')} data-testid="relief-notices">
            救助公示
          </Button>
          {canPropose && (
            <Tooltip title="快捷键 Alt+N">
              <Button type="primary" icon={<PlusOutlined />} data-testid="relief-new" onClick={() => navigate('/relief/new')}>
                新建救助申请 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+N</Typography.Text>
              </Button>
            </Tooltip>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={state.tab}
        onChange={(k) => setState({ ...state, tab: k as TabKey, page: 1 })}
        items={[
          {
            key: 'inbox',
            label: (
              <span data-testid="relief-inbox-tab">
                待我审批 <Badge count={inboxCount ?? 0} showZero={false} size="small" offset={[4, -2]} />
              </span>
            ),
            children: state.tab === 'inbox' ? table : null,
          },
          { key: 'all', label: <span data-testid="relief-all-tab">全部申请</span>, children: state.tab === 'all' ? table : null },
        ]}
      />
    </Card>
  );
}
