import { Alert, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { reliefChannels } from '../../../../shared/contract/relief';
import type { ReliefApplication } from '../../../../shared/contract/reliefTypes';
import { formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORY_LABELS } from '../../../../shared/relief';
import { zodRule } from '../../components/zodRule';

export type Decision = 'approve' | 'reject' | 'return';

const COMMENT = reliefChannels['relief.decide'].input;
const TITLES: Record<Decision, string> = { approve: '同意', reject: '不同意', return: '退回修改' };

/** What happens after the decision, in words, so the approver knows before confirming. */
function consequence(a: ReliefApplication, d: Decision): string {
  if (d === 'reject') return '不同意后申请终止，不能再提交；如情况变化须重新申请。';
  if (d === 'return') return '退回后申请回到草稿，由经办人按意见修改后重新提交。';
  if (a.status === 'pending_director' && a.advice.approvers.includes('chair')) return '同意后报工会主席审批。';
  return a.advice.noticeRequired ? '同意后进入待公示，公示期满无异议方可发放。' : '同意后即可发放。';
}

interface Props {
  app: ReliefApplication;
  decision: Decision | null;
  busy: boolean;
  onCancel(): void;
  /** Resolves true when done (the dialog closes). */
  onSubmit(decision: Decision, comment: string): Promise<boolean>;
}

/** 同意 / 不同意 / 退回修改 with the approver's comment (required for the last two). The dialog is the confirmation. */
export function DecideDialog({ app, decision, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ comment: string }>();
  const needsComment = decision !== 'approve';

  useEffect(() => {
    if (decision) form.setFieldsValue({ comment: '' });
  }, [decision, form]);

  const ok = async () => {
    if (!decision) return;
    try {
      const { comment } = await form.validateFields();
      await onSubmit(decision, (comment ?? '').trim());
    } catch {
      // messages are shown under the field
    }
  };

  return (
    <Modal
      open={decision !== null}
      title={decision ? `${TITLES[decision]}：${app.number}` : ''}
      width={600}
      destroyOnHidden
      onCancel={onCancel}
      footer={
        <Space>
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" danger={decision === 'reject'} loading={busy} onClick={() => void ok()} data-testid="decide-ok">
            确认{decision ? TITLES[decision] : ''}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="救助对象">{app.name}</Descriptions.Item>
        <Descriptions.Item label="类别">{RELIEF_CATEGORY_LABELS[app.category]}</Descriptions.Item>
        <Descriptions.Item label="金额">
          <Typography.Text strong>{formatYuan(app.amountFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="经办人">{app.proposedBy}</Descriptions.Item>
      </Descriptions>
      {decision && <Alert type={decision === 'approve' ? 'info' : 'warning'} showIcon title={consequence(app, decision)} style={{ marginBottom: 16 }} />}
      {decision === 'approve' && app.advice.verdict === 'override' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本申请须例外处理"
          description={<span style={{ whiteSpace: 'pre-wrap' }}>例外理由：{app.overrideReason || '（未填写）'}</span>}
        />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ comment: '' }}>
        <Form.Item
          label={needsComment ? '审批意见（须写明理由）' : '审批意见（可不填）'}
          name="comment"
          required={needsComment}
          rules={[
            zodRule(COMMENT.shape.comment),
            {
              validator: async (_r, v?: string) => {
                if (needsComment && (v ?? '').trim().length < 2) throw new Error(decision === 'reject' ? '不同意时请写明理由' : '退回修改时请写明要修改什么');
              },
            },
          ]}
          extra="Ctrl+Enter 确认"
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            showCount
            data-testid="decide-comment"
            placeholder={decision === 'approve' ? '例如：情况属实，同意救助。' : decision === 'return' ? '需要补充或更正的内容' : '不予救助的理由'}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void ok();
              }
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
