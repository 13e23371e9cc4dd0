import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Paged } from '../../../../shared/contract/fields';
import { referralChannels, type LegalAidCase, type LegalIntakeInput } from '../../../../shared/contract/referrals';
import {
  APPLICANT_TYPE_LABELS,
  INFRINGEMENT_LABELS,
  LEGAL_OUTCOME_LABELS,
  LEGAL_OUTCOMES,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  LEGAL_TARGET_LABELS,
  type LegalOutcome,
  type LegalStatus,
} from '../../../../shared/referral';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { IntakeModal } from './IntakeModal';
import { LegalReferModal } from './LegalReferModal';
import { OutcomeModal } from './OutcomeModal';
import { COUNTER_ROLES, LegalStatusTag, dateTime } from './referralLabels';
import { useOrigin } from './useOrigin';

interface Query {
  page: number;
  pageSize: number;
  status?: LegalStatus;
  q: string;
  petitionOnly: boolean;
}

const outcomeShape = referralChannels['legalAid.setOutcome'].input.shape;

/** The facts and the referral of one case, shown when its row is expanded. */
function CaseDetail({ c }: { c: LegalAidCase }) {
  return (
    <Descriptions size="small" column={1} bordered data-testid="legal-detail">
      <Descriptions.Item label="事实经过">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.facts}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label="登记">
        {c.createdBy}，{dateTime(c.createdAt)}
        {c.applicantPhone && `；申请人电话 ${c.applicantPhone}`}
      </Descriptions.Item>
      {c.targetName && (
        <Descriptions.Item label="转介">
          {LEGAL_TARGET_LABELS[c.targetKind ?? 'lawyer']} {c.targetName}
          {c.targetContact && `（${c.targetContact}）`}
          {c.referNote && `：${c.referNote}`}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {c.referredBy}，{c.referredAt ? dateTime(c.referredAt) : ''}
          </Typography.Text>
        </Descriptions.Item>
      )}
      {c.outcome && (
        <Descriptions.Item label="结果">
          {LEGAL_OUTCOME_LABELS[c.outcome]}：{c.outcomeNote}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {c.closedBy}，{c.closedAt ? dateTime(c.closedAt) : ''}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 法律援助: intake for workers, model workers and union officers; referral to a lawyer or legal-aid office; outcome. */
export function LegalPage() {
  const { user } = useSession();
  const canWrite = hasRole(user, COUNTER_ROLES);
  const origin = useOrigin(false);
  const { busy, run } = useAction();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20, q: '', petitionOnly: false });
  const [cases, setCases] = useState<Paged<LegalAidCase>>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);

  const [intake, setIntake] = useState(false);
  const [referFor, setReferFor] = useState<LegalAidCase | null>(null);
  const [outcomeFor, setOutcomeFor] = useState<LegalAidCase | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);

  // Opened from a petition or a file: filter by the petition and offer the intake form at once.
  const started = useRef(false);
  useEffect(() => {
    if (!origin.ready || started.current || !origin.present) return;
    started.current = true;
    if (origin.petition) setQuery((q) => ({ ...q, petitionOnly: true }));
    if (canWrite) setIntake(true);
  }, [origin, canWrite]);

  const petitionFilter = query.petitionOnly && origin.petition ? origin.petition.id : undefined;
  useEffect(() => {
    setLoading(true);
    void run(() =>
      invoke('legalAid.list', { page: query.page, pageSize: query.pageSize, status: query.status, q: query.q || undefined, petitionId: petitionFilter }),
    )
      .then((r) => r && setCases(r))
      .finally(() => setLoading(false));
  }, [query, petitionFilter, run, reloadKey]);

  useHotkey({ key: 'n', alt: true }, () => setIntake(true), canWrite);

  const saveIntake = async (v: LegalIntakeInput) => {
    const out = await run(() => invoke('legalAid.intake', v), '法律援助已登记');
    if (out) {
      setIntake(false);
      setExpanded([out.id]);
      reload();
    }
    return !!out;
  };
  const saveRefer = async (v: { targetKind: 'lawyer' | 'legal_aid_office'; targetName: string; targetContact: string; note: string }) => {
    if (!referFor) return false;
    const out = await run(() => invoke('legalAid.refer', { id: referFor.id, ...v }), '已转介');
    if (out) (setReferFor(null), reload());
    return !!out;
  };
  const saveOutcome = async (v: { outcome: LegalOutcome; note: string }) => {
    if (!outcomeFor) return false;
    const out = await run(() => invoke('legalAid.setOutcome', { id: outcomeFor.id, ...v }), '已结案');
    if (out) (setOutcomeFor(null), reload());
    return !!out;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {origin.present && (
        <Alert
          type="info"
          showIcon
          data-testid="legal-origin"
          title={
            origin.petition
              ? `来自来访 ${origin.petition.number}${origin.worker ? `（${origin.worker.name}）` : ''}。登记的案件会挂在这次来访下。`
              : origin.worker
                ? `为 ${origin.worker.name} 登记法律援助`
                : '正在读取…'
          }
          action={
            <Space>
              {canWrite && (
                <Button size="small" type="primary" onClick={() => setIntake(true)}>
                  登记
                </Button>
              )}
              {origin.petition && (
                <Button size="small" onClick={() => navigate(`/petitions/${origin.petition!.id}`)}>
                  回到来访记录
                </Button>
              )}
              <Button size="small" type="text" onClick={() => navigate('/referrals/legal')}>
                清除
              </Button>
            </Space>
          }
        />
      )}
      <Card
        title="法律援助"
        extra={
          canWrite && (
            <Tooltip title="快捷键 Alt+N">
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} data-testid="legal-new">
                法律援助登记 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+N</Typography.Text>
              </Button>
            </Tooltip>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<LegalStatus | 'all'>
            value={query.status ?? 'all'}
            onChange={(s) => setQuery({ ...query, status: s === 'all' ? undefined : s, page: 1 })}
            options={[{ value: 'all', label: '全部' }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: LEGAL_STATUS_LABELS[s] }))]}
            data-testid="legal-status-filter"
          />
          <Input.Search
            allowClear
            placeholder="按申请人姓名或涉及单位查找"
            style={{ width: 280 }}
            onSearch={(q) => setQuery({ ...query, q: q.trim(), page: 1 })}
            data-testid="legal-search"
          />
          {origin.petition && (
            <Tag
              color={query.petitionOnly ? 'blue' : 'default'}
              style={{ cursor: 'pointer', padding: '4px 8px' }}
              onClick={() => setQuery({ ...query, petitionOnly: !query.petitionOnly, page: 1 })}
            >
              {query.petitionOnly ? `只看来访 ${origin.petition.number}（点击看全部）` : `只看来访 ${origin.petition.number}`}
            </Tag>
          )}
        </Space>
        <Table<LegalAidCase>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={cases.rows}
          data-testid="legal-table"
          locale={{ emptyText: '暂无法律援助案件' }}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
            expandedRowRender: (c) => <CaseDetail c={c} />,
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: cases.total,
            showTotal: (t) => `共 ${t} 件`,
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 64 },
            { title: '登记时间', width: 150, render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(c.createdAt)}</span> },
            {
              title: '申请人',
              render: (_, c) =>
                c.fileId ? (
                  <Typography.Link onClick={() => navigate(`/files/${c.fileId}`)}>{c.applicantName}</Typography.Link>
                ) : (
                  <span>
                    {c.applicantName} <Tag>未建档</Tag>
                  </span>
                ),
            },
            { title: '身份', width: 90, render: (_, c) => APPLICANT_TYPE_LABELS[c.applicantType] },
            { title: '侵权类型', render: (_, c) => <Tag color="volcano">{INFRINGEMENT_LABELS[c.infringementType]}</Tag> },
            { title: '涉及单位', dataIndex: 'respondent', width: 150, render: (t: string) => t || '—' },
            {
              title: '来访',
              width: 130,
              render: (_, c) => (c.petitionId ? <Typography.Link style={{ whiteSpace: 'nowrap' }} onClick={() => navigate(`/petitions/${c.petitionId}`)}>{c.petitionNumber}</Typography.Link> : '—'),
            },
            // A width of its own: left to share what the fixed columns left over, it wrapped a character a line.
            { title: '转介', width: 180, render: (_, c) => (c.targetName ? `${LEGAL_TARGET_LABELS[c.targetKind ?? 'lawyer']}：${c.targetName}` : '—') },
            { title: '状态', width: 150, render: (_, c) => <LegalStatusTag status={c.status} outcome={c.outcome} /> },
            ...(canWrite
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 130,
                    render: (_: unknown, c: LegalAidCase) =>
                      c.status !== 'closed' && (
                        <Space size={4}>
                          <Button size="small" type={c.status === 'intake' ? 'primary' : 'default'} ghost={c.status === 'intake'} onClick={() => setReferFor(c)} data-testid="legal-refer">
                            {c.status === 'referred' ? '改转介' : '转介'}
                          </Button>
                          <Button size="small" onClick={() => setOutcomeFor(c)} data-testid="legal-outcome">
                            结案
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <IntakeModal open={intake} worker={origin.worker} petition={origin.petition} busy={busy} onCancel={() => setIntake(false)} onSubmit={saveIntake} />
      <LegalReferModal target={referFor} busy={busy} onCancel={() => setReferFor(null)} onSubmit={saveRefer} />
      <OutcomeModal<LegalOutcome>
        open={outcomeFor !== null}
        title={outcomeFor ? `法律援助结案：${outcomeFor.applicantName}，${INFRINGEMENT_LABELS[outcomeFor.infringementType]}` : '法律援助结案'}
        intro={<Typography.Paragraph type="secondary">结案后不能再转介或修改结果。</Typography.Paragraph>}
        options={LEGAL_OUTCOMES.map((o) => ({ value: o, label: LEGAL_OUTCOME_LABELS[o] }))}
        outcomeSchema={outcomeShape.outcome}
        noteLabel="结果说明"
        noteSchema={outcomeShape.note}
        noteRequired
        noteMax={1000}
        confirmTitle={(o) => `确认以“${LEGAL_OUTCOME_LABELS[o]}”结案？结案后不能再修改。`}
        busy={busy}
        testId="legal-outcome-modal"
        onCancel={() => setOutcomeFor(null)}
        onSubmit={saveOutcome}
      />
    </Space>
  );
}
