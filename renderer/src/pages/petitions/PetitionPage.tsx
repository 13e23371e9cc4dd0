import {
  EyeInvisibleOutlined,
  EyeOutlined,
  LeftOutlined,
  PrinterOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, List, Popconfirm, Result, Space, Spin, Steps, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import { petitionChannels, type Petition, type PetitionEvent, type PetitionOutcome } from '../../../../shared/contract/petitions';
import { maskIdNumber } from '../../../../shared/idcard';
import {
  OVERDUE_LABELS,
  PETITION_ACTION_LABELS,
  PETITION_CATEGORY_LABELS,
  PETITION_CHANNEL_LABELS,
  PETITION_STATUS_LABELS,
  PETITION_TRANSITIONS,
  type OverdueStage,
  type PetitionStatus,
} from '../../../../shared/petition';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { currentPath, navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { COUNTER_ROLES, OverdueTag, PetitionStatusTag, UrgencyTag, dateTime, dueDate } from './petitionLabels';

type Dialog = 'answer' | 'close' | 'reassign' | 'reopen' | null;

const STEPS: { status: PetitionStatus; title: string; actions: PetitionEvent['action'][] }[] = [
  { status: 'registered', title: '登记', actions: ['register'] },
  { status: 'accepted', title: '受理', actions: ['accept'] },
  { status: 'in_progress', title: '办理中', actions: ['start', 'reopen'] },
  { status: 'answered', title: '答复', actions: ['answer'] },
  { status: 'closed', title: '办结', actions: ['close'] },
];
/** Which step a missed deadline belongs to. */
const OVERDUE_STEP: Record<OverdueStage, PetitionStatus> = { accept: 'accepted', answer: 'answered', close: 'closed' };

const OUTCOME_LABELS: Record<PetitionOutcome['kind'], string> = { relief: '救助申请', job_referral: '职业介绍', legal_aid: '法律援助' };
const OUTCOME_COLORS: Record<PetitionOutcome['kind'], string> = { relief: 'volcano', job_referral: 'geekblue', legal_aid: 'purple' };

const S = petitionChannels;

/** A grey second line under a value. */
function Sub({ children }: { children: React.ReactNode }) {
  return <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }}>{children}</div>;
}

/** A deadline, with when it was met (the core judges lateness: only the overdue flag is shown as such). */
function Deadline({ due, doneAt, overdue }: { due: string; doneAt: string | null; overdue: boolean }) {
  return (
    <span>
      <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue}>
        {dueDate(due)}
      </Typography.Text>
      {overdue && (
        <Tag color="red" style={{ marginInlineStart: 8 }}>
          已逾期
        </Tag>
      )}
      <Sub>{doneAt ? `已于 ${dateTime(doneAt)} 完成` : '尚未完成'}</Sub>
    </span>
  );
}

