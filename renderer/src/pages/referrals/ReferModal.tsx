import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { referralChannels, type Vacancy } from '../../../../shared/contract/referrals';
import { formatChineseDate } from '../../../../shared/dates';
import { zodRule } from '../../components/zodRule';
import { WorkerPicker, type PickedWorker } from './WorkerPicker';

export interface ReferPreset {
  worker?: PickedWorker | null;
  vacancyId?: number | null;
}

interface FormValues {
  fileId: number | null;
  vacancyId: number | null;
  note: string;
}

interface Props {
  open: boolean;
  preset: ReferPreset;
  /** Open vacancies within their date, to choose from. */
  vacancies: Vacancy[];
  /** The petition this referral comes from, when opened from one. */
  petition: { id: number; number: string } | null;
  busy: boolean;
  onCancel(): void;
  onSubmit(v: { fileId: number; vacancyId: number; note: string }): Promise<boolean>;
}

const noteSchema = referralChannels['referrals.refer'].input.shape.note;

export const vacancyLabel = (v: Vacancy) => `${v.unit} ${v.jobType}（招 ${v.headcount} 人，已录用 ${v.hiredCount}，至 ${formatChineseDate(v.validUntil)}）`;

/** Refer one worker to one vacancy; full vacancies are listed but cannot be chosen. */
export function ReferModal({ open, preset, vacancies, petition, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ fileId: preset.worker?.id ?? null, vacancyId: preset.vacancyId ?? null, note: '' });
  }, [open, preset, form]);

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await onSubmit({ fileId: v.fileId!, vacancyId: v.vacancyId!, note: (v.note ?? '').trim() });
  };

  return (
    <Modal
      open={open}
      title={preset.worker ? `推荐就业：${preset.worker.name}` : '推荐就业'}
      okText="推荐"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onCancel}
      forceRender
      okButtonProps={{ 'data-testid': 'refer-save' }}
      data-testid="refer-modal"
    >
      {petition && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`来自来访 ${petition.number}，推荐记录会挂在这次来访下。`} />}
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item label="推荐职工" name="fileId" rules={[{ required: true, message: '请选择要推荐的职工' }]}>
          <WorkerPicker initial={preset.worker ?? null} autoFocus={!preset.worker} testId="refer-worker" />
        </Form.Item>
        <Form.Item label="推荐岗位" name="vacancyId" rules={[{ required: true, message: '请选择推荐岗位' }]}>
          <Select<number>
            autoFocus={!!preset.worker && !preset.vacancyId}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择有效期内的招聘岗位"
            notFoundContent="没有有效期内的岗位，请先登记岗位"
            options={vacancies.map((v) => ({ value: v.id, label: vacancyLabel(v), disabled: v.hiredCount >= v.headcount }))}
            data-testid="refer-vacancy"
          />
        </Form.Item>
        <Form.Item label="推荐说明" name="note" rules={[zodRule(noteSchema)]} extra={<Typography.Text type="secondary">如：技能特长、与单位约定的面试时间</Typography.Text>}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            showCount
            data-testid="refer-note"
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
