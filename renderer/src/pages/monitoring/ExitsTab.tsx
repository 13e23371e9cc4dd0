import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { monitoringChannels, type ExitProposalView } from '../../../../shared/contract/monitoring';
import { localDateTime } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import type { ExitStatus } from '../../../../shared/monitoring';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { useAction } from '../../components/useAction';
import { navigate } from '../../router';
import { ReasonModal } from '../files/ReasonModal';
import { ExitStatusTag } from './monitoringLabels';

type Decision = { proposal: ExitProposalView; decision: 'approve' | 'reject' } | null;
const commentSchema = monitoringChannels['monitoring.decideExit'].input.shape.comment;
const rejectSchema = z.string().trim().min(2, '不批准时请写明审核意见').max(500, '审核意见不能超过 500 个字');

/** 脱困审核: proposals to exit, decided by a director who did not propose them (the row says whether the caller may). */
export function ExitsTab({ onDecided }: { onDecided(): void }) {
  const [status, setStatus] = useState<ExitStatus | 'all'>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<{ rows: ExitProposalView[]; total: number }>({ rows: [], total: 0 });
  const [deciding, setDeciding] = useState<Decision>(null);
  const { busy, run } = useAction();
  const act = useAction();
  const xlsx = useAction();
  const exportXlsx = () =>
    void xlsx.run(() => invoke('monitoring.exitProposalsXlsx', status === 'all' ? {} : { status }), '已导出 Excel').then((f) => f && downloadFile(f));
  const load = useCallback(
    () => void run(() => invoke('monitoring.exitProposals', { ...(status === 'all' ? {} : { status }), ...page })).then((d) => d && setData(d)),
    [run, status, page],
  );
  useEffect(load, [load]);

  const decide = async (d: NonNullable<Decision>, comment: string) => {
    const out = await act.run(
      () => invoke('monitoring.decideExit', { proposalId: d.proposal.id, decision: d.decision, comment }),
      d.decision === 'approve' ? '已批准脱困，档案转为稳定户' : '已退回',
    );
    if (!out) return false;
    setDeciding(null);
    load();
    onDecided();
    return true;
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<ExitStatus | 'all'>
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage((x) => ({ ...x, page: 1 }));
          }}
          options={[
            { value: 'pending', label: '待审核' },
            { value: 'approved', label: '已批准' },
            { value: 'rejected', label: '未批准' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Button icon={<FileExcelOutlined />} loading={xlsx.busy} onClick={exportXlsx} data-testid="exit-xlsx">
          导出
        </Button>
        <Typography.Text type="secondary">脱困申请在档案页“动态监测”中提出；由另一位主任审核。批准后档案保留，转为稳定户每年回访。</Typography.Text>
      </Space>
      <Table<ExitProposalView>
        rowKey="id"
        size="middle"
        loading={busy}
        dataSource={data.rows}
        data-testid="exit-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: data.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Typography.Link onClick={() => navigate(`/files/${r.fileId}`)}>{n}</Typography.Link> },
          { title: '工作单位', dataIndex: 'workUnit' },
          { title: '人均月收入', dataIndex: 'perCapitaIncomeFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: '脱困理由', dataIndex: 'reason' },
          { title: '提出', render: (_: unknown, r) => `${r.proposedBy}，${localDateTime(new Date(r.proposedAt))}` },
          {
            title: '状态',
            render: (_: unknown, r) => (
              <span>
                <ExitStatusTag status={r.status} />
                {r.decidedBy && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {r.decidedBy}{r.comment ? `：${r.comment}` : ''}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: '审核',
            render: (_: unknown, r) =>
              r.mayDecide ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setDeciding({ proposal: r, decision: 'approve' })} data-testid="exit-approve">
                    批准
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ proposal: r, decision: 'reject' })} data-testid="exit-reject">
                    不批准
                  </Button>
                </Space>
              ) : r.status === 'pending' ? (
                <Typography.Text type="secondary">待另一位主任审核</Typography.Text>
              ) : null,
          },
        ]}
      />
      <ReasonModal
        open={deciding !== null}
        title={deciding ? `${deciding.decision === 'approve' ? '批准' : '不批准'}脱困：${deciding.proposal.name}` : ''}
        reasonLabel={deciding?.decision === 'approve' ? '审核意见（可不填）' : '不批准的理由'}
        reasonSchema={deciding?.decision === 'approve' ? commentSchema : rejectSchema}
        okText={deciding?.decision === 'approve' ? '批准' : '不批准'}
        confirmTitle={deciding?.decision === 'approve' ? '确认批准？档案转为稳定户，保留备查' : '确认不批准？'}
        danger={deciding?.decision === 'reject'}
        busy={act.busy}
        testId="exit-decide-modal"
        onCancel={() => setDeciding(null)}
        onSubmit={(v) => (deciding ? decide(deciding, v.reason) : Promise.resolve(false))}
      />
    </Space>
  );
}
