import type { z } from 'zod';
import { contract, type Channel, type OutputOf } from '../shared/api';
import type { SessionUser } from '../shared/contract/auth';
import { localDate } from '../shared/dates';
import { AppError, type ApiError, type ApiResult } from '../shared/errors';
import { maskSensitiveNumbers } from '../shared/idcard';
import { ROLE_LABELS } from '../shared/roles';
import { appendAudit } from './core/audit/chain';
import { CheckedWrite, Deferred, Refusal, type AppContext, type AuditNote, type HandlerContext } from './core/context';
import { unavailable } from './core/backup/gate';
import { handlerFor } from './core/handlers';
import { storageFailure } from './db/storageErrors';
import { settingsOn } from './core/settings/store';
import { findUser, toSessionUser } from './core/users/store';

const SECRET_KEY = /password/i;

/** Input as it may appear in the audit log: secrets replaced, ID and card numbers masked, long text cut. */
export function redact(value: unknown): string {
  let text: string;
  try {
    text = maskSensitiveNumbers(JSON.stringify(value, (k, v: unknown) => (SECRET_KEY.test(k) ? '***' : v)) ?? '');
  } catch {
    text = '（无法记录的输入）'; // cyclic or BigInt: never from a door, which passes JSON
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

export function describeZodError(error: z.ZodError): string {
  const seen = new Set<string>();
  for (const issue of error.issues) seen.add(issue.message);
  return `输入有误：${[...seen].slice(0, 5).join('；')}`;
}

export interface Caller {
  token: string | null;
  /** Who is at the other end (an Electron window, a remote address), for throttling failed logins. */
  client?: string;
}

/**
 * The one entry point both doors use: look up the channel, check the session and its roles,
 * validate, run the handler in one transaction with its audit row, and return a typed result.
 */
export async function dispatch<C extends Channel>(
  app: AppContext,
  channelName: C | string,
  payload: unknown,
  caller: Caller,
): Promise<ApiResult<OutputOf<C>>> {
  // Before anything reads the database: it may be mid-restore, or failed its start-up check.
  const closed = unavailable(app, String(channelName));
  if (closed) return { ok: false, error: closed };
  const now = app.clock.now();
  const settings = settingsOn(app.db, localDate(now));
  const refuse = (error: ApiError, user: SessionUser | null, summary: string): ApiResult<never> => {
    try {
      app.db.transaction(() =>
        appendAudit(app.db, {
          at: now.toISOString(),
          userId: user?.id ?? null,
          username: user?.username ?? null,
          channel: String(channelName).slice(0, 64),
          outcome: 'refused',
          code: error.code,
          summary: `${error.message}｜${summary}`,
          entityType: null,
          entityId: null,
        }),
      )();
    } catch (e) {
      // A full disk or read-only file refuses the audit row too; the caller still gets the real reason.
      if (!storageFailure(e)) throw e;
      console.error(`[dispatch] could not audit a refused ${String(channelName)}`, e);
    }
    return { ok: false, error };
  };

  if (!Object.hasOwn(contract, channelName)) {
    return refuse({ code: 'UNKNOWN_CHANNEL', message: '系统不认识这个操作，请更新程序或联系管理员。' }, null, '');
  }
  const channel = channelName as C;
  const def = contract[channel];

  let user: SessionUser | null = null;
  if (caller.token) {
    const userId = app.sessions.touch(caller.token, now.getTime(), settings.sessionIdleMinutes);
    const record = userId === null ? undefined : findUser(app.db, userId);
    if (record?.active) user = toSessionUser(app.db, record);
  }
  if (def.access !== 'public') {
    if (!user) return refuse({ code: 'UNAUTHENTICATED', message: '登录已过期或尚未登录，请重新登录。' }, null, redact(payload));
    if (def.access !== 'any' && !def.access.some((r) => user!.roles.includes(r))) {
      const needed = def.access.map((r) => ROLE_LABELS[r]).join('或');
      return refuse({ code: 'FORBIDDEN', message: `“${def.title}”需要${needed}角色，您没有这个权限。` }, user, redact(payload));
    }
  }

  const parsed = def.input.safeParse(payload ?? {});
  if (!parsed.success) {
    return refuse({ code: 'VALIDATION', message: describeZodError(parsed.error) }, user, redact(payload));
  }

  let note: AuditNote | null = null;
  const ctx: HandlerContext = {
    ...app,
    app,
    user,
    token: caller.token,
    client: caller.client ?? null,
    now,
    settings,
    audit: (n) => {
      note = n;
    },
  };
  const handler = handlerFor(channel);
  // Writes take the write lock up front (no upgrade deadlock); reads need only a snapshot.
  const inTransaction = (step: () => unknown): unknown => {
    const transaction = app.db.transaction(() => {
      const out = step();
      const refused = out instanceof Refusal;
      // A checked write's first step writes nothing: its audit row goes with the step that writes.
      if ((def.kind === 'write' && !(out instanceof CheckedWrite)) || refused) {
        const n: AuditNote = note ?? { summary: redact(parsed.data) };
        appendAudit(app.db, {
          at: now.toISOString(),
          userId: user?.id ?? n.actor?.id ?? null,
          username: user?.username ?? n.actor?.username ?? null,
          channel,
          outcome: refused ? 'refused' : 'ok',
          code: refused ? out.code : null,
          summary: refused ? `${out.message}｜${n.summary}` : n.summary,
          entityType: n.entityType ?? null,
          entityId: n.entityId ?? null,
        });
      }
      return out;
    });
    return def.kind === 'write' ? transaction.immediate() : transaction.deferred();
  };
  try {
    let result = inTransaction(() => handler(ctx, parsed.data as never));
    if (result instanceof CheckedWrite) {
      const apply = await result.check();
      result = inTransaction(apply);
    }
    if (result instanceof Refusal) return { ok: false, error: { code: result.code, message: result.message } };
    const data = result instanceof Deferred ? await result.run() : result;
    return { ok: true, data: data as OutputOf<C> };
  } catch (e) {
    if (e instanceof AppError) return refuse({ code: e.code, message: e.message }, user, redact(parsed.data));
    console.error(`[dispatch] ${channel} failed`, e);
    const storage = storageFailure(e);
    if (storage) return refuse(storage, user, `${String(e).slice(0, 200)}｜${redact(parsed.data)}`);
    return refuse(
      { code: 'INTERNAL', message: '系统内部错误，操作没有保存。请稍后重试，如反复出现请联系管理员。' },
      user,
      `${String(e).slice(0, 200)}｜${redact(parsed.data)}`,
    );
  }
}
