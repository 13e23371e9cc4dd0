import { Button, Form, Input, Modal, Popconfirm, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { zodRule } from '../../components/zodRule';

export interface OutcomeValues<K extends string> {
  outcome: K;
  note: string;
}

interface Props<K extends string> {
  open: boolean;
  title: string;
  intro?: React.ReactNode;
  options: { value: K; label: string }[];
  initial?: K;
  outcomeSchema: z.ZodType;
  noteLabel: string;
  noteSchema: z.ZodType;
  noteRequired?: boolean;
  noteMax: number;
  /** The Popconfirm asked after the fields pass, before anything is sent. */
  confirmTitle: (outcome: K) => string;
  busy: boolean;
  testId: string;
  onCancel(): void;
  /** Resolves true when saved (the modal closes). */
  onSubmit(v: OutcomeValues<K>): Promise<boolean>;
}

/** Choose an outcome (arrow keys move, Enter continues), write a note, then confirm once more. */
export function OutcomeModal<K extends string>(p: Props<K>) {
  const [form] = Form.useForm<OutcomeValues<K>>();
  const [confirming, setConfirming] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  useEffect(() => {
    if (p.open) {
      form.setFieldsValue({ outcome: p.initial, note: '' } as OutcomeValues<K>);
      setConfirming(false);
    }
  }, [p.open, p.initial, form]);

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
    await p.onSubmit({ outcome: v.outcome, note: (v.note ?? '').trim() });
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
            title={outcome ? p.confirmTitle(outcome) : '确认？'}
            okText="确认"
            cancelText="再想想"
            okButtonProps={{ autoFocus: true, 'data-testid': `${p.testId}-confirm` }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" loading={p.busy} onClick={() => void ask()} data-testid={`${p.testId}-ok`}>
              登记结果
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {p.intro}
      <Form form={form} layout="vertical" preserve={false} onFinish={() => void ask()}>
        <Form.Item label="结果" name="outcome" rules={[zodRule(p.outcomeSchema)]} required>
          <Radio.Group optionType="button" buttonStyle="solid" options={p.options} data-testid={`${p.testId}-outcome`} />
        </Form.Item>
        <Form.Item label={p.noteLabel} name="note" rules={[zodRule(p.noteSchema)]} required={p.noteRequired} extra="Ctrl+Enter 提交">
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={p.noteMax}
            showCount
            data-testid={`${p.testId}-note`}
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
