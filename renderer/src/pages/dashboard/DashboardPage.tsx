import { FileAddOutlined, FormOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import { formatChineseDate } from '../../../../shared/dates';
import { ROLE_LABELS, type Role } from '../../../../shared/roles';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { useServerToday } from '../../components/useServerToday';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { StockAlertsCard } from '../../components/StockAlertsCard';
import { MonitoringCard } from '../monitoring/MonitoringCard';
import { DueNoticesCard } from '../../components/DueNoticesCard';
import { formatYuan } from '../../../../shared/money';

const READERS = ['staff', 'director', 'chair', 'finance'] as const;
const COUNTER = ['staff', 'director'] as const;

/** The counts of the summary (it also carries the month-close reminder, which is not a tile). */
type CountKey = { [K in keyof DashboardSummary]: DashboardSummary[K] extends number ? K : never }[keyof DashboardSummary];

/** 'YYYY-MM' → 'YYYY年M月' */
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

interface Tile {
  key: CountKey;
  title: string;
  to: string;
  hint: string;
  /** Only for the counter roles (their own caseload). */
  counterOnly?: boolean;
  danger?: boolean;
  testId?: string;
  /** Only for these roles. */
  onlyFor?: readonly Role[];
  /** The money total shown under the count (an inbox of relief). */
  moneyKey?: CountKey;
}

const TILES: Tile[] = [
  { key: 'activeFiles', title: '在档档案', to: '/files', hint: '在档的困难职工档案' },
  { key: 'filesThisMonth', title: '本月新建档案', to: '/files', hint: '本月新建的档案' },
  { key: 'petitionsToday', title: '今日来访', to: '/petitions', hint: '今天登记的来访、来电、来信' },
  { key: 'openPetitions', title: '办理中的来访', to: '/petitions', hint: '尚未办结的来访' },
  { key: 'myOpenPetitions', title: '我经办的', to: '/petitions?mine=1', hint: '由我经办、尚未办结', counterOnly: true },
  { key: 'overduePetitions', title: '逾期来访', to: '/petitions?overdue=1', hint: '超过受理、答复或办结期限', danger: true, testId: 'dash-overdue' },
  { key: 'reliefInbox', moneyKey: 'reliefInboxFen', title: '待我审批', to: '/relief?inbox=1', hint: '等待我审批的救助申请', testId: 'dash-relief-inbox', onlyFor: ['director', 'chair'] },
  { key: 'reliefAwaitingNotice', moneyKey: 'reliefAwaitingNoticeFen', title: '待公示救助', to: '/relief/notices', hint: '已批准、等待发布公示', testId: 'dash-relief-awaiting-notice', onlyFor: ['director'] },
  { key: 'noticesDue', moneyKey: 'noticesDueFen', title: '待公示期满确认', to: '/relief/notices', hint: '公示期已满、等待确认发放', danger: true, testId: 'dash-notices-due', onlyFor: ['director'] },
  { key: 'reliefToPay', moneyKey: 'reliefToPayFen', title: '待发放救助', to: '/finance/pay', hint: '已批准、尚未发放的救助金', testId: 'dash-relief-to-pay', onlyFor: ['finance'] },
  { key: 'campaignsToCheck', title: '待审核慰问名单', to: '/campaigns?status=pending_director', hint: '等待主任审核的慰问名单', testId: 'dash-campaigns-to-check', onlyFor: ['director'] },
  { key: 'campaignsToApprove', title: '待审批慰问名单', to: '/campaigns?status=pending_chair', hint: '等待工会主席审批的慰问名单', testId: 'dash-campaigns-to-approve', onlyFor: ['chair'] },
  { key: 'exitProposalsToDecide', title: '待审核脱困申请', to: '/monitoring?tab=exits', hint: '等待主任审核的解困脱困申请', testId: 'dash-exits-to-decide', onlyFor: ['director'] },
];

function StatTile({ tile, value, money }: { tile: Tile; value: number | undefined; money: number | undefined }) {
  const alarm = tile.danger && (value ?? 0) > 0;
  return (
    <Card
      hoverable
      size="small"
      role="link"
      tabIndex={0}
      aria-label={`${tile.title}：${value ?? '—'}${money === undefined ? '' : `，合计 ${formatYuan(money)}`}`}
      onClick={() => navigate(tile.to)}
      onKeyDown={(e) => e.key === 'Enter' && navigate(tile.to)}
      style={alarm ? { borderColor: '#ffa39e', background: '#fff1f0' } : undefined}
      data-testid={tile.testId ? `${tile.testId}-card` : undefined}
    >
      <Statistic
        title={tile.title}
        value={value ?? '—'}
        styles={{ content: { color: alarm ? '#cf1322' : undefined, fontWeight: alarm ? 600 : undefined } }}
        formatter={(v) => <span data-testid={tile.testId}>{v}</span>}
      />
      {tile.moneyKey && (
        <div style={{ fontSize: 13 }}>
          合计 <span data-testid={tile.testId ? `${tile.testId}-money` : undefined}>{money === undefined ? '—' : formatYuan(money)}</span>
        </div>
      )}
      <Typography.Text type={alarm ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {alarm ? '请尽快办理 →' : tile.hint}
      </Typography.Text>
    </Card>
  );
}

export function DashboardPage() {
  const { user } = useSession();
  const canRead = hasRole(user, READERS);
  const canCounter = hasRole(user, COUNTER);
  const isFinance = hasRole(user, ['finance']);
  // The admin reads it for the backup warning only.
  const wantsSummary = canRead || hasRole(user, ['admin']);
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const { run } = useAction();
  const today = useServerToday();

  useEffect(() => {
    if (!wantsSummary) return;
    void run(() => invoke('dashboard.summary', {})).then((s) => s && setSummary(s));
  }, [wantsSummary, run]);

  useHotkey({ key: 'v', alt: true }, () => navigate('/petitions/new'), canCounter);
  useHotkey({ key: 'n', alt: true }, () => navigate('/files/new'), canCounter);

  const tiles = TILES.filter((t) => (!t.counterOnly || canCounter) && (!t.onlyFor || hasRole(user, t.onlyFor)));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card title="工作台">
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="今天">{today ? formatChineseDate(today) : '—'}</Descriptions.Item>
          <Descriptions.Item label="当前用户">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{user.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>)}</Descriptions.Item>
        </Descriptions>
        {canCounter && (
          <Space wrap style={{ marginTop: 8 }}>
            <Button type="primary" size="large" icon={<FormOutlined />} onClick={() => navigate('/petitions/new')} data-testid="dash-new-petition">
              登记来访 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+V</Typography.Text>
            </Button>
            <Button size="large" icon={<FileAddOutlined />} onClick={() => navigate('/files/new')} data-testid="dash-new-file">
              新建档案 <Typography.Text type="secondary" style={{ fontSize: 12 }}>Alt+N</Typography.Text>
            </Button>
            <Button size="large" icon={<SearchOutlined />} onClick={() => navigate('/files')}>
              查找档案
            </Button>
          </Space>
        )}
      </Card>

      {summary?.backupWarning && (
        <Alert
          type="error"
          showIcon
          data-testid="dash-backup-warning"
          title="数据备份需要处理"
          description={summary.backupWarning.message}
          action={<Button onClick={() => navigate('/admin/backup')}>去备份</Button>}
        />
      )}

      {isFinance && summary?.monthToClose && (
        <Alert
          type={summary.monthCloseOverdue ? 'error' : 'warning'}
          showIcon
          data-testid="dash-month-close"
          title={`请在 5 日前完成 ${monthLabel(summary.monthToClose)} 的月末结账`}
          description={summary.monthCloseOverdue ? '已过 5 日，上月仍未结账，请尽快盘点现金、核对银行对账单并结账。' : '盘点库存现金、核对银行对账单后结账，并报出上月收支明细表。'}
          action={
            <Button type={summary.monthCloseOverdue ? 'primary' : 'default'} danger={summary.monthCloseOverdue} onClick={() => navigate(`/finance/close?month=${summary.monthToClose}`)}>
              去结账
            </Button>
          }
        />
      )}

      {canRead && (
        <Row gutter={[16, 16]} data-testid="dash-stats">
          {tiles.map((t) => (
            <Col key={t.key} xs={12} md={8} xl={4}>
              <StatTile tile={t} value={summary?.[t.key]} money={t.moneyKey ? summary?.[t.moneyKey] : undefined} />
            </Col>
          ))}
        </Row>
      )}
      {summary && hasRole(user, ['director']) && <DueNoticesCard notices={summary.dueNotices} />}
      <MonitoringCard />
      <StockAlertsCard />
    </Space>
  );
}
