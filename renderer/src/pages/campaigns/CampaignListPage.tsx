import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUSES, type CampaignKind } from '../../../../shared/campaign';
import type { CampaignSummary } from '../../../../shared/contract/campaigns';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { navigate, useHashPath } from '../../router';
import { hasRole, useSession } from '../../session';
import { CampaignFormModal } from './CampaignFormModal';
import { BUILDER_ROLES, CampaignStatusTag } from './campaignLabels';

export function CampaignListPage() {
  const { user } = useSession();
  const canBuild = hasRole(user, BUILDER_ROLES);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<{ rows: CampaignSummary[]; total: number }>({ rows: [], total: 0 });
  const [creating, setCreating] = useState(false);
  const { busy, run } = useAction();
  // '#/campaigns?status=pending_director': the 工作台's inbox opens the lists at that stage.
  const query = useHashPath().split('?')[1];
  const status = CAMPAIGN_STATUSES.find((s) => s === new URLSearchParams(query ?? '').get('status'));
  const load = useCallback(() => void run(() => invoke('campaigns.list', { ...page, ...(status ? { status } : {}) })).then((d) => d && setData(d)), [page, status, run]);
  useEffect(load, [load]);
  useHotkey({ key: 'n' }, () => setCreating(true), canBuild);

  return (
    <Card
      title={
        <Space>
          慰问活动（送温暖 / 春节慰问 / 金秋助学）
          {status && (
            <Tag closable onClose={() => navigate('/campaigns')} data-testid="campaign-status-filter">
              只看{CAMPAIGN_STATUS_LABELS[status]}
            </Tag>
          )}
        </Space>
      }
      extra={
        canBuild && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">
            新建活动（N）
          </Button>
        )
      }
    >
      <Table<CampaignSummary>
        rowKey="id"
        loading={busy}
        dataSource={data.rows}
        pagination={{ current: page.page, pageSize: page.pageSize, total: data.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        onRow={(r) => ({ onClick: () => navigate(`/campaigns/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': 'campaign-row' })}
        columns={[
          { title: '编号', dataIndex: 'number', render: (n: string) => <Typography.Link style={{ fontFamily: 'monospace' }}>{n}</Typography.Link> },
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: CampaignKind) => CAMPAIGN_KIND_LABELS[k] },
          { title: '日期', render: (_: unknown, r) => `${r.startDate} 至 ${r.endDate}` },
          { title: '人数', dataIndex: 'count', align: 'right' },
          { title: '名单金额 / 预算', align: 'right', render: (_: unknown, r) => `${formatYuan(r.listedFen)} / ${formatYuan(r.budgetFen)}` },
          { title: '已发放', dataIndex: 'paidFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: '状态', dataIndex: 'status', render: (s: CampaignSummary['status']) => <CampaignStatusTag status={s} /> },
        ]}
      />
      <CampaignFormModal
        open={creating}
        campaign={null}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(`/campaigns/${c.id}`);
        }}
      />
    </Card>
  );
}
