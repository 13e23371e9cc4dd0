import AntApp from 'antd/es/app';
import Spin from 'antd/es/spin';
import { useCallback, useEffect, useState } from 'react';
import type { SessionUser } from '../../shared/contract/auth';
import type { HealthReport } from '../../shared/contract/backup';
import { invoke, session } from './api';
import { lazyPage } from './lazyPage';
import { LoginPage } from './pages/auth/LoginPage';
import { SetupPage } from './pages/auth/SetupPage';
import { navigate } from './router';
import { SessionContext } from './session';

// The shell (menu, every route) and the rare health page load after the first screen, so the login page stays small.
const Shell = lazyPage(() => import('./components/Shell'), 'Shell');
const HealthPage = lazyPage(() => import('./pages/health/HealthPage'), 'HealthPage');

type Phase = { kind: 'loading' } | { kind: 'unhealthy'; report: HealthReport } | { kind: 'setup' } | { kind: 'login'; notice?: string } | { kind: 'in'; user: SessionUser };

export function App() {
  const { message } = AntApp.useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [centreName, setCentreName] = useState('工会困难职工帮扶中心');
  // After a failed health check only restoring is possible: the admin lands on the backup page.
  const [unhealthy, setUnhealthy] = useState(false);

  const boot = useCallback(async () => {
    try {
      const health = await invoke('health.status', {});
      if (health.status === 'unhealthy') {
        setUnhealthy(true);
        if (!session.token() && !window.centre) return setPhase({ kind: 'unhealthy', report: health });
      }
      const status = await invoke('auth.setupStatus', {});
      setCentreName(status.centreName);
      if (status.needsSetup) return setPhase({ kind: 'setup' });
      if (session.token() || window.centre) {
        const user = await invoke('auth.me', {}).catch(() => null);
        if (user) return setPhase({ kind: 'in', user });
      }
      setPhase({ kind: 'login' });
    } catch (e) {
      message.error((e as Error).message);
      setPhase({ kind: 'login' });
    }
  }, [message]);

  useEffect(() => {
    session.onExpired(() => {
      session.setToken(null);
      setPhase({ kind: 'login', notice: '登录已过期，请重新登录。' });
    });
    void boot();
  }, [boot]);

  const signedIn = (token: string, user: SessionUser) => {
    session.setToken(token);
    navigate(unhealthy ? '/admin/backup' : '/');
    setPhase({ kind: 'in', user });
  };
  const logout = () => {
    void invoke('auth.logout', {}).finally(() => {
      session.setToken(null);
      setPhase({ kind: 'login' });
    });
  };

  switch (phase.kind) {
    case 'loading':
      return <Spin fullscreen tip="正在启动…" />;
    case 'unhealthy':
      return <HealthPage report={phase.report} onAdminLogin={() => setPhase({ kind: 'login', notice: '数据文件检查未通过：请用管理员账号登录，在“数据备份”中恢复。' })} />;
    case 'setup':
      return <SetupPage centreName={centreName} onDone={signedIn} />;
    case 'login':
      return <LoginPage centreName={centreName} notice={phase.notice} onDone={signedIn} />;
    case 'in':
      return (
        <SessionContext.Provider value={{ user: phase.user, logout }}>
          <Shell centreName={centreName} />
        </SessionContext.Provider>
      );
  }
}
