import { LeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useEffect, useMemo, useState } from 'react';
import type { PetitionStats } from '../../../../shared/contract/petitions';
import { PETITION_CATEGORIES, PETITION_CATEGORY_LABELS, type PetitionCategory } from '../../../../shared/petition';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useServerYear } from '../../components/useServerToday';
import { navigate } from '../../router';

interface MonthRow {
  key: string;
  month: string;
  byCategory: Record<PetitionCategory, number>;
  received: number;
  accepted: number;
  answered: number;
  closed: number;
  overdue: number;
  closedOnTime: number;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

const emptyRow = (key: string, month: string): MonthRow => ({
  key,
  month,
  byCategory: Object.fromEntries(PETITION_CATEGORIES.map((c) => [c, 0])) as Record<PetitionCategory, number>,
  received: 0,
  accepted: 0,
  answered: 0,
  closed: 0,
  overdue: 0,
  closedOnTime: 0,
});

/** The core's month × category rows folded into twelve months and a total. */
function byMonth(stats: PetitionStats): { months: MonthRow[]; total: MonthRow } {
  const months = MONTHS.map((m) => emptyRow(`${stats.year}-${m}`, `${Number(m)}月`));
  const total = emptyRow('total', '合计');
  for (const r of stats.rows) {
    const row = months[Number(r.month.slice(5, 7)) - 1];
    if (!row) continue;
    for (const target of [row, total]) {
      target.byCategory[r.category] += r.received;
      target.received += r.received;
      target.accepted += r.accepted;
      target.answered += r.answered;
      target.closed += r.closed;
      target.overdue += r.overdue;
      target.closedOnTime += r.closedOnTime;
    }
  }
  return { months, total };
}

/** A rate as a percentage; the core sends 0–1 (null when nothing was closed). */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const rateOf = (r: MonthRow) => (r.closed === 0 ? null : r.closedOnTime / r.closed);

/** 来访统计, opening on the program's year (not the PC's). */
export function PetitionStatsPage() {
  const year = useServerYear();
  return year ? <PetitionStats thisYear={year} /> : <Card title="来访统计" loading />;
}

function PetitionStats({ thisYear }: { thisYear: number }) {
  const [year, setYear] = useState(thisYear);
  const [stats, setStats] = useState<PetitionStats | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    void run(() => invoke('petitions.stats', { year })).then((s) => s && setStats(s));
  }, [year, run]);

  const folded = useMemo(() => (stats ? byMonth(stats) : null), [stats]);
  const categories = PETITION_CATEGORIES;

  const option = useMemo(
    () =>
      folded && {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 24, top: 40, bottom: 28 },
        xAxis: { type: 'category', data: folded.months.map((m) => m.month) },
        yAxis: { type: 'value', minInterval: 1, name: '件' },
        series: [
          { name: '登记', type: 'bar', data: folded.months.map((m) => m.received), itemStyle: { color: '#1677ff' } },
          { name: '答复', type: 'bar', data: folded.months.map((m) => m.answered), itemStyle: { color: '#13c2c2' } },
          { name: '办结', type: 'bar', data: folded.months.map((m) => m.closed), itemStyle: { color: '#52c41a' } },
          { name: '逾期', type: 'line', data: folded.months.map((m) => m.overdue), itemStyle: { color: '#ff4d4f' }, lineStyle: { width: 2 }, symbolSize: 6 },
        ],
      },
    [folded],
  );

  const t = stats?.totals;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<LeftOutlined />} onClick={() => navigate('/petitions')} aria-label="回到来访列表" />
            来访统计
          </Space>
        }
        extra={
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d: Dayjs | null) => d && setYear(d.year())}
            disabledDate={(d) => d.year() < 2000 || d.year() > 2100}
            data-testid="stats-year"
            aria-label="年份"
          />
        }
        loading={busy && !stats}
      >
        <Row gutter={[16, 16]}>
          <Col xs={12} md={4}>
            <Statistic title="登记来访" value={t?.received ?? 0} suffix="件" formatter={(v) => <span data-testid="stats-total-received">{v}</span>} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="已受理" value={t?.accepted ?? 0} suffix="件" />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="已答复" value={t?.answered ?? 0} suffix="件" />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="已办结" value={t?.closed ?? 0} suffix="件" formatter={(v) => <span data-testid="stats-total-closed">{v}</span>} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="逾期" value={t?.overdue ?? 0} suffix="件" styles={{ content: { color: t?.overdue ? '#cf1322' : undefined } }} />
          </Col>
          <Col xs={12} md={4}>
            <Tooltip title="办结件中在办结期限内办结的比例">
              <Statistic
                title="按期办结率"
                value={percent(t?.onTimeRate ?? null)}
                formatter={(v) => <span data-testid="stats-on-time-rate">{v}</span>}
              />
            </Tooltip>
          </Col>
        </Row>
      </Card>

      <Card title={`${year} 年各月来访`} size="small">
        {folded && folded.total.received + folded.total.overdue + folded.total.closed > 0 && option ? (
          <ReactECharts option={option} style={{ height: 320 }} notMerge lazyUpdate opts={{ renderer: 'canvas' }} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year} 年没有来访登记`} />
        )}
      </Card>

      <Card title="按月份和诉求类别" size="small">
        <Table<MonthRow>
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          loading={busy}
          data-testid="stats-table"
          dataSource={folded?.months ?? []}
          scroll={{ x: 1020 }}
          columns={[
            { title: '月份', dataIndex: 'month', width: 56, fixed: 'left' },
            {
              title: '诉求类别（登记件数）',
              children: categories.map((c) => ({
                title: PETITION_CATEGORY_LABELS[c],
                key: c,
                width: Math.max(74, PETITION_CATEGORY_LABELS[c].length * 14 + 20),
                align: 'right' as const,
                render: (_: unknown, r: MonthRow) => r.byCategory[c] || <Typography.Text type="secondary">0</Typography.Text>,
              })),
            },
            { title: '登记合计', dataIndex: 'received', align: 'right', width: 80, render: (n: number) => <strong>{n}</strong> },
            { title: '已受理', dataIndex: 'accepted', align: 'right', width: 64 },
            { title: '已答复', dataIndex: 'answered', align: 'right', width: 64 },
            { title: '已办结', dataIndex: 'closed', align: 'right', width: 64 },
            {
              title: '逾期',
              dataIndex: 'overdue',
              align: 'right',
              width: 56,
              render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
            },
            { title: '按期办结率', key: 'rate', align: 'right', width: 90, render: (_, r) => percent(rateOf(r)) },
          ]}
          summary={() =>
            folded && (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  {categories.map((c, i) => (
                    <Table.Summary.Cell key={c} index={i + 1} align="right">
                      {folded.total.byCategory[c]}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={categories.length + 1} align="right">
                    {folded.total.received}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={categories.length + 2} align="right">
                    {folded.total.accepted}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={categories.length + 3} align="right">
                    {folded.total.answered}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={categories.length + 4} align="right">
                    {folded.total.closed}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={categories.length + 5} align="right">
                    {folded.total.overdue}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={categories.length + 6} align="right">
                    {percent(t?.onTimeRate ?? null)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          登记按登记日期、答复和办结按办理日期归入月份；“逾期”为当月登记的来访中曾经或目前超过期限的件数，由系统按当日日期判定。
        </Typography.Text>
      </Card>
    </Space>
  );
}
