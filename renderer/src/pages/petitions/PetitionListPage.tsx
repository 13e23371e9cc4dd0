import { BarChartOutlined, LinkOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PETITION_SORTS, type PetitionSort, type PetitionSummary } from '../../../../shared/contract/petitions';
import {
  PETITION_CATEGORIES,
  PETITION_CATEGORY_LABELS,
  PETITION_CHANNEL_LABELS,
  PETITION_STATUSES,
  PETITION_STATUS_LABELS,
  type PetitionCategory,
  type PetitionChannel,
  type PetitionStatus,
  type Urgency,
} from '../../../../shared/petition';
import { invoke } from '../../api';
import { totalLabel } from '../../components/totalLabel';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { navigate, useHashPath } from '../../router';
import { hasRole, useSession } from '../../session';
import { COUNTER_ROLES, OverdueTag, PetitionStatusTag, UrgencyTag, dateTime, nextDue } from './petitionLabels';
import { VocabularyFilter } from '../../components/VocabularyFilter';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { useExportXlsx } from '../../components/ExportXlsxButton';
import { columnOrder, nextSort, type ServerSort } from '../../components/serverSort';

interface ListState {
  page: number;
  pageSize: number;
  status?: PetitionStatus;
  category?: PetitionCategory;
  overdueOnly: boolean;
  mineOnly: boolean;
  q?: string;
  /** 登记日期, local days, both included. */
  from?: string;
  to?: string;
  sort: PetitionSort;
  order: 'asc' | 'desc';
}

const DEFAULT_SORT: ServerSort<PetitionSort> = { sort: 'receivedAt', order: 'desc' };
const DEFAULT_STATE: ListState = { page: 1, pageSize: 20, overdueOnly: false, mineOnly: false, ...DEFAULT_SORT };
// Kept for the session, so coming back from a petition shows the same page and filters.
let remembered: ListState = DEFAULT_STATE;

/** '#/petitions?overdue=1' (the dashboard's 逾期来访 card) and '?mine=1' (我经办的) set those filters. */
function fromQuery(path: string, base: ListState): ListState {
  const query = path.split('?')[1];
  if (!query) return base;
  const q = new URLSearchParams(query);
  const patch: Partial<ListState> = {};
  if (q.get('overdue') === '1') patch.overdueOnly = true;
  if (q.get('mine') === '1') patch.mineOnly = true;
  return Object.keys(patch).length ? { ...DEFAULT_STATE, pageSize: base.pageSize, ...patch } : base;
}

// Overdue rows: a red wash that survives antd's own cell backgrounds (hover, sorted column).
const OVERDUE_ROW_CSS = `
.petition-row-overdue > td { background: #fff1f0 !important; }
.petition-row-overdue:hover > td { background: #ffe4e1 !important; }
.petition-row-overdue > td:first-child { box-shadow: inset 3px 0 0 #ff4d4f; }
`;

