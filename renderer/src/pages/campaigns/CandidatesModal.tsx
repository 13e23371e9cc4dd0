import { Alert, Modal, Popconfirm, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CAMPAIGN_GROUP_LABELS, isSchoolLevelGroup, type CampaignGroup } from '../../../../shared/campaign';
import type { Candidate, CandidatePage, Campaign } from '../../../../shared/contract/campaigns';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';

/** Preview of building the list from the files: who fits and why, who is left out and why; then add all who fit. */
export function CandidatesModal({ campaign, open, onClose, onBuilt }: { campaign: Campaign; open: boolean; onClose(): void; onBuilt(c: Campaign): void }) {
  const [show, setShow] = useState<'qualifying' | 'excluded'>('qualifying');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<CandidatePage | null>(null);
  const { busy, run } = useAction();
  const load = useCallback(() => {
    if (open) void run(() => invoke('campaigns.candidates', { id: campaign.id, show, ...page, workUnit: '' })).then((d) => d && setData(d));
  }, [open, campaign.id, show, page, run]);
  useEffect(load, [load]);

  const build = async () => {
    const r = await run(() => invoke('campaigns.build', { id: campaign.id, workUnit: '' }));
    if (r) onBuilt(r.campaign);
  };
  const after = campaign.listedFen + (data?.qualifyingFen ?? 0);
  return (
    <Modal open={open} onCancel={onClose} title="按条件生成名单" width={1000} footer={null} destroyOnHidden>
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={after > campaign.budgetFen ? 'warning' : 'info'}
            showIcon
            title={`符合条件 ${data.qualifyingCount} 人，合计 ${formatYuan(data.qualifyingFen)}；被排除 ${data.excludedCount} 人。加入后名单合计 ${formatYuan(after)}，总预算 ${formatYuan(campaign.budgetFen)}${after > campaign.budgetFen ? '，将超出预算（超出预算的名单不能提交）' : ''}。`}
          />
          {campaign.groups.some((g) => isSchoolLevelGroup(g.group)) && (
            <Alert type="info" showIcon title="档案没有记录子女就读学段：按学段的助学类别（小学、初中、高中、大学）不按条件筛选，请用“导入上报名单”或“手工添加”列入并注明学段。" />
          )}
          <Tabs
            activeKey={show}
            onChange={(k) => {
              setShow(k as typeof show);
              setPage({ page: 1, pageSize: page.pageSize });
            }}
            items={[
              { key: 'qualifying', label: `符合条件（${data.qualifyingCount}）` },
              { key: 'excluded', label: `被排除（${data.excludedCount}）` },
            ]}
          />
          <Table<Candidate>
            rowKey="fileId"
            size="small"
            loading={busy}
            dataSource={data.rows}
            pagination={{ current: page.page, pageSize: page.pageSize, total: data.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '身份证号', dataIndex: 'maskedIdNumber', render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span> },
              { title: '工作单位', dataIndex: 'workUnit' },
              { title: '类别', dataIndex: 'group', render: (g: CampaignGroup | null) => (g ? CAMPAIGN_GROUP_LABELS[g] : '—') },
              { title: '标准', dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f) },
              {
                title: show === 'qualifying' ? '列入理由' : '排除原因',
                render: (_: unknown, r) =>
                  show === 'qualifying' ? (
                    <Typography.Text>{r.reasons.join('；')}</Typography.Text>
                  ) : (
                    r.exclusions.map((e) => (
                      <Tag color="red" key={e.kind} style={{ whiteSpace: 'normal' }}>
                        {e.text}
                      </Tag>
                    ))
                  ),
              },
            ]}
          />
          <Space>
            <Popconfirm title={`将 ${data.qualifyingCount} 人加入名单？`} okText="加入" cancelText="取消" onConfirm={() => void build()} disabled={data.qualifyingCount === 0}>
              <Button type="primary" loading={busy} disabled={data.qualifyingCount === 0} data-testid="campaign-build-confirm">
                全部符合条件的加入名单
              </Button>
            </Popconfirm>
            <Button onClick={onClose}>关闭</Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}
