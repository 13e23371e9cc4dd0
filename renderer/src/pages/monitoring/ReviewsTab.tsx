import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReviewList, ReviewRow } from '../../../../shared/contract/monitoring';
import { localDateTime } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { useAction } from '../../components/useAction';
import { useServerYear } from '../../components/useServerToday';
import { navigate } from '../../router';
import { WarningTag } from '../files/fileLabels';

type Show = 'pending' | 'done' | 'all';

type ReviewsTabProps = { canWrite: boolean; onProgress(): void };

/** 年审: every active file once a year, confirmed as it is or noted as changed; progress at the top. Opens on the program's year, not the PC's. */
export function ReviewsTab(props: ReviewsTabProps) {
  const thisYear = useServerYear();
  return thisYear ? <Reviews {...props} thisYear={thisYear} /> : <Table loading dataSource={[]} />;
}

function Reviews({ canWrite, onProgress, thisYear }: ReviewsTabProps & { thisYear: number }) {
  const [year, setYear] = useState(thisYear);
  const [show, setShow] = useState<Show>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<ReviewList | null>(null);
  const [changing, setChanging] = useState<ReviewRow | null>(null);
  const [note, setNote] = useState('');
  const { busy, run } = useAction();
  const act = useAction();
  const xlsx = useAction();
  const exportXlsx = () => void xlsx.run(() => invoke('monitoring.reviewsXlsx', { year, show }), '已导出 Excel').then((f) => f && downloadFile(f));
  const load = useCallback(() => void run(() => invoke('monitoring.reviews', { year, show, ...page })).then((d) => d && setData(d)), [run, year, show, page]);
  useEffect(load, [load]);

  const review = async (r: ReviewRow, outcome: 'confirmed' | 'changed', text: string) => {
    const out = await act.run(() => invoke('monitoring.review', { fileId: r.fileId, year, outcome, note: text }), outcome === 'confirmed' ? `${r.name}：已确认` : `${r.name}：已记录变化`);
    if (out) {
      setChanging(null);
      setNote('');
      load();
      onProgress();
    }
  };

  const percent = data && data.of > 0 ? Math.round((data.done / data.of) * 100) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Segmented<number> value={year} onChange={setYear} options={[thisYear - 1, thisYear].map((y) => ({ value: y, label: `${y} 年` }))} />
        <Segmented<Show> value={show} onChange={(s) => { setShow(s); setPage((x) => ({ ...x, page: 1 })); }} options={[{ value: 'pending', label: '未审' }, { value: 'done', label: '已审' }, { value: 'all', label: '全部' }]} />
        <Space data-testid="review-progress">
          <Typography.Text>
            进度：{data?.done ?? '—'} / {data?.of ?? '—'} 户
          </Typography.Text>
          <Progress percent={percent} size="small" style={{ width: 200 }} />
        </Space>
        <Button icon={<FileExcelOutlined />} loading={xlsx.busy} onClick={exportXlsx} data-testid="review-xlsx">
          导出年审名单
        </Button>
      </Space>
      <Table<ReviewRow>
        rowKey="fileId"
        size="middle"
        loading={busy}
        dataSource={data?.rows ?? []}
        data-testid="review-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Typography.Link onClick={() => navigate(`/files/${r.fileId}`)}>{n}</Typography.Link> },
          { title: '工作单位', dataIndex: 'workUnit' },
          { title: '预警', dataIndex: 'warning', render: (w: ReviewRow['warning']) => <WarningTag level={w} /> },
          { title: '人均月收入', dataIndex: 'perCapitaIncomeFen', align: 'right', render: (f: number) => formatYuan(f) },
          {
            title: '年审结论',
            render: (_: unknown, r) =>
              r.outcome ? (
                <span>
                  <Tag color={r.outcome === 'confirmed' ? 'green' : 'orange'}>{r.outcome === 'confirmed' ? '情况属实' : '情况有变化'}</Tag>
                  {r.note}
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {r.reviewedBy}，{r.reviewedAt ? localDateTime(new Date(r.reviewedAt)) : ''}
                  </Typography.Text>
                </span>
              ) : canWrite ? (
                <Space>
                  <Button size="small" type="primary" ghost loading={act.busy} onClick={() => void review(r, 'confirmed', '')} data-testid="review-confirm">
                    情况属实
                  </Button>
                  <Button size="small" onClick={() => setChanging(r)} data-testid="review-change">
                    有变化
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">未审</Typography.Text>
              ),
          },
        ]}
      />
      <Modal
        open={changing !== null}
        title={changing ? `${year} 年年审：${changing.name} 情况有变化` : ''}
        okText="记录"
        confirmLoading={act.busy}
        okButtonProps={{ disabled: note.trim().length < 2, 'data-testid': 'review-change-ok' }}
        onOk={() => changing && void review(changing, 'changed', note.trim())}
        onCancel={() => setChanging(null)}
        destroyOnHidden
      >
        <label htmlFor="review-note">变化情况（收入、人口、困难原因等；需要调整档案的，请另行修改档案）</label>
        <Input.TextArea id="review-note" autoFocus value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }} data-testid="review-note" />
      </Modal>
    </Space>
  );
}
