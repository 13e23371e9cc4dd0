import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Paged } from '../../../../shared/contract/fields';
import { referralChannels, type JobReferral, type JobSeeker, type Vacancy, type VacancyInput } from '../../../../shared/contract/referrals';
import { formatChineseDate } from '../../../../shared/dates';
import { ageOn } from '../../../../shared/idcard';
import { REFERRAL_OUTCOME_LABELS, REFERRAL_OUTCOMES, type ReferralOutcome } from '../../../../shared/referral';
import { EMPLOYMENT_STATUS_LABELS, MODEL_WORKER_LABELS } from '../../../../shared/workerFile';
import { invoke } from '../../api';
import { totalLabel } from '../../components/totalLabel';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { useServerToday } from '../../components/useServerToday';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { SEX_LABELS } from '../files/fileLabels';
import { OutcomeModal } from './OutcomeModal';
import { ReferModal, type ReferPreset } from './ReferModal';
import { COUNTER_ROLES, OutcomeTag, PriorityTag, dateTime } from './referralLabels';
import { useOrigin } from './useOrigin';
import { VacancyModal } from './VacancyModal';

type TabKey = 'vacancies' | 'seekers' | 'referrals';
const EMPTY = { rows: [], total: 0 };
const setOutcomeShape = referralChannels['referrals.setOutcome'].input.shape;

interface VacancyQuery {
  page: number;
  pageSize: number;
  validOnly: boolean;
  q: string;
}
interface SeekerQuery {
  page: number;
  pageSize: number;
  laidOffOnly: boolean;
  q: string;
}
interface ReferralQuery {
  page: number;
  pageSize: number;
  outcome?: ReferralOutcome;
  vacancy?: Vacancy;
  petitionOnly: boolean;
}

