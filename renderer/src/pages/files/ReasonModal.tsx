import { Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { zodRule } from '../../components/zodRule';

export interface ReasonValues<K extends string> {
  kind?: K;
  reason: string;
}

interface Props<K extends string> {
  open: boolean;
  title: string;
  /** What the modal is about, shown above the fields. */
  intro?: React.ReactNode;
  kinds?: { options: { value: K; label: string }[]; schema: z.ZodType; label: string };
  reasonLabel: string;
  reasonSchema: z.ZodType;
  okText: string;
  /** The Popconfirm shown after the fields pass, before anything is sent. */
  confirmTitle: string;
  danger?: boolean;
  busy: boolean;
  testId: string;
  onCancel(): void;
  /** Resolves true when done (the modal closes). */
  onSubmit(v: ReasonValues<K>): Promise<boolean>;
}

/** A small modal asking for a reason (and optionally a kind), confirmed once more before it is sent. */
export function ReasonModal<K extends string>(p: Props<K>) {
  const [form] = Form.useForm<ReasonValues<K>>();
  const [confirming, setConfirming] = useState(false);

  const ask = async () => {
    try {
      await form.validateFields();
      setConfirming(true);
    } catch {
      // messages are shown under the fields
    }
  };
  const submit = async () => {
    setConfirming(false);
    const v = form.getFieldsValue();
    if (await p.onSubmit({ ...v, reason: (v.reason ?? '').trim() })) form.resetFields();
  };

  return (
    <Modal
      open={p.open}
      title={p.title}
      destroyOnHidden
      onCancel={() => {
        setConfirming(false);
        p.onCancel();
      }}
      data-testid={p.testId}
      footer={
        <Space>
          <Button onClick={p.onCancel}>取消</Button>
          <Popconfirm
            open={confirming}
            title={p.confirmTitle}
            okText="确认"
            cancelText="再想想"
            okButtonProps={{ autoFocus: true, danger: p.danger, 'data-testid': `${p.testId}-confirm` }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" danger={p.danger} loading={p.busy} onClick={() => void ask()} data-testid={`${p.testId}-ok`}>
              {p.okText}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {p.intro}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reason: '' }} onFinish={() => void ask()}>
        {p.kinds && (
          <Form.Item label={p.kinds.label} name="kind" rules={[zodRule(p.kinds.schema)]} required>
            <Select<K> autoFocus options={p.kinds.options} placeholder="请选择" data-testid={`${p.testId}-kind`} />
          </Form.Item>
        )}
        <Form.Item label={p.reasonLabel} name="reason" rules={[zodRule(p.reasonSchema)]} required>
          <Input.TextArea
            autoFocus={!p.kinds}
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={500}
            showCount
            data-testid={`${p.testId}-reason`}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void ask();
              }
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
