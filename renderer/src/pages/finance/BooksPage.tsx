import { Card, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Account, Fund } from '../../../../shared/contract/ledger';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useServerMonth } from '../../components/useServerToday';
import { hasRole, useSession } from '../../session';
import { AccountsTab } from './AccountsTab';
import { CashBookTab } from './CashBookTab';
import { EntriesTab } from './EntriesTab';
import { FINANCE } from './financeLabels';
import { TrialBalanceTab } from './TrialBalanceTab';

/** 账簿: vouchers, the cash and bank journals, the trial balance, and the accounts and funds. */
export function BooksPage() {
  const month = useServerMonth();
  return month ? <Books openingMonth={month} /> : <Card title="账簿" loading />;
}

function Books({ openingMonth }: { openingMonth: string }) {
  const { user } = useSession();
  const canWrite = hasRole(user, FINANCE);
  // One month for every tab, so switching tabs keeps the period the clerk is looking at.
  const [month, setMonth] = useState(openingMonth);
  const [tab, setTab] = useState('entries');
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [funds, setFunds] = useState<Fund[]>([]);
  // Bumped after a posting (冲销) or a new account, so the other tabs read the books again.
  const [version, setVersion] = useState(0);
  const { busy, run } = useAction();

  const loadChart = useCallback(() => {
    void run(() => Promise.all([invoke('ledger.accounts', {}), invoke('ledger.funds', {})])).then((r) => r && (setAccounts(r[0]), setFunds(r[1])));
  }, [run]);
  useEffect(loadChart, [loadChart, version]);
  const changed = () => setVersion((v) => v + 1);

  return (
    <Card title="账簿">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'entries', label: '记账凭证', children: <EntriesTab canWrite={canWrite} month={month} onMonth={setMonth} onChanged={changed} /> },
          { key: 'cashbook', label: '现金/银行日记账', children: <CashBookTab accounts={accounts} month={month} onMonth={setMonth} version={version} /> },
          { key: 'trial', label: '试算平衡', children: <TrialBalanceTab month={month} onMonth={setMonth} version={version} /> },
          { key: 'accounts', label: '科目与资金', children: <AccountsTab accounts={accounts} funds={funds} canWrite={canWrite} busy={busy} onChanged={changed} /> },
        ]}
      />
    </Card>
  );
}
