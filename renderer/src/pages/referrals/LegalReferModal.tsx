import { Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { referralChannels, type LegalAidCase } from '../../../../shared/contract/referrals';
import { LEGAL_TARGET_KINDS, LEGAL_TARGET_LABELS, type LegalTargetKind } from '../../../../shared/referral';
import { zodRule } from '../../components/zodRule';

interface FormValues {
  targetKind: LegalTargetKind;
  targetName: string;
  targetContact: string;
  note: string;
}

interface Props {
  target: LegalAidCase | null;
  busy: boolean;
  onCancel(): void;
  onSubmit(v: FormValues): Promise<boolean>;
}

const shape = referralChannels['legalAid.refer'].input.shape;

/** Refer a legal-aid case to a lawyer or a legal-aid office (a case may be re-referred until it is closed). */
export function LegalReferModal({ target, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({
      targetKind: target.targetKind ?? 'lawyer',
      targetName: target.targetName ?? '',
      targetContact: target.targetContact ?? '',
      note: '',
    });
  }, [target, form]);

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await onSubmit({ targetKind: v.targetKind, targetName: v.targetName.trim(), targetContact: (v.targetContact ?? '').trim(), note: (v.note ?? '').trim() });
  };

  return (
    <Modal
      open={target !== null}
      title={target ? `转介：${target.applicantName}${target.status === 'referred' ? '（重新转介）' : ''}` : '转介'}
      okText="转介"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onCancel}
      forceRender
      okButtonProps={{ 'data-testid': 'legal-refer-save' }}
      data-testid="legal-refer-modal"
    >
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item label="转介给" name="targetKind" rules={[zodRule(shape.targetKind)]} required>
          <Radio.Group optionType="button" options={LEGAL_TARGET_KINDS.map((k) => ({ value: k, label: LEGAL_TARGET_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="律师或机构名称" name="targetName" rules={[zodRule(shape.targetName)]} required>
          <Input autoFocus maxLength={60} placeholder="如：李明律师（某某律师事务所）、市法律援助中心" data-testid="legal-refer-name" />
        </Form.Item>
        <Form.Item label="联系方式" name="targetContact" rules={[zodRule(shape.targetContact)]}>
          <Input maxLength={60} placeholder="电话或地址" data-testid="legal-refer-contact" />
        </Form.Item>
        <Form.Item label="转介说明" name="note" rules={[zodRule(shape.note)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
        </Form.Item>
        <button type="submit" style={{ display: 'none' }} aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
