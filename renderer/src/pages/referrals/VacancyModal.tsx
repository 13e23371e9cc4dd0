import { Form, Input, InputNumber, Modal } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { vacancyInput, type Vacancy, type VacancyInput } from '../../../../shared/contract/referrals';
import { useServerDay } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';

interface FormValues {
  unit: string;
  jobType: string;
  headcount: number | null;
  requirements: string;
  validUntil: Dayjs | null;
  contact: string;
}

interface Props {
  open: boolean;
  /** The vacancy being edited; null registers a new one. */
  editing: Vacancy | null;
  busy: boolean;
  onCancel(): void;
  onSubmit(v: VacancyInput): Promise<boolean>;
}

const shape = vacancyInput.shape;
async function checkDate(d: Dayjs | null | undefined): Promise<void> {
  const r = shape.validUntil.safeParse(d ? d.format('YYYY-MM-DD') : undefined);
  if (!r.success) throw new Error(r.error.issues[0]?.message ?? '请选择有效期');
}

/** Register or edit a unit's job type and headcount (工种用人数量). Enter in a one-line field saves. */
export function VacancyModal({ open, editing, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<FormValues>();
  // A new vacancy is valid for 30 days from the program's today by default, and cannot end before it (not the PC's day).
  const today = useServerDay(open);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { ...editing, validUntil: dayjs(editing.validUntil) }
        : { unit: '', jobType: '', headcount: 1, requirements: '', validUntil: null, contact: '' },
    );
  }, [open, editing, form]);
  useEffect(() => {
    if (open && !editing && today && !form.isFieldTouched('validUntil')) form.setFieldValue('validUntil', today.add(30, 'day'));
  }, [open, editing, today, form]);

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await onSubmit({
      unit: v.unit.trim(),
      jobType: v.jobType.trim(),
      headcount: v.headcount ?? 0,
      requirements: (v.requirements ?? '').trim(),
      validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : '',
      contact: (v.contact ?? '').trim(),
    });
  };

  return (
    <Modal
      open={open}
      title={editing ? `修改岗位：${editing.unit} ${editing.jobType}` : '登记用人单位岗位'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onCancel}
      forceRender
      okButtonProps={{ 'data-testid': 'vacancy-save' }}
      data-testid="vacancy-modal"
    >
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item label="用人单位" name="unit" rules={[zodRule(shape.unit)]} required>
          <Input autoFocus maxLength={60} placeholder="如：红星机械厂" data-testid="vacancy-unit" />
        </Form.Item>
        <Form.Item label="工种" name="jobType" rules={[zodRule(shape.jobType)]} required>
          <Input maxLength={30} placeholder="如：车工、保安、保洁" data-testid="vacancy-job" />
        </Form.Item>
        <Form.Item label="招用人数" name="headcount" rules={[zodRule(shape.headcount)]} required>
          <InputNumber min={1} max={9999} precision={0} suffix="人" style={{ width: 160 }} data-testid="vacancy-headcount" />
        </Form.Item>
        <Form.Item
          label="有效期至"
          name="validUntil"
          required
          rules={[{ validator: async (_r, d: Dayjs | null) => checkDate(d) }]}
        >
          <DatePicker allowClear={false} disabledDate={(d) => today !== null && d.isBefore(today, 'day')} data-testid="vacancy-valid" />
        </Form.Item>
        <Form.Item label="用人要求" name="requirements" rules={[zodRule(shape.requirements)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder="年龄、技能、证书、工作时间等" data-testid="vacancy-req" />
        </Form.Item>
        <Form.Item label="联系人及电话" name="contact" rules={[zodRule(shape.contact)]}>
          <Input maxLength={60} placeholder="如：王科长 0371-66123456" data-testid="vacancy-contact" />
        </Form.Item>
        <button type="submit" style={{ display: 'none' }} aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
