import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import type { SessionUser } from '../../../../shared/contract/auth';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { AuthCard } from './AuthCard';

export function LoginPage(props: { centreName: string; notice?: string; onDone(token: string, user: SessionUser): void }) {
  const { busy, run } = useAction();
  const submit = async (v: { username: string; password: string }) => {
    const r = await run(() => invoke('auth.login', v));
    if (r) props.onDone(r.token, r.user);
  };
  return (
    <AuthCard centreName={props.centreName} title="登录">
      {props.notice && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={props.notice} />}
      <Form layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
      </Form>
    </AuthCard>
  );
}
