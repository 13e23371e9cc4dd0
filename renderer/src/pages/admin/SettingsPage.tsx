import { Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { SETTING_LABELS, type Settings } from '../../../../shared/settings';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useAction } from '../../components/useAction';

type FormValues = Settings & { effectiveFrom: Dayjs };

export function SettingsPage() {
  const [form] = Form.useForm<FormValues>();
  const [current, setCurrent] = useState<Settings | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    void run(() => invoke('settings.get', {})).then((s) => {
      if (!s) return;
      setCurrent(s);
      form.setFieldsValue({ ...s, effectiveFrom: dayjs() });
    });
  }, [form, run]);

  const save = async () => {
    const { effectiveFrom, ...values } = await form.validateFields();
    if (!current) return;
    const changes = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => current[k as keyof Settings] !== v),
    ) as Partial<Settings>;
    const s = await run(() => invoke('settings.update', { changes, effectiveFrom: effectiveFrom.format('YYYY-MM-DD') }), '设置已保存');
    if (s) setCurrent(s);
  };

  const num = (key: keyof Settings) => (
    <Form.Item label={SETTING_LABELS[key]} name={key} rules={[{ required: true, message: `请填写${SETTING_LABELS[key]}` }]}>
      <InputNumber min={1} precision={0} style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <Card title="系统设置" style={{ maxWidth: 720 }}>
      <Form form={form} layout="vertical" disabled={!current}>
        <Form.Item label={SETTING_LABELS.centreName} name="centreName" rules={[{ required: true, message: '请填写中心名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item label={SETTING_LABELS.unionName} name="unionName"><Input /></Form.Item>
        <Form.Item label={SETTING_LABELS.centreAddress} name="centreAddress"><Input /></Form.Item>
        <Form.Item label={SETTING_LABELS.centrePhone} name="centrePhone"><Input /></Form.Item>
        <Form.Item label={SETTING_LABELS.minLivingLineFen} name="minLivingLineFen" rules={[{ required: true, message: '请填写最低生活保障线' }]}>
          <MoneyInput />
        </Form.Item>
        {num('maxFailedLogins')}
        {num('lockoutMinutes')}
        {num('sessionIdleMinutes')}
        <Form.Item label="生效日期" name="effectiveFrom" extra="标准类设置按生效日期保存：已做出的决定仍按当时的标准解释。">
          <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Popconfirm title="确认保存这些设置？修改会记入审计日志。" okText="保存" cancelText="取消" onConfirm={() => void save()}>
          <Button type="primary" loading={busy}>保存设置</Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
