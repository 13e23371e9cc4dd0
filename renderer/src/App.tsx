import { App as AntApp, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SessionUser } from '../../shared/contract/auth';
import { invoke, session } from './api';
import { Shell } from './components/Shell';
import { LoginPage } from './pages/auth/LoginPage';
import { SetupPage } from './pages/auth/SetupPage';
import { navigate } from './router';
import { SessionContext } from './session';

type Phase = { kind: 'loading' } | { kind: 'setup' } | { kind: 'login'; notice?: string } | { kind: 'in'; user: SessionUser };

export function App() {
  const { message } = AntApp.useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [centreName, setCentreName] = useState('工会困难职工帮扶中心');

  const boot = useCallback(async () => {
    try {
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
    navigate('/');
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
