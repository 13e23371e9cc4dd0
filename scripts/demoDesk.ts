// The demo's desk: channels called as a named role through the core's own dispatch (so every rule and
// the four-eyes checks hold), with the clock moved to each day as a clerk would live it.
import type { Channel, InputOf, OutputOf } from '../shared/api';
import { localDate } from '../shared/dates';
import type { Role } from '../shared/roles';
import type { AdjustableClock } from '../electron/core/clock';
import type { AppContext } from '../electron/core/context';
import { dispatch } from '../electron/dispatch';

export type Who = Role;
export const DEMO_USERS: [string, string, Role][] = [
  ['jiedai', '刘霞', 'staff'],
  ['zhuren', '陈志刚', 'director'],
  ['zhuxi', '孙建华', 'chair'],
  ['caiwu', '周丽', 'finance'],
];

/** Calls channels as a named role, logging in again after each move of the clock (sessions expire). */
export class Desk {
  private tokens = new Map<Who, string>();
  constructor(
    private readonly app: AppContext,
    private readonly clock: AdjustableClock,
    private readonly password: string,
  ) {}

  async as<C extends Channel>(who: Who, channel: C, payload: InputOf<C>): Promise<OutputOf<C>> {
    const r = await dispatch(this.app, channel, payload, { token: await this.token(who) });
    if (!r.ok) throw new Error(`${channel} (${who}): ${r.error.message}`);
    return r.data as OutputOf<C>;
  }

  private async token(who: Who): Promise<string> {
    const known = this.tokens.get(who);
    if (known) return known;
    const username = who === 'admin' ? 'admin' : DEMO_USERS.find(([, , r]) => r === who)![0];
    const r = await dispatch(this.app, 'auth.login', { username, password: this.password }, { token: null });
    if (!r.ok) throw new Error(`login ${username}: ${r.error.message}`);
    const token = (r.data as OutputOf<'auth.login'>).token;
    this.tokens.set(who, token);
    return token;
  }

  /** 10:00 in the centre's time on `date`. */
  on(date: string): void {
    this.clock.set(new Date(`${date}T10:00:00+08:00`));
    this.tokens.clear();
  }

  today(): string {
    return localDate(this.clock.now());
  }

  backToNow(): void {
    this.clock.set(new Date());
    this.tokens.clear();
  }
}

