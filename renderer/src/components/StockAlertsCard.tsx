import { Card, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { StockAlerts } from '../../../shared/contract/materials';
import { invoke } from '../api';
import { navigate } from '../router';
import { hasRole, useSession } from '../session';

// Those who keep the stock (restock, issue the lots near expiry first); the chair reads 物资库存 itself.
const KEEPERS = ['finance', 'staff', 'director'] as const;

/** 库存预警 on the dashboard: items below their low-stock line and lots near expiry (materials.alerts); opens 物资库存. */
export function StockAlertsCard() {
  const { user } = useSession();
  const canRead = hasRole(user, KEEPERS);
  const [alerts, setAlerts] = useState<StockAlerts | null>(null);
  useEffect(() => {
    if (canRead) void invoke('materials.alerts', {}).then(setAlerts, () => setAlerts(null));
  }, [canRead]);
  if (!canRead) return null;
  const low = alerts?.lowStock.length;
  const near = alerts?.nearExpiry.length;
  const alarm = (low ?? 0) + (near ?? 0) > 0;
  const go = () => navigate('/materials');
  return (
    <Card
      hoverable
      size="small"
      title="库存预警"
      role="link"
      tabIndex={0}
      aria-label={`库存预警：低库存 ${low ?? '—'} 种，临期 ${near ?? '—'} 批`}
      onClick={go}
      onKeyDown={(e) => e.key === 'Enter' && go()}
      style={alarm ? { borderColor: '#ffd591', background: '#fff7e6' } : undefined}
      data-testid="dash-stock-alerts"
    >
      <Space size="large" wrap>
        <Statistic title="低于预警线" value={low ?? '—'} suffix="种" formatter={(v) => <span data-testid="dash-stock-low">{v}</span>} />
        <Statistic title="临近到期" value={near ?? '—'} suffix="批" formatter={(v) => <span data-testid="dash-stock-expiry">{v}</span>} />
        <Typography.Text type={alarm ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {alarm ? `${low ? '请及时补充库存' : ''}${low && near ? '；' : ''}${near ? '临期物资请先发放' : ''} →` : '物资库存正常'}
        </Typography.Text>
      </Space>
    </Card>
  );
}
