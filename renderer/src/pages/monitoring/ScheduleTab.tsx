import { FileExcelOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ScheduleRow } from '../../../../shared/contract/monitoring';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { useAction } from '../../components/useAction';
import { navigate } from '../../router';
import { StatusTag, WarningTag } from '../files/fileLabels';
import { AssignModal } from './AssignModal';
import { dueText, RiskStateTag } from './monitoringLabels';
import type { VisitTarget } from './VisitModal';

export type Scope = 'mine' | 'all';
export type Show = 'due' | 'overdue' | 'all';

const SHOW_TITLES: Record<Show, string> = { due: '待回访', overdue: '已逾期', all: '全部' };

/** One of the three revisit lists; `reloadKey` changes after a visit is recorded elsewhere on the page. */
export function ScheduleTab(p: { scope: Scope; show: Show; canWrite: boolean; canAssign: boolean; reloadKey: number; onVisit(t: VisitTarget): void; onChanged(): void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<{ rows: ScheduleRow[]; total: number }>({ rows: [], total: 0 });
  const { busy, run } = useAction();
  const xlsx = useAction();
  const [selected, setSelected] = useState<number[]>([]);
  const [assigning, setAssigning] = useState<number[] | null>(null);
  const load = useCallback(
    () => void run(() => invoke('monitoring.schedule', { scope: p.scope, show: p.show, ...page })).then((d) => d && setData(d)),
    [run, p.scope, p.show, page],
  );
  useEffect(load, [load, p.reloadKey]);
  useEffect(() => setPage((x) => ({ ...x, page: 1 })), [p.scope, p.show]);
  useEffect(() => setSelected([]), [p.scope, p.show, p.reloadKey]);

  const exportXlsx = () =>
    void xlsx.run(() => invoke('monitoring.scheduleXlsx', { scope: p.scope, show: p.show }), '已导出 Excel').then((f) => f && downloadFile(f));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          {p.show === 'due' && '到期日在提醒期内、尚未逾期的档案。'}
          {p.show === 'overdue' && '已过应回访日期仍未回访的档案，请尽快安排。'}
          {p.show === 'all' && '所有在册档案（含已脱困的稳定户），按应回访日期排列。'}
        </Typography.Text>
        <Space>
          {p.canAssign && (
            <Button icon={<TeamOutlined />} disabled={selected.length === 0} onClick={() => setAssigning(selected)} data-testid={`schedule-assign-${p.show}`}>
              指定帮扶责任人{selected.length > 0 ? `（${selected.length} 户）` : ''}
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} loading={xlsx.busy} onClick={exportXlsx} data-testid={`schedule-xlsx-${p.show}`}>
            导出{SHOW_TITLES[p.show]}名单
          </Button>
        </Space>
      </Space>
      <Table<ScheduleRow>
        rowKey="fileId"
        size="middle"
        loading={busy}
        dataSource={data.rows}
        data-testid={`schedule-${p.show}`}
        rowSelection={p.canAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true } : undefined}
        locale={{ emptyText: p.show === 'overdue' ? '没有逾期未回访的档案' : '暂无' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: data.total, onChange: (pg, s) => setPage({ page: pg, pageSize: s }) }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (n: string, r) => (
              <Typography.Link onClick={() => navigate(`/files/${r.fileId}`)} data-testid="schedule-name">
                {n}
              </Typography.Link>
            ),
          },
          { title: '工作单位', dataIndex: 'workUnit' },
          { title: '电话', dataIndex: 'phone' },
          {
            title: '风险状态',
            render: (_: unknown, r) => (
              <Space size={4}>
                <RiskStateTag state={r.riskState} />
                <WarningTag level={r.warning} />
                {r.status === 'exited' && <StatusTag status={r.status} />}
              </Space>
            ),
          },
          { title: '人均月收入', dataIndex: 'perCapitaIncomeFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: '帮扶责任人', dataIndex: 'responsible', render: (s: string) => s || '—' },
          { title: '上次回访', dataIndex: 'lastVisitDate', render: (d: string | null) => d ?? '未回访' },
          {
            title: '应回访日期',
            render: (_: unknown, r) => (
              <Typography.Text type={r.overdueDays > 0 ? 'danger' : undefined} strong={r.overdueDays > 0}>
                {dueText(r.dueDate, r.overdueDays)}
              </Typography.Text>
            ),
          },
          ...(p.canWrite
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: ScheduleRow) => (
                    <Button size="small" type="primary" ghost onClick={() => p.onVisit({ fileId: r.fileId, name: r.name, dueDate: r.dueDate })} data-testid="schedule-visit">
                      登记回访
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AssignModal
        fileIds={assigning}
        onClose={() => setAssigning(null)}
        onAssigned={() => {
          setSelected([]);
          load();
          p.onChanged();
        }}
      />
    </Space>
  );
}
