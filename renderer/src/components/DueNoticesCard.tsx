import { Card, Table, Tag, Typography } from 'antd';
import type { DueNotice } from '../../../shared/contract/dashboard';
import { formatYuan } from '../../../shared/money';
import { navigate } from '../router';

/** 公示期满待确认 on the director's 工作台: each notice whose period has ended, opened to conclude it. */
export function DueNoticesCard({ notices }: { notices: DueNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <Card size="small" title="公示期满，待确认发放" style={{ borderColor: '#ffd591' }} data-testid="dash-due-notices">
      <Table<DueNotice>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={notices}
        onRow={(n) => ({ onClick: () => navigate(`/relief/notices/${n.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '公示编号', dataIndex: 'number', render: (v: string, n) => <Typography.Link onClick={() => navigate(`/relief/notices/${n.id}`)}>{v}</Typography.Link> },
          { title: '公示截止', dataIndex: 'endDate' },
          { title: '人数', dataIndex: 'people', align: 'right' },
          { title: '金额', dataIndex: 'totalFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: '异议', dataIndex: 'openObjections', render: (k: number) => (k > 0 ? <Tag color="orange">{k} 条待处理</Tag> : '无') },
        ]}
      />
    </Card>
  );
}
