import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { hasRole, useSession } from '../../session';
import { useServerToday } from '../../components/useServerToday';
import { monthFromQuery, previousMonth } from '../finance/financeLabels';
import { IncomeExpenditureTab } from './IncomeExpenditureTab';
import { ReliefReportTab } from './ReliefReportTab';
import { PetitionReportTab, YearSummaryTab } from './YearTabs';

/** 报表: the reports for the higher union and the centre's own review. */
export function ReportsPage() {
  const today = useServerToday();
  return today ? <Reports today={today} /> : <Card title="报表" loading />;
}

function Reports({ today }: { today: string }) {
  const { user } = useSession();
  const books = hasRole(user, ['finance', 'director', 'chair']);
  // By the 5th, last month's report is the one to send; later, this month's so far.
  const [month, setMonth] = useState(() => monthFromQuery() ?? (Number(today.slice(8, 10)) <= 5 ? previousMonth(today.slice(0, 7)) : today.slice(0, 7)));
  const tabs = [
    ...(books ? [{ key: 'income', label: '收入支出表', children: <IncomeExpenditureTab month={month} onMonth={setMonth} /> }] : []),
    { key: 'relief', label: '救助发放统计', children: <ReliefReportTab today={today} /> },
    { key: 'petitions', label: '来访统计', children: <PetitionReportTab thisYear={Number(today.slice(0, 4))} /> },
    ...(books ? [{ key: 'year', label: '年度汇总', children: <YearSummaryTab thisYear={Number(today.slice(0, 4))} /> }] : []),
  ];
  return (
    <Card title="报表">
      <Tabs items={tabs} destroyOnHidden data-testid="reports-tabs" />
    </Card>
  );
}
