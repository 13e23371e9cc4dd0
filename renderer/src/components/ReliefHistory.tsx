import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReliefHistoryItem } from '../../../shared/contract/reliefTypes';
import { formatYuan } from '../../../shared/money';
import { RELIEF_CATEGORY_LABELS, type ReliefCategory, type ReliefStatus } from '../../../shared/relief';
import { invoke } from '../api';
import { ReliefStatusTag, dateOnly } from '../pages/relief/reliefLabels';
import { navigate } from '../router';
import { hasRole, useSession } from '../session';

/** The relief applications of one worker file, as a card on the file page. */
export function ReliefHistory({ fileId }: { fileId: number }) {
  const { user } = useSession();
  const canPropose = hasRole(user, ['staff', 'director']);
  const [rows, setRows] = useState<ReliefHistoryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('relief.history', { fileId })
      .then((r) => live && setRows(r))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [fileId]);

  return (
    <Card
      title="救助记录"
      size="small"
      data-testid="file-relief-history"
      extra={
        canPropose && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => navigate(`/relief/new?file=${fileId}`)} data-testid="file-relief-new">
            申请救助
          </Button>
        )
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {rows && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无救助记录" />}
      {rows && rows.length > 0 && (
        <Table<ReliefHistoryItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          onRow={(r) => ({
            onClick: () => navigate(`/relief/${r.id}`),
            style: { cursor: 'pointer' },
            'data-testid': 'relief-history-row',
          })}
          columns={[
            {
              title: '编号',
              dataIndex: 'number',
              render: (n: string) => <Typography.Link style={{ fontFamily: 'monospace' }}>{n}</Typography.Link>,
            },
            { title: '决定日期', dataIndex: 'decidedAt', render: (d: string | null) => (d ? dateOnly(d) : <Typography.Text type="secondary">—</Typography.Text>) },
            { title: '救助类别', dataIndex: 'category', render: (c: ReliefCategory) => RELIEF_CATEGORY_LABELS[c] },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f) },
            { title: '状态', dataIndex: 'status', render: (s: ReliefStatus) => <ReliefStatusTag status={s} /> },
          ]}
        />
      )}
    </Card>
  );
}
