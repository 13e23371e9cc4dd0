import { CheckOutlined, CloseOutlined, EditOutlined, LeftOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Empty, Popconfirm, Result, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { reliefChannels } from '../../../../shared/contract/relief';
import type { ReliefApplication, ReliefDocumentView } from '../../../../shared/contract/reliefTypes';
import { maskIdNumber } from '../../../../shared/idcard';
import { formatYuan } from '../../../../shared/money';
import { APPROVER_LABELS, RELIEF_CATEGORY_LABELS } from '../../../../shared/relief';
import { FILE_DOCUMENT_LABELS } from '../../../../shared/workerFile';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { ActionDialog } from '../petitions/ActionDialog';
import { AdvicePanel } from './AdvicePanel';
import { DecideDialog, type Decision } from './DecideDialog';
import {
  CATEGORY_FACTS,
  DECISION_COLORS,
  DECISION_LABELS,
  FACT_LABELS,
  ReliefStatusTag,
  STAGE_LABELS,
  dateOnly,
  dateTime,
} from './reliefLabels';

const W = reliefChannels['relief.withdraw'].input;

function factValue(key: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return key.endsWith('Fen') ? formatYuan(v) : String(v);
  return '—';
}

/** Required ones first, then in the contract's order. */
const docOrder = (a: ReliefDocumentView, b: ReliefDocumentView) => Number(b.required) - Number(a.required);

export function ReliefPage({ id }: { id: number }) {
  const { user } = useSession();
  const [app, setApp] = useState<ReliefApplication | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [docBusy, setDocBusy] = useState<string | null>(null);
  const { busy, run } = useAction();

  const load = useCallback(() => {
    invoke('relief.get', { id })
      .then(setApp)
      .catch((e: Error) => setLoadError(e.message));
  }, [id]);
  useEffect(load, [load]);

  if (loadError)
    return <Result status="404" title="无法打开救助申请" subTitle={loadError} extra={<Button onClick={() => navigate('/relief')}>回到救助审批</Button>} />;
  if (!app)
    return (
      <Spin style={{ display: 'block', margin: 48 }} tip="正在读取救助申请…">
        <div />
      </Spin>
    );

  const act = async (fn: () => Promise<ReliefApplication>, ok: string) => {
    const next = await run(fn, ok);
    if (next) {
      setApp(next);
      return true;
    }
    return false;
  };

  // ── who may do what now: the core's answer, not a copy of its rules ────────────────────────
  const { permissions } = app;
  const stage = app.status === 'pending_director' ? 'director' : app.status === 'pending_chair' ? 'chair' : null;
  const decideBlocked = permissions.decideBlockedReason;
  const showDecide = permissions.decide;
  const missing = app.documents.filter((d) => d.required && d.receivedAt === null);
  const docsEditable = permissions.markDocument;
  const canSubmit = permissions.submit;
  const canEdit = permissions.edit;
  const canWithdraw = permissions.withdraw;

  const toggleDoc = async (d: ReliefDocumentView, received: boolean) => {
    setDocBusy(d.doc);
    await act(() => invoke('relief.markDocument', { id: app.id, doc: d.doc, received }), received ? `已登记收到：${FILE_DOCUMENT_LABELS[d.doc]}` : `已取消：${FILE_DOCUMENT_LABELS[d.doc]}`);
    setDocBusy(null);
  };

  const facts = CATEGORY_FACTS[app.category].filter((k) => (app.facts as Record<string, unknown>)[k] !== undefined);
  const lastReturn = app.status === 'draft' ? [...app.decisions].reverse().find((d) => d.decision === 'return') : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<LeftOutlined />} onClick={() => navigate('/relief')} aria-label="回到救助审批" />
            <span data-testid="relief-number" style={{ fontFamily: 'monospace' }}>
              {app.number}
            </span>
            <ReliefStatusTag status={app.status} testId="relief-status" />
            {app.needsChair && <Tag color="purple">须报工会主席</Tag>}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {app.name}　{RELIEF_CATEGORY_LABELS[app.category]}　{formatYuan(app.amountFen)}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/relief/${app.id}/edit`)} data-testid="action-edit">
                修改
              </Button>
            )}
            {canSubmit && (
              <Popconfirm
                title="确认提交审批？"
                description={
                  <div style={{ maxWidth: 320 }}>
                    提交给中心主任审批{app.advice.approvers.includes('chair') ? '，主任同意后报工会主席' : ''}。
                    {missing.length > 0 && (
                      <div style={{ color: '#cf1322', marginTop: 4 }}>还缺必需材料：{missing.map((d) => FILE_DOCUMENT_LABELS[d.doc]).join('、')}，提交会被拒绝。</div>
                    )}
                  </div>
                }
                okText="提交"
                cancelText="取消"
                okButtonProps={{ 'data-testid': 'confirm-ok' }}
                onConfirm={() => act(() => invoke('relief.submit', { id: app.id }), '已提交审批')}
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="action-submit">
                  提交审批
                </Button>
              </Popconfirm>
            )}
            {app.status === 'payable' && hasRole(user, ['staff', 'finance', 'director']) && <Button onClick={() => navigate(`/materials/issue?application=${app.id}`)} data-testid="action-issue-materials">发放物资</Button>}
            {canWithdraw && (
              <Button icon={<StopOutlined />} onClick={() => setWithdrawing(true)} data-testid="action-withdraw">
                撤回
              </Button>
            )}
            {showDecide && (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="decide-approve">
                  同意
                </Button>
                <Button danger icon={<CloseOutlined />} onClick={() => setDecision('reject')} data-testid="decide-reject">
                  不同意
                </Button>
                <Button icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="decide-return">
                  退回修改
                </Button>
              </>
            )}
          </Space>
        }
      >
        {decideBlocked && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="decide-blocked" title={`${stage ? APPROVER_LABELS[stage] : ''}审批：${decideBlocked}`} />}
        {lastReturn && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="relief-returned"
            title={`${lastReturn.by} 于 ${dateTime(lastReturn.at)} 退回修改`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.comment}</span>}
          />
        )}
        {app.status === 'draft' && missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="relief-missing-docs"
            title={`还缺 ${missing.length} 项必需材料，收齐并在下方勾选后才能提交`}
            description={missing.map((d) => FILE_DOCUMENT_LABELS[d.doc]).join('、')}
          />
        )}
        {app.status === 'draft' && app.advice.verdict === 'not_eligible' && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title="政策预审：不符合条件，不能提交审批。请修改金额或情况。" />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="编号">
            <span style={{ fontFamily: 'monospace' }}>{app.number}</span>
          </Descriptions.Item>
          <Descriptions.Item label="救助对象">
            <Typography.Link onClick={() => navigate(`/files/${app.fileId}`)} data-testid="relief-file-link">
              {app.name}
            </Typography.Link>
          </Descriptions.Item>
          <Descriptions.Item label="身份证号">
            <span style={{ fontFamily: 'monospace' }}>{maskIdNumber(app.idNumber)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="工作单位">{app.workUnit}</Descriptions.Item>
          <Descriptions.Item label="救助类别">{RELIEF_CATEGORY_LABELS[app.category]}</Descriptions.Item>
          <Descriptions.Item label="申请金额">
            <Typography.Text strong data-testid="relief-amount-view">
              {formatYuan(app.amountFen)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="经办人">{app.proposedBy}</Descriptions.Item>
          <Descriptions.Item label="建立时间">{dateTime(app.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{app.submittedAt ? dateTime(app.submittedAt) : '尚未提交'}</Descriptions.Item>
          {app.petitionId !== null && (
            <Descriptions.Item label="来源">
              <Typography.Link onClick={() => navigate(`/petitions/${app.petitionId}`)}>来访记录</Typography.Link>
            </Descriptions.Item>
          )}
          {app.noticeId !== null && (
            <Descriptions.Item label="公示">
              <Typography.Link onClick={() => navigate(`/relief/notices/${app.noticeId}`)} data-testid="relief-notice-link">
                查看公示
              </Typography.Link>
            </Descriptions.Item>
          )}
          {facts.map((k) => (
            <Descriptions.Item key={k} label={FACT_LABELS[k]}>
              {factValue(k, (app.facts as Record<string, unknown>)[k])}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="申请理由" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="relief-reasons-view">
              {app.reasons}
            </Typography.Paragraph>
          </Descriptions.Item>
          {(app.overrideReason || app.advice.verdict === 'override') && (
            <Descriptions.Item label="例外理由" span={3}>
              {app.overrideReason ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{app.overrideReason}</Typography.Paragraph>
              ) : (
                <Typography.Text type="danger">须例外处理，但尚未写明理由</Typography.Text>
              )}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Row gutter={16} align="top">
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              title="申请材料"
              size="small"
              data-testid="relief-documents"
              extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{docsEditable ? '收到原件或复印件后勾选' : ''}</Typography.Text>}
            >
              {app.documents.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无需材料" />
              ) : (
                [...app.documents].sort(docOrder).map((d) => (
                  <div key={d.doc} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
                    <Checkbox
                      data-testid={`doc-${d.doc}`}
                      checked={d.receivedAt !== null}
                      disabled={!docsEditable || docBusy !== null}
                      onChange={(e) => void toggleDoc(d, e.target.checked)}
                    >
                      {FILE_DOCUMENT_LABELS[d.doc]}
                    </Checkbox>
                    {d.required ? <Tag color={d.receivedAt ? 'green' : 'red'}>必需</Tag> : <Tag>可选</Tag>}
                    <span style={{ flex: 1 }} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.receivedAt ? `${d.receivedBy ?? ''} ${dateTime(d.receivedAt)} 登记` : '未收到'}
                    </Typography.Text>
                  </div>
                ))
              )}
            </Card>

            <Card title="审批记录" size="small" extra={app.decisions.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>按当日有效的救助政策办理</Typography.Text>}>
              {app.decisions.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交审批" />
              ) : (
                <Timeline
                  data-testid="relief-decisions"
                  items={app.decisions.map((d) => ({
                    key: d.id,
                    color: DECISION_COLORS[d.decision],
                    content: (
                      <div data-testid="relief-decision">
                        <Space size={8} wrap>
                          <Typography.Text strong>
                            {STAGE_LABELS[d.stage]}：{DECISION_LABELS[d.decision]}
                          </Typography.Text>
                          <Typography.Text>{formatYuan(d.amountFen)}</Typography.Text>
                        </Space>
                        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                          {dateTime(d.at)}　{d.by}　·　政策版本 {dateOnly(d.policyEffectiveOn)} 起施行
                        </div>
                        {d.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{d.comment}</div>}
                      </div>
                    ),
                  }))}
                />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <AdvicePanel advice={app.advice} title="政策审核意见" note={<Typography.Text type="secondary" style={{ fontSize: 12 }}>按最近一次保存时的情况</Typography.Text>} />
        </Col>
      </Row>

      <DecideDialog
        app={app}
        decision={decision}
        busy={busy}
        onCancel={() => setDecision(null)}
        onSubmit={async (d, comment) => {
          const labels = { approve: '已同意', reject: '已作出不同意的决定', return: '已退回修改' };
          const ok = await act(() => invoke('relief.decide', { id: app.id, decision: d, comment }), labels[d]);
          if (ok) setDecision(null);
          return ok;
        }}
      />
      <ActionDialog
        open={withdrawing}
        title={`撤回救助申请：${app.number}`}
        intro={<Typography.Paragraph type="secondary">撤回后申请终止，不再审批；如仍需救助须重新申请。</Typography.Paragraph>}
        textLabel="撤回原因"
        textSchema={W.shape.reason}
        textTestId="withdraw-reason"
        maxLength={500}
        okText="撤回"
        confirmTitle="确认撤回这份申请？"
        danger
        busy={busy}
        onCancel={() => setWithdrawing(false)}
        onSubmit={async (v) => {
          const ok = await act(() => invoke('relief.withdraw', { id: app.id, reason: v.text }), '已撤回');
          if (ok) setWithdrawing(false);
          return ok;
        }}
      />
    </Space>
  );
}
