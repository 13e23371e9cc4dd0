import { createContext, useContext } from 'react';
import type { SessionUser } from '../../shared/contract/auth';
import type { Role } from '../../shared/roles';

export interface SessionState {
  user: SessionUser;
  logout(): void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in shell');
  return s;
}

export const hasRole = (user: SessionUser, roles: readonly Role[] | 'any') =>
  roles === 'any' || roles.some((r) => user.roles.includes(r));
