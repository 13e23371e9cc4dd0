import { Badge, Card, Segmented, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MonitoringOverview } from '../../../../shared/contract/monitoring';
import { invoke } from '../../api';
import { currentPath, navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { ExitsTab } from './ExitsTab';
import { ASSIGNERS } from './AssignModal';
import { LedgerTab } from './LedgerTab';
import { MONITOR_WRITERS } from './monitoringLabels';
import { ReviewsTab } from './ReviewsTab';
import { ScheduleTab, type Scope, type Show } from './ScheduleTab';
import { VisitModal, type VisitTarget } from './VisitModal';

const TABS = ['due', 'overdue', 'all', 'reviews', 'exits', 'ledger'] as const;
type Tab = (typeof TABS)[number];

/** `#/monitoring?tab=overdue&scope=mine` */
function query(): { tab: Tab; scope: Scope } {
  const q = new URLSearchParams(currentPath().split('?')[1] ?? '');
  const tab = TABS.find((t) => t === q.get('tab')) ?? 'due';
  return { tab, scope: q.get('scope') === 'mine' ? 'mine' : 'all' };
}

const count = (n: number | undefined, danger = false) => (n === undefined ? null : <Badge count={n} showZero color={danger && n > 0 ? 'red' : 'blue'} style={{ marginInlineStart: 6 }} />);

/** 动态监测 (常态化帮扶): revisits due and overdue, the yearly review, exit reviews and the monthly ledger. */
export function MonitoringPage() {
  const { user } = useSession();
  const canWrite = hasRole(user, MONITOR_WRITERS);
  const canAssign = hasRole(user, ASSIGNERS);
  const [{ tab, scope }, setView] = useState(query);
  const [overview, setOverview] = useState<MonitoringOverview | null>(null);
  const [allCount, setAllCount] = useState<number | undefined>(undefined);
  const [visiting, setVisiting] = useState<VisitTarget | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const refresh = useCallback(() => {
    void invoke('monitoring.overview', { scope }).then(setOverview, () => setOverview(null));
    void invoke('monitoring.schedule', { scope, show: 'all', page: 1, pageSize: 1 }).then((r) => setAllCount(r.total), () => setAllCount(undefined));
  }, [scope]);
  useEffect(refresh, [refresh, reloadKey]);

  const go = (next: { tab?: Tab; scope?: Scope }) => {
    const v = { tab, scope, ...next };
    setView(v);
    navigate(`/monitoring?tab=${v.tab}&scope=${v.scope}`);
  };
  const schedule = (show: Show) => (
    <ScheduleTab scope={scope} show={show} canWrite={canWrite} canAssign={canAssign} reloadKey={reloadKey} onVisit={setVisiting} onChanged={refresh} />
  );

  return (
    <Card
      title="动态监测（常态化帮扶）"
      extra={
        <Segmented<Scope>
          value={scope}
          onChange={(s) => go({ scope: s })}
          options={[
            { value: 'mine', label: '我负责的' },
            { value: 'all', label: '全部档案' },
          ]}
          data-testid="monitor-scope"
        />
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as Tab })}
        destroyOnHidden
        items={[
          { key: 'due', label: <span data-testid="tab-due">待回访{count(overview?.due)}</span>, children: schedule('due') },
          { key: 'overdue', label: <span data-testid="tab-overdue">已逾期{count(overview?.overdue, true)}</span>, children: schedule('overdue') },
          { key: 'all', label: <span data-testid="tab-all">全部{count(allCount)}</span>, children: schedule('all') },
          {
            key: 'reviews',
            label: (
              <span data-testid="tab-reviews">
                年审 {overview ? `${overview.reviewDone}/${overview.reviewTotal}` : ''}
              </span>
            ),
            children: <ReviewsTab canWrite={canWrite} onProgress={refresh} />,
          },
          { key: 'exits', label: <span data-testid="tab-exits">脱困审核{count(overview?.exitPending)}</span>, children: <ExitsTab onDecided={refresh} /> },
          { key: 'ledger', label: <span data-testid="tab-ledger">监测台账</span>, children: <LedgerTab /> },
        ]}
      />
      <VisitModal target={visiting} onClose={() => setVisiting(null)} onSaved={() => setReloadKey((k) => k + 1)} />
    </Card>
  );
}
