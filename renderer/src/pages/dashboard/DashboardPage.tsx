import { Card, Descriptions, Space, Tag } from 'antd';
import { formatChineseDate, localDate } from '../../../../shared/dates';
import { ROLE_LABELS } from '../../../../shared/roles';
import { useSession } from '../../session';

export function DashboardPage() {
  const { user } = useSession();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card title="工作台">
        <Descriptions column={1}>
          <Descriptions.Item label="今天">{formatChineseDate(localDate(new Date()))}</Descriptions.Item>
          <Descriptions.Item label="当前用户">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{user.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
