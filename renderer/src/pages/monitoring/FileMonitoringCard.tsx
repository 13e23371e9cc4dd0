import { Alert, Button, Card, Descriptions, Empty, Modal, Space, Table, Timeline, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { monitoringChannels, type FileMonitoring, type VisitView } from '../../../../shared/contract/monitoring';
import { RISK_FLAG_LABELS, RISK_FLAGS, WARNING_LABELS, type RiskFlag, type WarningLevel } from '../../../../shared/household';
import { formatYuan } from '../../../../shared/money';
import { RISK_EVENT_LABELS, visitKindText, VISIT_METHOD_LABELS } from '../../../../shared/monitoring';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { hasRole, useSession } from '../../session';
import { ReasonModal } from '../files/ReasonModal';
import { dueText, ExitStatusTag, MONITOR_WRITERS, RiskStateTag } from './monitoringLabels';
import { ResponsibleFields, type Responsible, type ResponsiblePerson } from './ResponsibleFields';
import { VisitModal, type VisitTarget } from './VisitModal';

const channels = monitoringChannels;
const warn = (w: WarningLevel | null) => (w ? WARNING_LABELS[w] : '无预警');
const EVENT_COLORS = { warning: 'red', revisit: 'blue', review: 'gray', exit: 'green', reactivate: 'orange' } as const;
type Dialog = 'warning' | 'exit' | 'responsible' | null;

/** The file page's 动态监测 card: schedule, record a visit, warnings with reasons, exit proposal, visits and the risk timeline. */
export function FileMonitoringCard({ fileId, name, onChanged }: { fileId: number; name: string; onChanged(): void }) {
  const { user } = useSession();
  const canWrite = hasRole(user, MONITOR_WRITERS);
  const [m, setM] = useState<FileMonitoring | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [visiting, setVisiting] = useState<VisitTarget | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [people, setPeople] = useState<ResponsiblePerson[]>([]);
  const [responsible, setResponsible] = useState<Responsible>({ userId: null, name: '' });
  const { busy, run } = useAction();

  const load = useCallback(() => {
    invoke('monitoring.forFile', { fileId }).then(setM, (e: Error) => setError(e.message));
  }, [fileId]);
  useEffect(load, [load]);

  const done = (out: FileMonitoring | undefined) => {
    if (!out) return false;
    setM(out);
    setDialog(null);
    onChanged();
    return true;
  };
  const openResponsible = () => {
    void invoke('monitoring.people', {}).then(setPeople, () => setPeople([]));
    setResponsible({ userId: m?.schedule.responsibleUserId ?? null, name: m?.schedule.responsibleUserId ? '' : (m?.schedule.responsible ?? '') });
    setDialog('responsible');
  };

  if (error) return <Card title="动态监测" size="small"><Typography.Text type="danger">{error}</Typography.Text></Card>;
  if (!m) return <Card title="动态监测" size="small" loading />;
  const s = m.schedule;
  const pending = m.exitProposals.find((p) => p.status === 'pending');

  return (
    <Card
      title="动态监测（回访与预警）"
      size="small"
      data-testid="file-monitoring"
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" onClick={() => setVisiting({ fileId, name, dueDate: s.dueDate })} data-testid="file-visit">
              登记回访
            </Button>
            {s.status === 'active' && (
              <Button onClick={() => setDialog('warning')} data-testid="file-set-warning">
                变更预警
              </Button>
            )}
            <Button onClick={openResponsible} data-testid="file-set-responsible">
              帮扶责任人
            </Button>
            {s.status === 'active' && !pending && (
              <Tooltip title={m.exitCheck.explanation}>
                <Button disabled={!m.exitCheck.eligible} onClick={() => setDialog('exit')} data-testid="file-propose-exit">
                  提出脱困
                </Button>
              </Tooltip>
            )}
          </Space>
        )
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label="风险状态">
          <RiskStateTag state={s.riskState} />
        </Descriptions.Item>
        <Descriptions.Item label="应回访日期">
          <Typography.Text type={s.overdueDays > 0 ? 'danger' : undefined} strong data-testid="file-due">
            {dueText(s.dueDate, s.overdueDays)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="上次回访">{s.lastVisitDate ?? '未回访'}</Descriptions.Item>
        <Descriptions.Item label="帮扶责任人">{s.responsible || '未指定'}</Descriptions.Item>
      </Descriptions>
      {pending && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={`脱困申请待主任审核（${pending.proposedBy} 提出：${pending.reason}）`} />
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        回访记录
      </Typography.Title>
      <Table<VisitView>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        dataSource={m.visits}
        data-testid="file-visits"
        locale={{ emptyText: '尚无回访记录' }}
        columns={[
          { title: '日期', dataIndex: 'visitDate', width: 100 },
          { title: '类别', width: 110, render: (_: unknown, v) => visitKindText(v.kind, v.occasion) },
          { title: '方式', width: 70, render: (_: unknown, v) => VISIT_METHOD_LABELS[v.method] },
          { title: '走访人', dataIndex: 'visitor', width: 100 },
          { title: '情况', dataIndex: 'findings' },
          { title: '问题与帮扶', render: (_: unknown, v) => [v.problems, v.helpArranged].filter(Boolean).join('；') || '—' },
          {
            title: '人均月收入',
            align: 'right',
            render: (_: unknown, v) => (v.perCapitaBeforeFen === v.perCapitaAfterFen ? formatYuan(v.perCapitaAfterFen) : `${formatYuan(v.perCapitaBeforeFen)} → ${formatYuan(v.perCapitaAfterFen)}`),
          },
          {
            title: '家庭人口',
            width: 90,
            render: (_: unknown, v) =>
              v.householdSizeAfter === null ? '—' : v.householdSizeBefore === v.householdSizeAfter ? `${v.householdSizeAfter} 人` : `${v.householdSizeBefore} → ${v.householdSizeAfter} 人`,
          },
          { title: '下次回访', dataIndex: 'nextDate', width: 100 },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        风险变化记录
      </Typography.Title>
      {m.timeline.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变化" />
      ) : (
        <Timeline
          data-testid="file-risk-timeline"
          items={[...m.timeline].reverse().map((e) => ({
            key: e.id,
            color: EVENT_COLORS[e.kind],
            content: (
              <div data-testid="risk-event">
                <Typography.Text strong>{e.eventDate}　{RISK_EVENT_LABELS[e.kind]}</Typography.Text>
                {e.warningBefore !== e.warningAfter && (
                  <Typography.Text style={{ marginInlineStart: 8 }}>
                    {warn(e.warningBefore)} → {warn(e.warningAfter)}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  人均 {formatYuan(e.perCapitaFen)}，{e.by}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</div>
              </div>
            ),
          }))}
        />
      )}
      {m.exitProposals.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Title level={5}>脱困申请</Typography.Title>
          {m.exitProposals.map((p) => (
            <Typography.Text key={p.id}>
              <ExitStatusTag status={p.status} /> {p.proposedBy}：{p.reason}
              {p.decidedBy ? `（${p.decidedBy}${p.comment ? `：${p.comment}` : ''}）` : ''}
            </Typography.Text>
          ))}
        </Space>
      )}

      <VisitModal target={visiting} onClose={() => setVisiting(null)} onSaved={(out) => { setM(out); onChanged(); }} />
      <ReasonModal<RiskFlag>
        open={dialog === 'warning'}
        title={`变更预警：${name}`}
        intro={<Typography.Paragraph type="secondary">橙色预警按收入自动判定（人均收入高于低保线、不超过 1.5 倍）；红色、黄色由工作人员根据情况标记，须写明原因。</Typography.Paragraph>}
        kinds={{ label: '预警', options: RISK_FLAGS.map((f) => ({ value: f, label: RISK_FLAG_LABELS[f] })), schema: channels['monitoring.setWarning'].input.shape.flag }}
        reasonLabel="原因"
        reasonSchema={channels['monitoring.setWarning'].input.shape.reason}
        okText="变更预警"
        confirmTitle="确认变更预警？会记入风险变化记录"
        busy={busy}
        testId="warning-modal"
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => done(await run(() => invoke('monitoring.setWarning', { fileId, flag: v.kind!, reason: v.reason }), '已变更预警'))}
      />
      <ReasonModal
        open={dialog === 'exit'}
        title={`提出解困脱困：${name}`}
        intro={<Alert type="success" showIcon style={{ marginBottom: 16 }} title={m.exitCheck.explanation} />}
        reasonLabel="脱困理由"
        reasonSchema={channels['monitoring.proposeExit'].input.shape.reason}
        okText="提交主任审核"
        confirmTitle="确认提出脱困？由另一位主任审核"
        busy={busy}
        testId="propose-exit-modal"
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          const out = await run(() => invoke('monitoring.proposeExit', { fileId, reason: v.reason }), '已提交，等待主任审核');
          if (!out) return false;
          load();
          setDialog(null);
          return true;
        }}
      />
      <Modal
        open={dialog === 'responsible'}
        title={`帮扶责任人：${name}`}
        okText="保存"
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={async () => done(await run(() => invoke('monitoring.setResponsible', { fileId, ...responsible, name: responsible.name.trim() }), '已指定帮扶责任人'))}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ResponsibleFields idPrefix="responsible" people={people} value={responsible} onChange={setResponsible} />
        </Space>
      </Modal>
    </Card>
  );
}
