import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MonitoringOverview } from '../../../../shared/contract/monitoring';
import { invoke } from '../../api';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { MONITOR_WRITERS } from './monitoringLabels';

type Counts = Record<'mine' | 'all', MonitoringOverview | null>;

/**
 * 回访提醒 on the 工作台: revisits due and overdue, the caller's own and everyone's; each opens the list.
 * Only for those who make the revisits (staff, director); finance and the chair read the monitoring page.
 */
export function MonitoringCard() {
  const { user } = useSession();
  const canRead = hasRole(user, MONITOR_WRITERS);
  const [counts, setCounts] = useState<Counts>({ mine: null, all: null });
  useEffect(() => {
    if (!canRead) return;
    void Promise.all([invoke('monitoring.overview', { scope: 'mine' }), invoke('monitoring.overview', { scope: 'all' })]).then(
      ([mine, all]) => setCounts({ mine, all }),
      () => setCounts({ mine: null, all: null }),
    );
  }, [canRead]);
  if (!canRead) return null;

  const tile = (scope: 'mine' | 'all', show: 'due' | 'overdue', title: string) => {
    const value = counts[scope]?.[show];
    const alarm = show === 'overdue' && (value ?? 0) > 0;
    const to = `/monitoring?tab=${show}&scope=${scope}`;
    return (
      <Col xs={12} md={6}>
        <div
          role="link"
          tabIndex={0}
          aria-label={`${title}：${value ?? '—'}`}
          onClick={() => navigate(to)}
          onKeyDown={(e) => e.key === 'Enter' && navigate(to)}
          style={{ cursor: 'pointer' }}
          data-testid={`dash-monitor-${scope}-${show}`}
        >
          <Statistic title={title} value={value ?? '—'} suffix="户" styles={{ content: { color: alarm ? '#cf1322' : undefined } }} />
        </div>
      </Col>
    );
  };
  const overdueAll = counts.all?.overdue ?? 0;
  return (
    <Card
      size="small"
      title="回访提醒（动态监测）"
      extra={<Typography.Link onClick={() => navigate('/monitoring')}>打开动态监测 →</Typography.Link>}
      style={overdueAll > 0 ? { borderColor: '#ffa39e' } : undefined}
      data-testid="dash-monitoring"
    >
      <Row gutter={[16, 8]}>
        {tile('mine', 'due', '我负责·待回访')}
        {tile('mine', 'overdue', '我负责·已逾期')}
        {tile('all', 'due', '全部·待回访')}
        {tile('all', 'overdue', '全部·已逾期')}
      </Row>
    </Card>
  );
}
