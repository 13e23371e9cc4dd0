// Monitoring fixtures: a core with two staff, two directors and a chair, re-logged-in whenever the
// clock jumps (sessions go idle), and single-person files whose income puts them in a chosen state.
import type { Channel, InputOf, OutputOf } from '../../../shared/api';
import type { WorkerFileInput } from '../../../shared/contract/files';
import { file } from '../../fixtures/campaigns';
import { makeCore, TEST_PASSWORD, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

export const PEOPLE = {
  staff: { username: 'jie_dai', displayName: '接待员小李', roles: ['staff'] },
  staff2: { username: 'jie_dai2', displayName: '接待员小周', roles: ['staff'] },
  director: { username: 'zhu_ren', displayName: '王主任', roles: ['director'] },
  director2: { username: 'zhu_ren2', displayName: '赵副主任', roles: ['director'] },
  chair: { username: 'zhu_xi', displayName: '工会主席', roles: ['chair'] },
} as const;
export type Who = keyof typeof PEOPLE;

export interface MonitoringWorld {
  core: TestCore;
  tokens: Record<Who, string>;
  ids: Record<Who, number>;
  /** Moves the clock to 09:00 Shanghai on this date and logs everyone in again. */
  at(date: string): Promise<void>;
  ok<C extends Channel>(who: Who, channel: C, payload: InputOf<C>): Promise<OutputOf<C>>;
}

export async function makeWorld(start: string): Promise<MonitoringWorld> {
  const core = await makeCore({ start: shanghai(start) });
  const tokens = {} as Record<Who, string>;
  const ids = {} as Record<Who, number>;
  for (const [who, p] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) {
    const u = await core.ok('users.create', { username: p.username, displayName: p.displayName, password: TEST_PASSWORD, roles: [...p.roles] }, core.adminToken);
    ids[who] = u.id;
  }
  const login = async () => {
    for (const [who, p] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) {
      tokens[who] = (await core.ok('auth.login', { username: p.username, password: TEST_PASSWORD })).token;
    }
    core.adminToken = (await core.ok('auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
  };
  await login();
  return {
    core,
    tokens,
    ids,
    at: async (date) => {
      core.clock.set(shanghai(date));
      await login();
    },
    ok: (who, channel, payload) => core.ok(channel, payload, tokens[who]),
  };
}

/** Line 780 元: 0 → at/below the line (未消除), 1000 元 → orange (未消除), 2000 元 → 已消除风险. */
export const INCOME = { none: 0, orange: 100_000, comfortable: 200_000 } as const;

export async function singleFile(w: MonitoringWorld, ownMonthlyIncomeFen: number, overrides: Partial<WorkerFileInput> = {}) {
  return file(w.core, w.tokens.staff, { ownMonthlyIncomeFen, ...overrides });
}

export function visit(fileId: number, visitDate: string, overrides: Partial<InputOf<'monitoring.recordVisit'>> = {}): InputOf<'monitoring.recordVisit'> {
  return {
    fileId,
    visitDate,
    visitor: '接待员小李',
    method: 'home',
    findings: '入户走访，了解家庭近况',
    ...overrides,
  };
}

/** A single-person household's new income, as a revisit records it. */
export const household = (ownMonthlyIncomeFen: number) => ({ ownMonthlyIncomeFen, members: [] });
