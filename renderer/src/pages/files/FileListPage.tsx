import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FileSort, FileSummary } from '../../../../shared/contract/files';
import { localDate, localDateTime } from '../../../../shared/dates';
import { INCOME_TIER_LABELS, INCOME_TIERS, type IncomeTier } from '../../../../shared/household';
import { maskIdNumber } from '../../../../shared/idcard';
import { formatYuan } from '../../../../shared/money';
import {
  FILE_STATUS_LABELS,
  FILE_STATUSES,
  HARDSHIP_CAUSE_LABELS,
  HARDSHIP_CAUSES,
  type FileStatus,
  type HardshipCause,
} from '../../../../shared/workerFile';
import { invoke } from '../../api';
import { totalLabel } from '../../components/totalLabel';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { FileSearch } from './FileSearch';
import { StatusTag, TierTag, WarningTag } from './fileLabels';
import { VocabularyFilter } from '../../components/VocabularyFilter';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { useExportXlsx } from '../../components/ExportXlsxButton';

interface ListState {
  page: number;
  pageSize: number;
  status?: FileStatus;
  workUnit?: string;
  tier?: IncomeTier;
  cause?: HardshipCause;
  /** 建档日期, local days, both included. */
  from?: string;
  to?: string;
  sort: FileSort;
  order: 'asc' | 'desc';
}