/** 职业介绍: units' vacancies, job seekers from the files (laid-off model workers first), referrals and their outcomes. */
export function JobsPage() {
  const { user } = useSession();
  const canWrite = hasRole(user, COUNTER_ROLES);
  const origin = useOrigin(true);
  // seekers' ages to the program's today, not the PC's
  const today = useServerToday();
  const { busy, run } = useAction();

  const [tab, setTab] = useState<TabKey>('vacancies');
  const [vq, setVq] = useState<VacancyQuery>({ page: 1, pageSize: 20, validOnly: true, q: '' });
  const [sq, setSq] = useState<SeekerQuery>({ page: 1, pageSize: 20, laidOffOnly: false, q: '' });
  const [rq, setRq] = useState<ReferralQuery>({ page: 1, pageSize: 20, petitionOnly: false });
  const [vacancies, setVacancies] = useState<Paged<Vacancy>>(EMPTY);
  const [seekers, setSeekers] = useState<Paged<JobSeeker>>(EMPTY);
  const [referrals, setReferrals] = useState<Paged<JobReferral>>(EMPTY);
  const [openVacancies, setOpenVacancies] = useState<Vacancy[]>([]);
  const [loading, setLoading] = useState(false);

  const [vacancyModal, setVacancyModal] = useState<{ editing: Vacancy | null } | null>(null);
  const [refer, setRefer] = useState<ReferPreset | null>(null);
  const [outcomeFor, setOutcomeFor] = useState<JobReferral | null>(null);

  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);

  // Opened from a petition or a file: show the seekers, filter referrals by the petition, offer the referral at once.
  const started = useRef(false);
  useEffect(() => {
    if (!origin.ready || started.current || !origin.present) return;
    started.current = true;
    setTab(origin.worker ? 'seekers' : 'vacancies');
    if (origin.petition) setRq((q) => ({ ...q, petitionOnly: true }));
    if (origin.worker && canWrite) setRefer({ worker: origin.worker });
  }, [origin, canWrite]);

  useEffect(() => {
    setLoading(true);
    void run(() => invoke('referrals.listVacancies', { page: vq.page, pageSize: vq.pageSize, validOnly: vq.validOnly, q: vq.q || undefined }))
      .then((r) => r && setVacancies(r))
      .finally(() => setLoading(false));
  }, [vq, run, reloadKey]);
  useEffect(() => {
    void run(() => invoke('referrals.listVacancies', { page: 1, pageSize: 200, validOnly: true })).then((r) => r && setOpenVacancies(r.rows));
  }, [run, reloadKey]);
  useEffect(() => {
    void run(() => invoke('referrals.seekers', { page: sq.page, pageSize: sq.pageSize, laidOffOnly: sq.laidOffOnly, q: sq.q || undefined })).then(
      (r) => r && setSeekers(r),
    );
  }, [sq, run, reloadKey]);
  const petitionFilter = rq.petitionOnly && origin.petition ? origin.petition.id : undefined;
  useEffect(() => {
    void run(() =>
      invoke('referrals.list', { page: rq.page, pageSize: rq.pageSize, outcome: rq.outcome, vacancyId: rq.vacancy?.id, petitionId: petitionFilter }),
    ).then((r) => r && setReferrals(r));
  }, [rq, petitionFilter, run, reloadKey]);

  useHotkey({ key: 'n', alt: true }, () => setVacancyModal({ editing: null }), canWrite);
  useHotkey({ key: '1', alt: true }, () => setTab('vacancies'));
  useHotkey({ key: '2', alt: true }, () => setTab('seekers'));
  useHotkey({ key: '3', alt: true }, () => setTab('referrals'));

  const saveVacancy = async (v: VacancyInput) => {
    const editing = vacancyModal?.editing;
    const out = await run(
      () => (editing ? invoke('referrals.updateVacancy', { id: editing.id, vacancy: v }) : invoke('referrals.createVacancy', v)),
      editing ? '岗位已修改' : '岗位已登记',
    );
    if (out) (setVacancyModal(null), reload());
    return !!out;
  };
  const closeVacancy = async (v: Vacancy) => {
    if (await run(() => invoke('referrals.closeVacancy', { id: v.id }), `已关闭岗位：${v.unit} ${v.jobType}`)) reload();
  };
  const saveReferral = async (v: { fileId: number; vacancyId: number; note: string }) => {
    const out = await run(() => invoke('referrals.refer', { ...v, petitionId: origin.petition?.id ?? null }), '已推荐');
    if (out) (setRefer(null), reload());
    return !!out;
  };
  const saveOutcome = async (v: { outcome: ReferralOutcome; note: string }) => {
    if (!outcomeFor) return false;
    const out = await run(() => invoke('referrals.setOutcome', { id: outcomeFor.id, outcome: v.outcome, note: v.note }), '推荐结果已登记');
    if (out) (setOutcomeFor(null), reload());
    return !!out;
  };
  const showReferralsOf = (v: Vacancy) => {
    setRq({ page: 1, pageSize: rq.pageSize, vacancy: v, petitionOnly: false });
    setTab('referrals');
  };

  const workerLink = (id: number, name: string) => (
    <Typography.Link onClick={() => navigate(`/files/${id}`)} data-testid="worker-link">
      {name}
    </Typography.Link>
  );

  const vacancyTab = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="按单位或工种查找"
          style={{ width: 260 }}
          onSearch={(q) => setVq({ ...vq, q: q.trim(), page: 1 })}
          data-testid="vacancy-search"
        />
        <Space>
          <Switch checked={vq.validOnly} onChange={(validOnly) => setVq({ ...vq, validOnly, page: 1 })} data-testid="vacancy-valid-only" />
          <span>只看有效岗位</span>
        </Space>
      </Space>
      <Table<Vacancy>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={vacancies.rows}
        data-testid="vacancy-table"
        locale={{ emptyText: vq.validOnly ? '没有有效期内的岗位' : '尚未登记岗位' }}
        pagination={{
          current: vq.page,
          pageSize: vq.pageSize,
          total: vacancies.total,
          showTotal: (t) => `共 ${t} 个岗位`,
          onChange: (page, pageSize) => setVq({ ...vq, page, pageSize }),
        }}
        columns={[
          { title: '用人单位', dataIndex: 'unit' },
          { title: '工种', dataIndex: 'jobType' },
          {
            title: '招用 / 已录用',
            align: 'center',
            width: 110,
            render: (_, v) => (
              <span data-testid="vacancy-count">
                {v.headcount} / <Typography.Text type={v.hiredCount >= v.headcount ? 'success' : undefined}>{v.hiredCount}</Typography.Text>
              </span>
            ),
          },
          {
            title: '推荐',
            align: 'center',
            width: 140,
            render: (_, v) => (
              <Typography.Link onClick={() => showReferralsOf(v)}>
                {v.referralCount} 人{v.pendingCount > 0 ? `（待反馈 ${v.pendingCount}）` : ''}
              </Typography.Link>
            ),
          },
          { title: '用人要求', dataIndex: 'requirements', ellipsis: { showTitle: true }, render: (t: string) => t || '—' },
          {
            title: '有效期至',
            width: 160,
            render: (_, v) => (
              <Space size={4}>
                {formatChineseDate(v.validUntil)}
                {v.expired && <Tag color="orange">已过期</Tag>}
              </Space>
            ),
          },
          { title: '联系人', dataIndex: 'contact', ellipsis: { showTitle: true }, render: (t: string) => t || '—' },
          {
            title: '状态',
            width: 90,
            render: (_, v) =>
              v.status === 'closed' ? (
                <Tooltip title={`${v.closedBy ?? ''} ${v.closedAt ? dateTime(v.closedAt) : ''}${v.closeNote ? `：${v.closeNote}` : ''}`}>
                  <Tag>已关闭</Tag>
                </Tooltip>
              ) : v.hiredCount >= v.headcount ? (
                <Tag color="green">已招满</Tag>
              ) : (
                <Tag color="blue">招聘中</Tag>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, v: Vacancy) =>
                    v.status === 'open' && (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="primary"
                          ghost
                          disabled={v.expired || v.hiredCount >= v.headcount}
                          onClick={() => setRefer({ worker: origin.worker, vacancyId: v.id })}
                          data-testid="vacancy-refer"
                        >
                          推荐
                        </Button>
                        <Button size="small" onClick={() => setVacancyModal({ editing: v })} data-testid="vacancy-edit">
                          修改
                        </Button>
                        <Popconfirm
                          title={`关闭岗位“${v.unit} ${v.jobType}”？`}
                          description="关闭后不能再向这个岗位推荐；已推荐的仍可登记结果。"
                          okText="关闭岗位"
                          cancelText="取消"
                          okButtonProps={{ danger: true, 'data-testid': 'vacancy-close-confirm' }}
                          onConfirm={() => closeVacancy(v)}
                        >
                          <Button size="small" danger data-testid="vacancy-close">
                            关闭
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );

  const seekerTab = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="按姓名、拼音或首字母查找"
          style={{ width: 260 }}
          onSearch={(q) => setSq({ ...sq, q: q.trim(), page: 1 })}
          data-testid="seeker-search"
        />
        <Space>
          <Switch checked={sq.laidOffOnly} onChange={(laidOffOnly) => setSq({ ...sq, laidOffOnly, page: 1 })} data-testid="seeker-laid-off" />
          <span>只看下岗/失业职工</span>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          排序：下岗劳模优先，其次下岗/失业职工，再次其他在档职工；同类按姓名拼音。
        </Typography.Text>
      </Space>
      <Table<JobSeeker>
        rowKey="fileId"
        size="middle"
        dataSource={seekers.rows}
        data-testid="seeker-table"
        locale={{ emptyText: '没有符合条件的在档职工' }}
        pagination={{
          current: sq.page,
          pageSize: sq.pageSize,
          total: seekers.total,
          showTotal: (t) => totalLabel(t, seekers.totalCapped, '人'),
          onChange: (page, pageSize) => setSq({ ...sq, page, pageSize }),
        }}
        columns={[
          { title: '优先', width: 130, render: (_, s) => <PriorityTag priority={s.priority} /> },
          { title: '姓名', width: 110, render: (_, s) => workerLink(s.fileId, s.name) },
          { title: '性别 / 年龄', width: 110, render: (_, s) => `${SEX_LABELS[s.sex]}，${today ? `${ageOn(s.birthDate, today)} 岁` : ''}` },
          { title: '就业状况', width: 110, render: (_, s) => EMPLOYMENT_STATUS_LABELS[s.employmentStatus] },
          { title: '劳模', width: 110, render: (_, s) => (s.modelWorkerLevel === 'none' ? '—' : <Tag color="gold">{MODEL_WORKER_LABELS[s.modelWorkerLevel]}</Tag>) },
          { title: '原工作单位', dataIndex: 'workUnit', ellipsis: true },
          { title: '电话', dataIndex: 'phone', width: 130, render: (t: string) => t || '—' },
          {
            title: '推荐情况',
            width: 240,
            render: (_, s) =>
              s.referralCount === 0 ? (
                <Typography.Text type="secondary">未推荐</Typography.Text>
              ) : (
                <Space size={4}>
                  <span>已推荐 {s.referralCount} 次</span>
                  {s.pendingCount > 0 && <Tag color="processing">待反馈 {s.pendingCount}</Tag>}
                  {s.hired && <Tag color="green">已录用</Tag>}
                </Space>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, s: JobSeeker) => (
                    <Button size="small" type="primary" ghost onClick={() => setRefer({ worker: { id: s.fileId, name: s.name } })} data-testid="seeker-refer">
                      推荐
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );

  const referralTab = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ReferralOutcome>
          allowClear
          placeholder="全部结果"
          style={{ width: 140 }}
          value={rq.outcome}
          onChange={(outcome) => setRq({ ...rq, outcome, page: 1 })}
          options={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: REFERRAL_OUTCOME_LABELS[o] }))}
          data-testid="referral-outcome-filter"
        />
        {rq.vacancy && (
          <Tag closable onClose={() => setRq({ ...rq, vacancy: undefined, page: 1 })} color="blue" style={{ padding: '4px 8px' }}>
            岗位：{rq.vacancy.unit} {rq.vacancy.jobType}
          </Tag>
        )}
        {origin.petition && (
          <Space>
            <Switch checked={rq.petitionOnly} onChange={(petitionOnly) => setRq({ ...rq, petitionOnly, page: 1 })} />
            <span>只看来访 {origin.petition.number} 的推荐</span>
          </Space>
        )}
      </Space>
      <Table<JobReferral>
        rowKey="id"
        size="middle"
        dataSource={referrals.rows}
        data-testid="referral-table"
        locale={{ emptyText: '暂无推荐记录' }}
        pagination={{
          current: rq.page,
          pageSize: rq.pageSize,
          total: referrals.total,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (page, pageSize) => setRq({ ...rq, page, pageSize }),
        }}
        columns={[
          { title: '推荐时间', width: 150, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(r.createdAt)}</span> },
          { title: '职工', width: 100, render: (_, r) => workerLink(r.fileId, r.workerName) },
          { title: '岗位', render: (_, r) => `${r.unit} ${r.jobType}` },
          {
            title: '来访',
            width: 150,
            render: (_, r) => (r.petitionId ? <Typography.Link onClick={() => navigate(`/petitions/${r.petitionId}`)}>{r.petitionNumber}</Typography.Link> : '—'),
          },
          { title: '推荐说明', dataIndex: 'note', ellipsis: { showTitle: true }, render: (t: string) => t || '—' },
          { title: '结果', width: 90, render: (_, r) => <OutcomeTag outcome={r.outcome} /> },
          {
            title: '结果说明',
            render: (_, r) => (
              <span>
                {r.outcomeNote || (r.outcomeAt ? '' : '—')}
                {r.outcomeAt && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.outcomeBy}，{dateTime(r.outcomeAt)}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { title: '推荐人', width: 90, dataIndex: 'createdBy' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, r: JobReferral) => (
                    <Button size="small" onClick={() => setOutcomeFor(r)} data-testid="referral-set-outcome">
                      登记结果
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {origin.present && (
        <Alert
          type="info"
          showIcon
          data-testid="referral-origin"
          title={
            origin.petition
              ? `来自来访 ${origin.petition.number}${origin.worker ? `：为 ${origin.worker.name} 推荐就业` : ''}。推荐记录会挂在这次来访下。`
              : origin.worker
                ? `为 ${origin.worker.name} 推荐就业`
                : '正在读取…'
          }
          action={
            <Space>
              {canWrite && origin.worker && (
                <Button size="small" type="primary" onClick={() => setRefer({ worker: origin.worker })}>
                  推荐
                </Button>
              )}
              {origin.petition && (
                <Button size="small" onClick={() => navigate(`/petitions/${origin.petition!.id}`)}>
                  回到来访记录
                </Button>
              )}
              <Button size="small" type="text" onClick={() => navigate('/referrals/jobs')}>
                清除
              </Button>
            </Space>
          }
        />
      )}
      <Card
        title="职业介绍"
        extra={
          canWrite && (
            <Tooltip title="快捷键 Alt+N">
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setVacancyModal({ editing: null })} data-testid="vacancy-new">
                登记岗位 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+N</Typography.Text>
              </Button>
            </Tooltip>
          )
        }
      >
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            { key: 'vacancies', label: <span data-testid="tab-vacancies">用人单位岗位（Alt+1）</span>, children: vacancyTab },
            { key: 'seekers', label: <span data-testid="tab-seekers">求职职工（Alt+2）</span>, children: seekerTab },
            { key: 'referrals', label: <span data-testid="tab-referrals">推荐记录（Alt+3）</span>, children: referralTab },
          ]}
        />
      </Card>

      <VacancyModal open={vacancyModal !== null} editing={vacancyModal?.editing ?? null} busy={busy} onCancel={() => setVacancyModal(null)} onSubmit={saveVacancy} />
      <ReferModal
        open={refer !== null}
        preset={refer ?? {}}
        vacancies={openVacancies}
        petition={origin.petition}
        busy={busy}
        onCancel={() => setRefer(null)}
        onSubmit={saveReferral}
      />
      <OutcomeModal<ReferralOutcome>
        open={outcomeFor !== null}
        title={outcomeFor ? `登记推荐结果：${outcomeFor.workerName} → ${outcomeFor.unit} ${outcomeFor.jobType}` : '登记推荐结果'}
        options={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: REFERRAL_OUTCOME_LABELS[o] }))}
        initial={outcomeFor?.outcome}
        outcomeSchema={setOutcomeShape.outcome}
        noteLabel="结果说明"
        noteSchema={setOutcomeShape.note}
        noteMax={500}
        confirmTitle={(o) => `确认登记为“${REFERRAL_OUTCOME_LABELS[o]}”？`}
        busy={busy}
        testId="referral-outcome-modal"
        onCancel={() => setOutcomeFor(null)}
        onSubmit={saveOutcome}
      />
    </Space>
  );
}
