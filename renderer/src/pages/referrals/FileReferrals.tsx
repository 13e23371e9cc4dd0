import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FileReferrals as FileReferralsData, JobReferral, LegalAidCase } from '../../../../shared/contract/referrals';
import { APPLICANT_TYPE_LABELS, INFRINGEMENT_LABELS, LEGAL_TARGET_LABELS } from '../../../../shared/referral';
import { invoke } from '../../api';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { COUNTER_ROLES, LegalStatusTag, OutcomeTag, dateTime } from './referralLabels';

/** The job referrals and legal-aid cases of one worker file, as a card on the file page. */
export function FileReferrals({ fileId }: { fileId: number }) {
  const { user } = useSession();
  const canWrite = hasRole(user, COUNTER_ROLES);
  const [data, setData] = useState<FileReferralsData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('referrals.forFile', { fileId })
      .then((d) => live && setData(d))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [fileId]);

  const petitionLink = (id: number | null, number: string | null) =>
    id ? <Typography.Link onClick={() => navigate(`/petitions/${id}`)}>{number}</Typography.Link> : '—';

  return (
    <Card
      title="职业介绍与法律援助"
      size="small"
      data-testid="file-referrals"
      extra={
        canWrite && (
          <Space>
            <Button size="small" onClick={() => navigate(`/referrals/jobs?file=${fileId}`)} data-testid="file-refer-job">
              推荐就业
            </Button>
            <Button size="small" onClick={() => navigate(`/referrals/legal?file=${fileId}`)} data-testid="file-legal-intake">
              法律援助登记
            </Button>
          </Space>
        )
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {data && data.jobReferrals.length === 0 && data.legalAidCases.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无推荐就业或法律援助记录" />
      )}
      {data && data.jobReferrals.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            推荐就业
          </Typography.Title>
          <Table<JobReferral>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.jobReferrals}
            data-testid="file-job-referrals"
            columns={[
              { title: '推荐时间', render: (_, r) => dateTime(r.createdAt) },
              { title: '岗位', render: (_, r) => `${r.unit} ${r.jobType}` },
              { title: '推荐说明', dataIndex: 'note', render: (t: string) => t || '—' },
              { title: '结果', render: (_, r) => <OutcomeTag outcome={r.outcome} /> },
              { title: '结果说明', dataIndex: 'outcomeNote', render: (t: string) => t || '—' },
              { title: '来访', render: (_, r) => petitionLink(r.petitionId, r.petitionNumber) },
              { title: '推荐人', dataIndex: 'createdBy' },
            ]}
          />
        </>
      )}
      {data && data.legalAidCases.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: data.jobReferrals.length ? 16 : 0 }}>
            法律援助
          </Typography.Title>
          <Table<LegalAidCase>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.legalAidCases}
            data-testid="file-legal-cases"
            columns={[
              { title: '登记时间', render: (_, c) => dateTime(c.createdAt) },
              { title: '身份', render: (_, c) => APPLICANT_TYPE_LABELS[c.applicantType] },
              { title: '侵权类型', render: (_, c) => <Tag color="volcano">{INFRINGEMENT_LABELS[c.infringementType]}</Tag> },
              { title: '涉及单位', dataIndex: 'respondent', render: (t: string) => t || '—' },
              { title: '转介', render: (_, c) => (c.targetName ? `${LEGAL_TARGET_LABELS[c.targetKind ?? 'lawyer']}：${c.targetName}` : '—') },
              { title: '状态', render: (_, c) => <LegalStatusTag status={c.status} outcome={c.outcome} /> },
              { title: '结果说明', dataIndex: 'outcomeNote', render: (t: string | null) => t || '—' },
              { title: '来访', render: (_, c) => petitionLink(c.petitionId, c.petitionNumber) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