const DEFAULT_STATE: ListState = { page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' };
// Kept for the session, so coming back from a file shows the same page and filters.
let remembered: ListState = DEFAULT_STATE;

const WRITERS = ['staff', 'director'] as const;

export function FileListPage() {
  const { user } = useSession();
  const canWrite = hasRole(user, WRITERS);
  const [state, setStateRaw] = useState<ListState>(remembered);
  const setState = (next: ListState) => {
    remembered = next;
    setStateRaw(next);
  };
  const [rows, setRows] = useState<FileSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [capped, setCapped] = useState(false);
  const [units, setUnits] = useState<string[]>([]);
  const { busy, run } = useAction();

  // One filter for the list and its workbook: the export holds every page of what the table shows.
  const { page, pageSize, status, workUnit, tier, cause, from, to, sort, order } = state;
  const query = useMemo(() => ({ status, workUnit, tier, cause, from, to, sort, order }), [status, workUnit, tier, cause, from, to, sort, order]);
  const exporter = useExportXlsx((jobId) => invoke('files.exportXlsx', { ...query, jobId }), 'file-export');

  const load = useCallback(() => {
    void run(() => invoke('files.list', { page, pageSize, ...query })).then((r) => {
      if (r) (setRows(r.rows), setTotal(r.total), setCapped(r.totalCapped === true));
    });
  }, [page, pageSize, query, run]);
  useEffect(load, [load]);
  useEffect(() => {
    void run(() => invoke('files.units', {})).then((u) => u && setUnits(u));
  }, [run]);

  useHotkey({ key: 'n', alt: true }, () => navigate('/files/new'), canWrite);

  const filter = (patch: Partial<ListState>) => setState({ ...state, ...patch, page: 1 });
  const sortOrder = (key: FileSort) => (state.sort === key ? (state.order === 'asc' ? 'ascend' : 'descend') : null);
  const filtered =
    state.status !== undefined || state.workUnit !== undefined || state.tier !== undefined || state.cause !== undefined || state.from !== undefined || state.to !== undefined;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="困难职工档案"
        extra={
          canWrite && (
            <Tooltip title="快捷键 Alt+N">
              <Button type="primary" icon={<PlusOutlined />} data-testid="file-new" onClick={() => navigate('/files/new')}>
                新建档案 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+N</Typography.Text>
              </Button>
            </Tooltip>
          )
        }
      >
        <FileSearch canCreate={canWrite} />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          先查后建：来访职工先按姓名、身份证号或电话查找，已建档的直接打开，一人只建一份档案。
        </Typography.Text>
      </Card>

      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <VocabularyFilter
            label="状态"
            testId="filter-status"
            placeholder="全部状态"
            width={140}
            values={FILE_STATUSES}
            labels={FILE_STATUS_LABELS}
            value={state.status}
            onChange={(v) => filter({ status: v })}
          />
          <Select<string>
            aria-label="工作单位"
            data-testid="filter-unit"
            placeholder="全部单位"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            value={state.workUnit}
            onChange={(v) => filter({ workUnit: v })}
            options={units.map((u) => ({ value: u, label: u }))}
            notFoundContent="没有匹配的单位"
          />
          <VocabularyFilter
            label="收入档次"
            testId="filter-tier"
            placeholder="全部收入档次"
            width={240}
            values={INCOME_TIERS}
            labels={INCOME_TIER_LABELS}
            value={state.tier}
            onChange={(v) => filter({ tier: v })}
          />
          <VocabularyFilter
            label="致困原因"
            testId="filter-cause"
            placeholder="全部致困原因"
            width={160}
            values={HARDSHIP_CAUSES}
            labels={HARDSHIP_CAUSE_LABELS}
            value={state.cause}
            onChange={(v) => filter({ cause: v })}
          />
          <DateRangeFilter label="建档日期" testId="filter-created" value={{ from: state.from, to: state.to }} onChange={(r) => filter(r)} />
          {filtered && (
            <Button type="link" onClick={() => setState({ ...DEFAULT_STATE, sort: state.sort, order: state.order, pageSize: state.pageSize })}>
              清除筛选
            </Button>
          )}
          {exporter.button}
        </Space>
        {exporter.progress}
        <Table<FileSummary>
          rowKey="id"
          size="middle"
          data-testid="file-table"
          loading={busy}
          dataSource={rows}
          // fits the card at 1440 px (the unit column takes what is left); narrower screens scroll
          scroll={{ x: 1100 }}
          locale={{ emptyText: filtered ? '没有符合条件的档案' : '还没有档案' }}
          onRow={(r) => ({
            onClick: () => navigate(`/files/${r.id}`),
            onKeyDown: (e) => {
              if (e.key === 'Enter') navigate(`/files/${r.id}`);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
            'data-testid': 'file-row',
          })}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => totalLabel(t, capped, '份档案'),
          }}
          onChange={(p, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<FileSummary> | undefined;
            const key = s?.order ? (s.columnKey as FileSort) : DEFAULT_STATE.sort;
            const order = s?.order === 'ascend' ? 'asc' : 'desc';
            const sortChanged = key !== state.sort || order !== state.order;
            setState({
              ...state,
              page: sortChanged || p.pageSize !== state.pageSize ? 1 : (p.current ?? 1),
              pageSize: p.pageSize ?? state.pageSize,
              sort: key,
              order,
            });
          }}
          columns={[
            { title: '姓名', dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name'), width: 110,
              render: (name: string, r) => (
                <Space size={4}>
                  <Typography.Link>{name}</Typography.Link>
                  {r.excluded && <Tooltip title="有未解除的不予救助标记"><Tag color="volcano">不予救助</Tag></Tooltip>}
                </Space>
              ) },
            { title: '身份证号', dataIndex: 'idNumber', width: 175, render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{maskIdNumber(v)}</span> },
            { title: '单位', dataIndex: 'workUnit', key: 'workUnit', sorter: true, sortOrder: sortOrder('workUnit'), ellipsis: true },
            { title: '家庭人口', dataIndex: 'householdSize', width: 80, align: 'right', render: (n: number) => `${n} 人` },
            { title: '人均月收入', dataIndex: 'perCapitaIncomeFen', key: 'perCapitaIncome', sorter: true, sortOrder: sortOrder('perCapitaIncome'), width: 110, align: 'right',
              render: (fen: number) => formatYuan(fen) },
            { title: '收入档次', dataIndex: 'tier', width: 190, render: (t: IncomeTier) => <TierTag tier={t} /> },
            { title: '致困原因', dataIndex: 'hardshipCauses', width: 100, render: (cs: HardshipCause[]) => cs.map((c) => HARDSHIP_CAUSE_LABELS[c]).join('、') },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: FileStatus, f) => (
                <>
                  <StatusTag status={s} />
                  <WarningTag level={f.warning} />
                </>
              ),
            },
            { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', sorter: true, sortOrder: sortOrder('updatedAt'), width: 105,
              sortDirections: ['descend', 'ascend', 'descend'],
              render: (at: string) => <Tooltip title={localDateTime(new Date(at))}>{localDate(new Date(at))}</Tooltip> },
          ]}
        />
      </Card>
    </Space>
  );
}
