// The decision engine's advice, shown beside the form (live) and on the application (as stored).
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  WarningFilled,
} from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { DecisionAdvice, FiredRule, RuleOutcome } from '../../../../shared/contract/reliefTypes';
import { formatYuan } from '../../../../shared/money';
import { APPROVER_LABELS } from '../../../../shared/relief';
import { VERDICT_LABELS } from './reliefLabels';

const OUTCOME_ICONS: Record<RuleOutcome, React.ReactNode> = {
  pass: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  fail: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  override: <ExclamationCircleFilled style={{ color: '#fa8c16' }} />,
  warn: <WarningFilled style={{ color: '#faad14' }} />,
  info: <InfoCircleFilled style={{ color: '#1677ff' }} />,
};
const OUTCOME_LABELS: Record<RuleOutcome, string> = {
  pass: '符合',
  fail: '不符合',
  override: '须例外批准',
  warn: '提醒',
  info: '说明',
};

const VERDICT_STYLE: Record<DecisionAdvice['verdict'], { color: string; background: string; border: string; icon: React.ReactNode; hint: string }> = {
  eligible: {
    color: '#389e0d',
    background: '#f6ffed',
    border: '#b7eb8f',
    icon: <CheckCircleFilled />,
    hint: '符合救助政策，可按下列审批人审批。',
  },
  override: {
    color: '#d46b08',
    background: '#fff7e6',
    border: '#ffd591',
    icon: <ExclamationCircleFilled />,
    hint: '有规则须例外处理：须写明例外理由，并经工会主席批准。',
  },
  not_eligible: {
    color: '#cf1322',
    background: '#fff1f0',
    border: '#ffa39e',
    icon: <CloseCircleFilled />,
    hint: '不符合救助条件，不能提交审批。请核对金额和情况。',
  },
};

function Range({ advice }: { advice: DecisionAdvice }) {
  if (advice.suggestedMinFen === null || advice.suggestedMaxFen === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span data-testid="advice-range">
      {formatYuan(advice.suggestedMinFen)} – {formatYuan(advice.suggestedMaxFen)}
    </span>
  );
}

export function RuleItem({ rule }: { rule: FiredRule }) {
  return (
    <div data-testid="advice-rule" data-rule={rule.id} data-outcome={rule.outcome} style={{ display: 'flex', gap: 8, padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }}>
      <Tooltip title={OUTCOME_LABELS[rule.outcome]}>
        <span aria-label={OUTCOME_LABELS[rule.outcome]} style={{ flex: 'none', paddingTop: 2 }}>
          {OUTCOME_ICONS[rule.outcome]}
        </span>
      </Tooltip>
      <div style={{ minWidth: 0 }}>
        <div>{rule.text}</div>
        <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }}>{rule.source}</div>
      </div>
    </div>
  );
}

interface Props {
  advice: DecisionAdvice | null;
  /** A request is under way (the shown advice may be for the previous input). */
  loading?: boolean;
  error?: string | null;
  /** Shown when there is nothing to advise on yet. */
  placeholder?: string;
  title?: string;
  /** Policy date or note under the title. */
  note?: React.ReactNode;
}

/** Verdict, suggested range, approvers, warnings and every fired rule with its source. */
export function AdvicePanel({ advice, loading = false, error = null, placeholder = '选择职工、救助类别并填写金额后，这里显示政策预审结果。', title = '政策预审', note }: Props) {
  const v = advice ? VERDICT_STYLE[advice.verdict] : null;
  return (
    <Card
      size="small"
      title={
        <Space>
          {title}
          {loading && <Spin size="small" />}
        </Space>
      }
      extra={note}
      data-testid="advice-panel"
      styles={{ body: { opacity: loading ? 0.6 : 1, transition: 'opacity 0.15s' } }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="advice-error" />}
      {!advice ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={placeholder} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div
            data-testid="advice-verdict"
            data-verdict={advice.verdict}
            style={{ color: v!.color, background: v!.background, border: `1px solid ${v!.border}`, borderRadius: 6, padding: '10px 14px' }}
          >
            <div style={{ fontSize: 18, fontWeight: 600 }}>
              {v!.icon} {VERDICT_LABELS[advice.verdict]}
            </div>
            <div style={{ fontSize: 12, marginTop: 2 }}>{v!.hint}</div>
          </div>

          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="建议金额">
              <Range advice={advice} />
            </Descriptions.Item>
            {advice.specialMaxFen !== null && (
              <Descriptions.Item label="特殊情况最多">
                <span data-testid="advice-special-max">{formatYuan(advice.specialMaxFen)}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="审批人">
              <span data-testid="advice-approvers">
                {advice.approvers.map((a, i) => (
                  <span key={a}>
                    {i > 0 && <span style={{ color: '#999', margin: '0 6px' }}>→</span>}
                    <Tag color={a === 'chair' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
                      {APPROVER_LABELS[a]}
                    </Tag>
                  </span>
                ))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="公示">{advice.noticeRequired ? '批准后须公示，无异议后发放' : '不需公示'}</Descriptions.Item>
          </Descriptions>

          {advice.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="请注意"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {advice.warnings.map((w) => (
                    <li key={w} data-testid="advice-warning">
                      {w}
                    </li>
                  ))}
                </ul>
              }
            />
          )}

          <div>
            <Typography.Text strong>适用的规则（{advice.rules.length}）</Typography.Text>
            <div data-testid="advice-rules">
              {advice.rules.map((r, i) => (
                <RuleItem key={`${r.id}-${i}`} rule={r} />
              ))}
            </div>
          </div>
        </Space>
      )}
    </Card>
  );
}