export function PetitionListPage() {
  const { user } = useSession();
  const canWrite = hasRole(user, COUNTER_ROLES);
  const path = useHashPath();
  const query = path.split('?')[1] ?? '';
  const [state, setStateRaw] = useState<ListState>(() => (remembered = fromQuery(path, remembered)));
  const setState = (next: ListState) => {
    remembered = next;
    setStateRaw(next);
    // The filters are the clerk's now: drop '?overdue=1' so going back here does not set it again.
    if (window.location.hash.includes('?')) history.replaceState(history.state, '', '#/petitions');
  };
  const [qText, setQText] = useState(state.q ?? '');
  const [rows, setRows] = useState<PetitionSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [capped, setCapped] = useState(false);
  const { busy, run } = useAction();

  // Following the dashboard link while already on the list.
  const seenQuery = useRef(query);
  useEffect(() => {
    if (query === seenQuery.current) return;
    seenQuery.current = query;
    if (query) setStateRaw((s) => (remembered = fromQuery(`?${query}`, s)));
  }, [query]);

  // One filter for the list and its workbook: the export holds every page of what the table shows.
  const { page, pageSize, status, category, overdueOnly, mineOnly, q, from, to, sort, order } = state;
  const listQuery = useMemo(
    () => ({ status, category, overdueOnly, mineOnly, q, from, to, sort, order }),
    [status, category, overdueOnly, mineOnly, q, from, to, sort, order],
  );
  const exporter = useExportXlsx((jobId) => invoke('petitions.exportXlsx', { ...listQuery, jobId }), 'petition-export');

  const load = useCallback(() => {
    void run(() => invoke('petitions.list', { page, pageSize, ...listQuery })).then((r) => {
      if (r) (setRows(r.rows), setTotal(r.total), setCapped(r.totalCapped === true));
    });
  }, [page, pageSize, listQuery, run]);
  useEffect(load, [load]);

  useHotkey({ key: 'n', alt: true }, () => navigate('/petitions/new'), canWrite);

  const filter = (patch: Partial<ListState>) => setState({ ...state, ...patch, page: 1 });
  const filtered =
    state.status !== undefined || state.category !== undefined || state.overdueOnly || state.mineOnly || !!state.q || state.from !== undefined || state.to !== undefined;

  return (
    <Card
      title="来访接待"
      extra={
        <Space>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/petitions/stats')}>
            来访统计
          </Button>
          {canWrite && (
            <Tooltip title="快捷键 Alt+N">
              <Button type="primary" icon={<PlusOutlined />} data-testid="petition-new" onClick={() => navigate('/petitions/new')}>
                登记来访 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+N</Typography.Text>
              </Button>
            </Tooltip>
          )}
        </Space>
      }
    >
      <style>{OVERDUE_ROW_CSS}</style>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          aria-label="查找来访"
          data-testid="filter-q"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="编号或来访人姓名，回车查找"
          style={{ width: 240 }}
          value={qText}
          maxLength={40}
          onChange={(e) => {
            setQText(e.target.value);
            if (!e.target.value && state.q) filter({ q: undefined });
          }}
          onPressEnter={() => filter({ q: qText.trim() || undefined })}
        />
        <VocabularyFilter
          label="状态"
          testId="filter-status"
          placeholder="全部状态"
          width={130}
          values={PETITION_STATUSES}
          labels={PETITION_STATUS_LABELS}
          value={state.status}
          onChange={(v) => filter({ status: v })}
        />
        <VocabularyFilter
          label="诉求类别"
          testId="filter-category"
          placeholder="全部类别"
          width={150}
          values={PETITION_CATEGORIES}
          labels={PETITION_CATEGORY_LABELS}
          value={state.category}
          onChange={(v) => filter({ category: v })}
        />
        <Checkbox data-testid="filter-overdue" checked={state.overdueOnly} onChange={(e) => filter({ overdueOnly: e.target.checked })}>
          只看逾期
        </Checkbox>
        <Checkbox data-testid="filter-mine" checked={state.mineOnly} onChange={(e) => filter({ mineOnly: e.target.checked })}>
          只看我经办的
        </Checkbox>
        <DateRangeFilter label="登记日期" testId="filter-received" value={{ from: state.from, to: state.to }} onChange={(r) => filter(r)} />
        {filtered && (
          <Button
            type="link"
            onClick={() => {
              setQText('');
              setState({ ...DEFAULT_STATE, pageSize: state.pageSize, sort: state.sort, order: state.order });
            }}
          >
            清除筛选
          </Button>
        )}
        {exporter.button}
      </Space>
      {exporter.progress}
      <Table<PetitionSummary>
        rowKey="id"
        size="middle"
        data-testid="petition-table"
        loading={busy}
        dataSource={rows}
        scroll={{ x: 1000 }}
        rowClassName={(r) => (r.overdue ? 'petition-row-overdue' : '')}
        locale={{ emptyText: filtered ? '没有符合条件的来访登记' : '还没有来访登记' }}
        onRow={(r) => ({
          onClick: () => navigate(`/petitions/${r.id}`),
          onKeyDown: (e) => {
            if (e.key === 'Enter') navigate(`/petitions/${r.id}`);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'data-testid': 'petition-row',
        })}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => totalLabel(t, capped, '件'),
        }}
        onChange={(p, _f, sorter, extra) => {
          if (extra.action === 'sort') setState({ ...state, ...nextSort(sorter, PETITION_SORTS, DEFAULT_SORT), page: 1 });
          else setState({ ...state, page: p.pageSize !== state.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? state.pageSize });
        }}
        columns={[
          {
            title: '编号',
            dataIndex: 'number',
            key: 'number',
            sorter: true,
            sortOrder: columnOrder(state, 'number'),
            width: 140,
            render: (n: string) => <Typography.Link style={{ fontFamily: 'monospace' }}>{n}</Typography.Link>,
          },
          {
            title: '登记时间',
            dataIndex: 'receivedAt',
            key: 'receivedAt',
            sorter: true,
            sortOrder: columnOrder(state, 'receivedAt'),
            sortDirections: ['descend', 'ascend', 'descend'],
            width: 135,
            render: (at: string) => dateTime(at),
          },
          {
            title: '来访人',
            dataIndex: 'visitorName',
            width: 100,
            render: (name: string, r) => (
              <Space size={4}>
                {name}
                {r.fileId !== null && (
                  <Tooltip title="已建档职工">
                    <LinkOutlined style={{ color: '#1677ff' }} />
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: '方式', dataIndex: 'channel', width: 60, render: (c: PetitionChannel) => PETITION_CHANNEL_LABELS[c] },
          { title: '诉求类别', dataIndex: 'category', width: 110, render: (c: PetitionCategory) => PETITION_CATEGORY_LABELS[c] },
          { title: '紧急程度', dataIndex: 'urgency', width: 80, render: (u: Urgency) => <UrgencyTag urgency={u} /> },
          {
            title: '状态',
            dataIndex: 'status',
            key: 'status',
            sorter: true,
            sortOrder: columnOrder(state, 'status'),
            width: 170,
            render: (s: PetitionStatus, r) => (
              <Space size={4} wrap>
                <PetitionStatusTag status={s} />
                <OverdueTag stage={r.overdue} />
              </Space>
            ),
          },
          { title: '经办人', dataIndex: 'handlerName', width: 90 },
          {
            title: '期限',
            key: 'due',
            sorter: true,
            sortOrder: columnOrder(state, 'due'),
            width: 140,
            render: (_, r) => {
              const due = nextDue(r);
              if (!due) return <Typography.Text type="secondary">已办结</Typography.Text>;
              return (
                <Typography.Text type={r.overdue ? 'danger' : undefined} strong={!!r.overdue}>
                  {due.label} {due.date}
                </Typography.Text>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
