import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { legalIntakeInput, type LegalIntakeInput } from '../../../../shared/contract/referrals';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, INFRINGEMENT_LABELS, INFRINGEMENT_TYPES, type ApplicantType, type InfringementType } from '../../../../shared/referral';
import { zodRule } from '../../components/zodRule';
import { WorkerPicker, type PickedWorker } from './WorkerPicker';

interface FormValues {
  filed: boolean;
  fileId: number | null;
  applicantName: string;
  applicantPhone: string;
  applicantType: ApplicantType;
  infringementType: InfringementType | undefined;
  respondent: string;
  facts: string;
}

interface Props {
  open: boolean;
  worker: PickedWorker | null;
  petition: { id: number; number: string } | null;
  busy: boolean;
  onCancel(): void;
  onSubmit(v: LegalIntakeInput): Promise<boolean>;
}

// Each field is checked with the contract's own schema; the file-or-name rule is the Radio above.
const shape = legalIntakeInput.shape;

/** Legal-aid intake (法律援助登记): who, what kind of infringement, against whom, the facts. */
export function IntakeModal({ open, worker, petition, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<FormValues>();
  const filed = Form.useWatch('filed', form) ?? true;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      filed: true,
      fileId: worker?.id ?? null,
      applicantName: '',
      applicantPhone: '',
      applicantType: 'worker',
      infringementType: undefined,
      respondent: '',
      facts: '',
    });
  }, [open, worker, form]);

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await onSubmit({
      fileId: v.filed ? v.fileId : null,
      applicantName: v.filed ? '' : v.applicantName.trim(),
      applicantPhone: (v.applicantPhone ?? '').trim(),
      applicantType: v.applicantType,
      infringementType: v.infringementType!,
      respondent: (v.respondent ?? '').trim(),
      facts: v.facts.trim(),
      petitionId: petition?.id ?? null,
    });
  };

  return (
    <Modal
      open={open}
      title="法律援助登记"
      okText="登记"
      cancelText="取消"
      width={640}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onCancel}
      forceRender
      okButtonProps={{ 'data-testid': 'intake-save' }}
      data-testid="intake-modal"
    >
      {petition && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`来自来访 ${petition.number}，案件会挂在这次来访下。`} />}
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item label="申请人" name="filed">
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: '已建档职工' },
              { value: false, label: '未建档（填写姓名）' },
            ]}
            data-testid="intake-filed"
          />
        </Form.Item>
        {filed ? (
          <Form.Item label="选择职工" name="fileId" rules={[{ required: true, message: '请选择已建档职工，或改为填写申请人姓名' }]}>
            <WorkerPicker initial={worker} autoFocus={!worker} testId="intake-worker" />
          </Form.Item>
        ) : (
          <div style={{ display: 'flex', gap: 16 }}>
            <Form.Item label="申请人姓名" name="applicantName" style={{ flex: 1 }} rules={[zodRule(shape.applicantName), { required: true, whitespace: true, message: '请填写申请人姓名' }]}>
              <Input maxLength={30} autoFocus data-testid="intake-name" />
            </Form.Item>
            <Form.Item label="联系电话" name="applicantPhone" style={{ flex: 1 }} rules={[zodRule(shape.applicantPhone)]}>
              <Input maxLength={20} data-testid="intake-phone" />
            </Form.Item>
          </div>
        )}
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item label="申请人身份" name="applicantType" style={{ flex: 1 }} rules={[{ required: true, message: '请选择申请人身份' }]}>
            <Select options={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))} data-testid="intake-type" />
          </Form.Item>
          <Form.Item label="侵权类型" name="infringementType" style={{ flex: 1 }} rules={[{ required: true, message: '请选择侵权类型' }]}>
            <Select
              placeholder="请选择"
              autoFocus={!!worker}
              options={INFRINGEMENT_TYPES.map((t) => ({ value: t, label: INFRINGEMENT_LABELS[t] }))}
              data-testid="intake-infringement"
            />
          </Form.Item>
        </div>
        <Form.Item label="涉及单位" name="respondent" rules={[zodRule(shape.respondent)]}>
          <Input maxLength={60} placeholder="侵权的用人单位或个人（可不填）" data-testid="intake-respondent" />
        </Form.Item>
        <Form.Item label="事实经过" name="facts" rules={[zodRule(shape.facts)]} required extra="Ctrl+Enter 提交">
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={2000}
            showCount
            placeholder="何时、何地、何单位，侵害了哪些权益，已经做过哪些努力"
            data-testid="intake-facts"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              }
            }}
          />
        </Form.Item>
        <button type="submit" style={{ display: 'none' }} aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
