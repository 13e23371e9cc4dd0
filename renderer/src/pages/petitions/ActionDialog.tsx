import { Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { zodRule } from '../../components/zodRule';

export interface ActionValues {
  handlerId?: number;
  text: string;
}

interface Props {
  open: boolean;
  title: string;
  intro?: React.ReactNode;
  /** Reassigning: who takes the petition over. */
  handlers?: { options: { value: number; label: string }[]; schema: z.ZodType };
  textLabel: string;
  textSchema: z.ZodType;
  textTestId: string;
  maxLength: number;
  placeholder?: string;
  okText: string;
  /** Asked once more after the fields pass, before anything is sent. */
  confirmTitle: string;
  danger?: boolean;
  busy: boolean;
  onCancel(): void;
  /** Resolves true when done (the dialog closes). */
  onSubmit(v: ActionValues): Promise<boolean>;
}

/** A petition step that needs words (答复, 办结, 改派, 重新办理): fill in, then confirm once more. Ctrl+Enter submits. */
export function ActionDialog(p: Props) {
  const [form] = Form.useForm<ActionValues>();
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
    if (await p.onSubmit({ ...v, text: (v.text ?? '').trim() })) form.resetFields();
  };
  const cancel = () => {
    setConfirming(false);
    p.onCancel();
  };

  return (
    <Modal
      open={p.open}
      title={p.title}
      width={640}
      destroyOnHidden
      onCancel={cancel}
      data-testid="action-dialog"
      footer={
        <Space>
          <Button onClick={cancel}>取消</Button>
          <Popconfirm
            open={confirming}
            title={p.confirmTitle}
            okText="确认"
            cancelText="再想想"
            okButtonProps={{ autoFocus: true, danger: p.danger, 'data-testid': 'dialog-confirm' }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" danger={p.danger} loading={p.busy} onClick={() => void ask()} data-testid="dialog-ok">
              {p.okText}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {p.intro}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ text: '' }}>
        {p.handlers && (
          <Form.Item label="新经办人" name="handlerId" rules={[zodRule(p.handlers.schema)]} required>
            <Select<number>
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              options={p.handlers.options}
              placeholder="请选择"
              data-testid="reassign-handler"
            />
          </Form.Item>
        )}
        <Form.Item label={p.textLabel} name="text" rules={[zodRule(p.textSchema)]} required extra="Ctrl+Enter 提交">
          <Input.TextArea
            autoFocus={!p.handlers}
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={p.maxLength}
            showCount
            placeholder={p.placeholder}
            data-testid={p.textTestId}
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
