import Button from 'antd/es/button';
import Layout from 'antd/es/layout';
import Menu from 'antd/es/menu';
import Result from 'antd/es/result';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import type { MenuProps } from 'antd/es/menu';
import { ROLE_LABELS } from '../../../shared/roles';
import { matchRoute, navigate, useHashPath } from '../router';
import { ROUTES } from '../routes';
import { hasRole, useSession } from '../session';

const GROUP_LABELS = { main: '业务', admin: '系统管理' } as const;

export function Shell({ centreName }: { centreName: string }) {
  const { user, logout } = useSession();
  const path = useHashPath();
  const visible = ROUTES.filter((r) => r.group && hasRole(user, r.roles));
  const items: MenuProps['items'] = (['main', 'admin'] as const)
    .map((g) => ({ g, children: visible.filter((r) => r.group === g) }))
    .filter(({ children }) => children.length > 0)
    .map(({ g, children }) => ({
      type: 'group' as const,
      key: g,
      label: GROUP_LABELS[g],
      children: children.map((r) => ({ key: r.path, label: r.title })),
    }));

  let page: React.ReactNode = <Result status="404" title="页面不存在" extra={<Button onClick={() => navigate('/')}>回到工作台</Button>} />;
  // Detail pages highlight the menu entry whose path is the longest prefix of theirs ('/files/12' → '/files').
  const selected =
    visible
      .filter((r) => r.path === path.split('?')[0] || (r.path !== '/' && path.startsWith(`${r.path}/`)))
      .sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
  for (const r of ROUTES) {
    const params = matchRoute(r.path, path);
    if (!params) continue;
    page = hasRole(user, r.roles) ? (
      r.render(params)
    ) : (
      <Result status="403" title="无权访问" subTitle={`“${r.title}”只对${r.roles === 'any' ? '' : r.roles.map((x) => ROLE_LABELS[x]).join('、')}开放。`} />
    );
    break;
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, fontSize: 15 }}>{centreName}</div>
        <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', justifyContent: 'flex-end', paddingInline: 24 }}>
          <Space>
            <Typography.Text data-testid="current-user">{user.displayName}</Typography.Text>
            {user.roles.map((r) => (
              <Tag key={r}>{ROLE_LABELS[r]}</Tag>
            ))}
            <Button type="link" onClick={() => navigate('/me/password')}>修改密码</Button>
            <Button onClick={logout}>退出登录</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{page}</Layout.Content>
      </Layout>
    </Layout>
  );
}
