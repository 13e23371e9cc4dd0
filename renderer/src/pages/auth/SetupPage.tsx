import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import { password, personName, username } from '../../../../shared/contract/fields';
import type { SessionUser } from '../../../../shared/contract/auth';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';
import { AuthCard } from './AuthCard';

interface SetupForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export function SetupPage({ centreName, onDone }: { centreName: string; onDone(token: string, user: SessionUser): void }) {
  const { busy, run } = useAction();
  const submit = async (v: SetupForm) => {
    const r = await run(() => invoke('auth.setup', { username: v.username, displayName: v.displayName, password: v.password }), '管理员已创建');
    if (r) onDone(r.token, r.user);
  };
  return (
    <AuthCard centreName={centreName} title="首次使用：创建管理员账号">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="系统没有默认密码。请为管理员设置一个只有您知道的密码，之后由管理员为其他同事开设账号。" />
      <Form<SetupForm> layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item label="管理员用户名" name="username" rules={[zodRule(username)]}>
          <Input autoFocus placeholder="例如 admin" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[zodRule(personName)]}>
          <Input />
        </Form.Item>
        <Form.Item label="密码（至少 8 位）" name="password" rules={[zodRule(password)]}>
          <Input.Password />
        </Form.Item>
        <Form.Item
          label="再次输入密码"
          name="confirm"
          dependencies={['password']}
          rules={[({ getFieldValue }) => ({ validator: async (_r, v) => { if (v !== getFieldValue('password')) throw new Error('两次输入的密码不一致'); } })]}
        >
          <Input.Password />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>创建管理员并登录</Button>
      </Form>
    </AuthCard>
  );
}
