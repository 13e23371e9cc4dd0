import { Button, Card, Form, Input } from 'antd';
import { password } from '../../../../shared/contract/fields';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';

export function ChangePasswordPage() {
  const [form] = Form.useForm();
  const { busy, run } = useAction();
  const submit = async (v: { oldPassword: string; newPassword: string }) => {
    if (await run(() => invoke('auth.changePassword', v), '密码已修改')) form.resetFields();
  };
  return (
    <Card title="修改密码" style={{ maxWidth: 480 }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoFocus />
        </Form.Item>
        <Form.Item label="新密码（至少 8 位）" name="newPassword" rules={[zodRule(password)]}>
          <Input.Password />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>保存</Button>
      </Form>
    </Card>
  );
}
