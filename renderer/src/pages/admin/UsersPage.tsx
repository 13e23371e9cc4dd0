import { Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { password, personName, roles as rolesSchema, username } from '../../../../shared/contract/fields';
import type { UserRow } from '../../../../shared/contract/users';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';
import { localDateTime } from '../../../../shared/dates';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

type Editing = { mode: 'create' } | { mode: 'edit'; user: UserRow } | { mode: 'password'; user: UserRow } | null;

export function UsersPage() {
  const [users, setUsers] = useState<UserRow[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const { busy, run } = useAction();
  const [form] = Form.useForm();

  const load = useCallback(() => void run(() => invoke('users.list', {})).then((u) => u && setUsers(u)), [run]);
  useEffect(load, [load]);

  const open = (e: Editing) => {
    form.resetFields();
    if (e?.mode === 'edit') form.setFieldsValue({ displayName: e.user.displayName, roles: e.user.roles, active: e.user.active });
    setEditing(e);
  };

  const save = async () => {
    // A rejected validateFields only means the fields show their messages; it must not escape as an error.
    const v = (await form.validateFields().catch(() => null)) as { username: string; displayName: string; password: string; roles: Role[]; active: boolean } | null;
    if (!v) return;
    let ok: unknown;
    if (editing?.mode === 'create') ok = await run(() => invoke('users.create', { username: v.username, displayName: v.displayName, password: v.password, roles: v.roles }), '用户已创建');
    if (editing?.mode === 'edit') ok = await run(() => invoke('users.update', { id: editing.user.id, displayName: v.displayName, roles: v.roles, active: v.active }), '已保存');
    if (editing?.mode === 'password') ok = await run(() => invoke('users.resetPassword', { id: editing.user.id, password: v.password }), '密码已重置');
    if (ok) {
      setEditing(null);
      load();
    }
  };

  return (
    <Card title="用户管理" extra={<Button type="primary" onClick={() => open({ mode: 'create' })}>新建用户</Button>}>
      <Table<UserRow>
        rowKey="id"
        dataSource={users}
        loading={busy && users.length === 0}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roles', render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          {
            title: '状态',
            render: (_, u) =>
              !u.active ? <Tag color="default">已停用</Tag> : u.lockedUntil ? <Tag color="red">锁定至 {localDateTime(new Date(u.lockedUntil))}</Tag> : <Tag color="green">正常</Tag>,
          },
          {
            title: '操作',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => open({ mode: 'edit', user: u })}>修改</Button>
                <Button size="small" onClick={() => open({ mode: 'password', user: u })}>重置密码</Button>
                {u.lockedUntil && (
                  <Popconfirm title={`确认解除 ${u.username} 的锁定？`} okText="解除" cancelText="取消" onConfirm={() => void run(() => invoke('users.unlock', { id: u.id }), '已解锁').then(load)}>
                    <Button size="small">解锁</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.mode === 'create' ? '新建用户' : editing?.mode === 'edit' ? `修改用户 ${editing.user.username}` : `重置 ${editing?.user.username ?? ''} 的密码`}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ roles: ['staff'], active: true }} onFinish={() => void save()}>
          {editing?.mode === 'create' && (
            <Form.Item label="用户名（登录用）" name="username" rules={[zodRule(username)]}>
              <Input autoFocus />
            </Form.Item>
          )}
          {editing?.mode !== 'password' && (
            <>
              <Form.Item label="姓名" name="displayName" rules={[zodRule(personName)]}>
                <Input />
              </Form.Item>
              <Form.Item label="角色（可多选）" name="roles" rules={[zodRule(rolesSchema)]}>
                <Checkbox.Group options={roleOptions} />
              </Form.Item>
            </>
          )}
          {editing?.mode === 'edit' && (
            <Form.Item label="启用" name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          {editing?.mode !== 'edit' && (
            <Form.Item label={editing?.mode === 'password' ? '新密码（至少 8 位）' : '初始密码（至少 8 位）'} name="password" rules={[zodRule(password)]}>
              <Input.Password />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