export function PetitionPage({ id }: { id: number }) {
  const { user } = useSession();
  const canCounter = hasRole(user, COUNTER_ROLES);
  const isDirector = hasRole(user, ['director']);
  const [p, setP] = useState<Petition | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showId, setShowId] = useState(false);
  const [handlers, setHandlers] = useState<{ id: number; displayName: string }[]>([]);
  const { busy, run } = useAction();
  const print = useAction();
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const autoSlip = useRef(currentPath().includes('slip=1'));

  const load = useCallback(() => {
    invoke('petitions.get', { id })
      .then(setP)
      .catch((e: Error) => setLoadError(e.message));
  }, [id]);
  useEffect(load, [load]);

  const printSlip = useCallback(async () => {
    const out = await print.run(() => invoke('petitions.printSlip', { id }));
    if (out) setPdf(out);
  }, [id, print.run]);

  // Just registered: the visitor is waiting for the slip, so open it straight away (once).
  useEffect(() => {
    if (!p || !autoSlip.current) return;
    autoSlip.current = false;
    history.replaceState(history.state, '', `#/petitions/${id}`);
    if (canCounter) void printSlip();
  }, [p, id, canCounter, printSlip]);

  useEffect(() => {
    if (!isDirector) return;
    invoke('petitions.handlers', {})
      .then(setHandlers)
      .catch(() => undefined);
  }, [isDirector]);

  if (loadError)
    return <Result status="404" title="无法打开来访记录" subTitle={loadError} extra={<Button onClick={() => navigate('/petitions')}>回到来访列表</Button>} />;
  if (!p)
    return (
      <Spin style={{ display: 'block', margin: 48 }} tip="正在读取来访记录…">
        <div />
      </Spin>
    );

  const legal = (a: keyof typeof PETITION_TRANSITIONS) => PETITION_TRANSITIONS[a].from.includes(p.status);
  const act = async (fn: () => Promise<Petition>, ok: string) => {
    const next = await run(fn, ok);
    if (next) {
      setP(next);
      setDialog(null);
      return true;
    }
    return false;
  };

  // Steps: each done step shows who and when (its latest event); the next one its deadline.
  const currentIndex = STEPS.findIndex((s) => s.status === p.status);
  const latest = (actions: PetitionEvent['action'][]) => [...p.events].reverse().find((e) => actions.includes(e.action));
  const dueOf: Partial<Record<PetitionStatus, string>> = { accepted: p.acceptDue, answered: p.answerDue, closed: p.closeDue };
  const overdueStep = p.overdue ? OVERDUE_STEP[p.overdue] : null;
  const stepItems = STEPS.map((s, i) => {
    const ev = i <= currentIndex ? latest(s.actions) : undefined;
    const due = dueOf[s.status];
    let content: React.ReactNode = null;
    if (ev) content = (
      <>
        <div>{ev.by}</div>
        <div>{dateTime(ev.at)}</div>
      </>
    );
    else if (i <= currentIndex) content = <span>未经此步</span>;
    else if (due) content = <span style={{ color: overdueStep === s.status ? '#ff4d4f' : undefined }}>期限 {dueDate(due)}</span>;
    const status: 'finish' | 'process' | 'wait' | 'error' =
      overdueStep === s.status ? 'error' : i <= currentIndex ? 'finish' : i === currentIndex + 1 ? 'process' : 'wait';
    return { key: s.status, title: s.title, content, status };
  });

  const fileLink = p.fileId !== null ? `&file=${p.fileId}` : '';
  const newFileQuery = new URLSearchParams({ ...(p.visitorIdNumber ? { idNumber: p.visitorIdNumber } : {}), name: p.visitorName }).toString();
  const nextPrimary: Partial<Record<PetitionStatus, string>> = { registered: 'accept', accepted: 'start', in_progress: 'answer', answered: 'close' };
  const isPrimary = (a: string) => nextPrimary[p.status] === a;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<LeftOutlined />} onClick={() => navigate('/petitions')} aria-label="回到来访列表" />
            <span data-testid="petition-number" style={{ fontFamily: 'monospace' }}>
              {p.number}
            </span>
            <PetitionStatusTag status={p.status} testId="petition-status" />
            <OverdueTag stage={p.overdue} />
            {p.urgency !== 'normal' && <UrgencyTag urgency={p.urgency} />}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {p.visitorName}　{PETITION_CATEGORY_LABELS[p.category]}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {canCounter && (
              <Button icon={<PrinterOutlined />} loading={print.busy} onClick={() => void printSlip()} data-testid="petition-print">
                打印受理回执
              </Button>
            )}
            {canCounter && legal('accept') && (
              <Popconfirm
                title="确认受理这件来访？"
                description="受理后开始计算答复期限。"
                okText="受理"
                cancelText="取消"
                okButtonProps={{ 'data-testid': 'confirm-accept' }}
                onConfirm={() => act(() => invoke('petitions.accept', { id: p.id }), '已受理')}
              >
                <Button type={isPrimary('accept') ? 'primary' : 'default'} loading={busy} data-testid="action-accept">
                  受理
                </Button>
              </Popconfirm>
            )}
            {canCounter && legal('start') && (
              <Popconfirm
                title="确认开始办理？"
                okText="开始办理"
                cancelText="取消"
                okButtonProps={{ 'data-testid': 'confirm-start' }}
                onConfirm={() => act(() => invoke('petitions.start', { id: p.id }), '已开始办理')}
              >
                <Button type={isPrimary('start') ? 'primary' : 'default'} loading={busy} data-testid="action-start">
                  开始办理
                </Button>
              </Popconfirm>
            )}
            {canCounter && legal('answer') && (
              <Button type={isPrimary('answer') ? 'primary' : 'default'} onClick={() => setDialog('answer')} data-testid="action-answer">
                答复
              </Button>
            )}
            {canCounter && legal('close') && (
              <Button type={isPrimary('close') ? 'primary' : 'default'} onClick={() => setDialog('close')} data-testid="action-close">
                办结
              </Button>
            )}
            {isDirector && p.status !== 'closed' && (
              <Button onClick={() => setDialog('reassign')} data-testid="action-reassign">
                改派
              </Button>
            )}
            {isDirector && legal('reopen') && (
              <Button danger onClick={() => setDialog('reopen')} data-testid="action-reopen">
                重新办理
              </Button>
            )}
          </Space>
        }
      >
        {p.overdue && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="petition-overdue-alert"
            title={`${OVERDUE_LABELS[p.overdue]}：${{ accept: '受理', answer: '答复', close: '办结' }[p.overdue]}期限为 ${dueDate(dueOf[OVERDUE_STEP[p.overdue]]!)}`}
            description="件件有回音：请尽快办理，或由中心主任改派。"
          />
        )}
        <Steps current={currentIndex} items={stepItems} size="small" data-testid="petition-steps" style={{ marginBottom: 24 }} />

        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="编号">
            <span style={{ fontFamily: 'monospace' }}>{p.number}</span>
          </Descriptions.Item>
          <Descriptions.Item label="来访方式">{PETITION_CHANNEL_LABELS[p.channel]}</Descriptions.Item>
          <Descriptions.Item label="登记时间">{dateTime(p.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="来访人">
            <Space size={8} wrap>
              {p.fileId !== null ? (
                <Typography.Link onClick={() => navigate(`/files/${p.fileId}`)} data-testid="petition-file-link">
                  {p.visitorName}
                </Typography.Link>
              ) : (
                <span>{p.visitorName}</span>
              )}
              {p.fileId !== null ? (
                <Tag color="green">已建档</Tag>
              ) : (
                <>
                  <Tag>未建档</Tag>
                  {canCounter && (
                    <Button size="small" icon={<UserAddOutlined />} onClick={() => navigate(`/files/new?${newFileQuery}`)} data-testid="petition-create-file">
                      为其建档
                    </Button>
                  )}
                </>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="身份证号">
            {p.visitorIdNumber ? (
              <Space size={4}>
                <span style={{ fontFamily: 'monospace' }}>{showId ? p.visitorIdNumber : maskIdNumber(p.visitorIdNumber)}</span>
                <Button size="small" type="link" icon={showId ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setShowId(!showId)}>
                  {showId ? '隐藏' : '显示'}
                </Button>
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{p.visitorPhone || '—'}</Descriptions.Item>
          <Descriptions.Item label="诉求类别">{PETITION_CATEGORY_LABELS[p.category]}</Descriptions.Item>
          <Descriptions.Item label="紧急程度">
            <UrgencyTag urgency={p.urgency} />
          </Descriptions.Item>
          <Descriptions.Item label="经办人">{p.handlerName}</Descriptions.Item>
          <Descriptions.Item label="诉求内容" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="petition-request-text">
              {p.request}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="答复内容" span={3}>
            {p.answer ? (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="petition-answer-text">
                  {p.answer}
                </Typography.Paragraph>
                {p.answeredAt && <Sub>答复于 {dateTime(p.answeredAt)}</Sub>}
              </>
            ) : (
              <Typography.Text type="secondary">尚未答复</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="办结说明" span={3}>
            {p.closingNote ? (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="petition-closing-note">
                  {p.closingNote}
                </Typography.Paragraph>
                {p.closedAt && <Sub>办结于 {dateTime(p.closedAt)}</Sub>}
              </>
            ) : (
              <Typography.Text type="secondary">尚未办结</Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="办理期限" size="small">
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="受理期限">
            <Deadline due={p.acceptDue} doneAt={p.acceptedAt} overdue={p.overdue === 'accept'} />
          </Descriptions.Item>
          <Descriptions.Item label="答复期限">
            <Deadline due={p.answerDue} doneAt={p.answeredAt} overdue={p.overdue === 'answer'} />
          </Descriptions.Item>
          <Descriptions.Item label="办结期限">
            <Deadline due={p.closeDue} doneAt={p.closedAt} overdue={p.overdue === 'close'} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title="办理结果"
        size="small"
        extra={
          canCounter && (
            <Space wrap>
              <Tooltip title={p.fileId === null ? '来访人尚未建档：职业介绍须先建档' : undefined}>
                <Button
                  icon={<TeamOutlined />}
                  disabled={p.fileId === null}
                  onClick={() => navigate(`/referrals/jobs?petition=${p.id}${fileLink}`)}
                  data-testid="petition-job-referral"
                >
                  转职业介绍
                </Button>
              </Tooltip>
              <Button icon={<SolutionOutlined />} onClick={() => navigate(`/referrals/legal?petition=${p.id}${fileLink}`)} data-testid="petition-legal-aid">
                转法律援助
              </Button>
              <Tooltip title={p.fileId === null ? '来访人尚未建档：先建档、后帮扶' : p.reliefApplicationId !== null ? '已为这次来访申请过救助，请在该申请上继续办理' : undefined}>
                <Button
                  disabled={p.fileId === null || p.reliefApplicationId !== null}
                  onClick={() => navigate(`/relief/new?file=${p.fileId}&petition=${p.id}`)}
                  data-testid="petition-relief"
                >
                  申请救助
                </Button>
              </Tooltip>
            </Space>
          )
        }
      >
        {p.outcomes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未转办救助、职业介绍或法律援助" />
        ) : (
          <List<PetitionOutcome>
            size="small"
            data-testid="petition-outcomes"
            dataSource={p.outcomes}
            renderItem={(o) => (
              <List.Item key={`${o.kind}-${o.id}`}>
                <Space>
                  <Tag color={OUTCOME_COLORS[o.kind]}>{OUTCOME_LABELS[o.kind]}</Tag>
                  {o.kind === 'relief' ? (
                    <Typography.Link onClick={() => navigate(`/relief/${o.id}`)} data-testid="petition-outcome-relief">
                      {o.title}
                    </Typography.Link>
                  ) : (
                    <span>{o.title}</span>
                  )}
                  <Typography.Text type="secondary">{o.status}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title="办理记录" size="small">
        <Timeline
          data-testid="petition-events"
          items={p.events.map((ev) => ({
            key: ev.id,
            color: ev.action === 'reopen' ? 'orange' : ev.action === 'close' ? 'green' : 'blue',
            content: (
              <div data-testid="petition-event">
                <Typography.Text strong>{PETITION_ACTION_LABELS[ev.action]}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 12 }}>
                  {dateTime(ev.at)}　{ev.by}
                </Typography.Text>
                {ev.note && <div style={{ whiteSpace: 'pre-wrap' }}>{ev.note}</div>}
              </div>
            ),
          }))}
        />
      </Card>

      <ActionDialog
        open={dialog === 'answer'}
        title={`答复来访人：${p.visitorName}`}
        intro={
          <Typography.Paragraph type="secondary">
            诉求：{p.request.length > 80 ? `${p.request.slice(0, 80)}…` : p.request}
          </Typography.Paragraph>
        }
        textLabel="答复内容"
        textSchema={S['petitions.answer'].input.shape.answer}
        textTestId="answer-text"
        maxLength={1000}
        placeholder="向来访人答复的内容：办理情况、依据和结果"
        okText="答复"
        confirmTitle="确认已向来访人作出答复？"
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v) => act(() => invoke('petitions.answer', { id: p.id, answer: v.text }), '已答复')}
      />
      <ActionDialog
        open={dialog === 'close'}
        title={`办结：${p.number}`}
        textLabel="办结说明"
        textSchema={S['petitions.close'].input.shape.note}
        textTestId="close-note"
        maxLength={1000}
        placeholder="来访人是否满意、后续事项等"
        okText="办结"
        confirmTitle="确认办结？办结后只有中心主任可以重新办理。"
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v) => act(() => invoke('petitions.close', { id: p.id, note: v.text }), '已办结')}
      />
      <ActionDialog
        open={dialog === 'reassign'}
        title={`改派经办人：${p.number}`}
        intro={<Typography.Paragraph type="secondary">当前经办人：{p.handlerName}</Typography.Paragraph>}
        handlers={{
          options: handlers.filter((h) => h.id !== p.handlerId).map((h) => ({ value: h.id, label: h.displayName })),
          schema: S['petitions.reassign'].input.shape.handlerId,
        }}
        textLabel="改派原因"
        textSchema={S['petitions.reassign'].input.shape.reason}
        textTestId="reassign-reason"
        maxLength={1000}
        okText="改派"
        confirmTitle="确认改派？"
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v) => act(() => invoke('petitions.reassign', { id: p.id, handlerId: v.handlerId!, reason: v.text }), '已改派')}
      />
      <ActionDialog
        open={dialog === 'reopen'}
        title={`重新办理：${p.number}`}
        intro={
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`这件来访${PETITION_STATUS_LABELS[p.status]}，重新办理后回到“办理中”，须再次答复和办结。`}
          />
        }
        textLabel="重新办理原因"
        textSchema={S['petitions.reopen'].input.shape.reason}
        textTestId="reopen-reason"
        maxLength={1000}
        okText="重新办理"
        confirmTitle="确认重新办理？"
        danger
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v) => act(() => invoke('petitions.reopen', { id: p.id, reason: v.text }), '已重新办理')}
      />
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </Space>
  );
}
