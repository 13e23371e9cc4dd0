import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_KIND_LABELS, type CampaignGroup, type CampaignKind } from '../../../../shared/campaign';
import type { CampaignGrant } from '../../../../shared/contract/campaigns';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { navigate } from '../../router';

/** The campaigns a worker file was listed in and paid by, as a card on the file page (relief history). */
export function FileCampaigns({ fileId }: { fileId: number }) {
  const [rows, setRows] = useState<CampaignGrant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    invoke('campaigns.forFile', { fileId })
      .then((r) => live && setRows(r))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [fileId]);
  return (
    <Card title="慰问记录（送温暖、金秋助学等）" size="small" data-testid="file-campaigns">
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {rows && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无慰问记录" />}
      {rows && rows.length > 0 && (
        <Table<CampaignGrant>
          rowKey="number"
          size="small"
          pagination={false}
          dataSource={rows}
          onRow={(r) => ({ onClick: () => navigate(`/campaigns/${r.campaignId}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '活动', dataIndex: 'name', render: (n: string, r) => <Typography.Link>{n}（{CAMPAIGN_KIND_LABELS[r.kind as CampaignKind]}）</Typography.Link> },
            { title: '类别', dataIndex: 'group', render: (g: CampaignGroup) => CAMPAIGN_GROUP_LABELS[g] },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f) },
            {
              title: '发放',
              render: (_: unknown, r) => (r.returned ? <Tag color="red">未领取已退回</Tag> : r.paidDate ? <Tag color="green">{r.paidDate} 已发放</Tag> : <Tag>在名单上，未发放</Tag>),
            },
          ]}
        />
      )}
    </Card>
  );
}
