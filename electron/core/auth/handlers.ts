import type { authChannels, LoginResult } from '../../../shared/contract/auth';
import { localDateTime } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { Refusal, type HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { countUsers, findUser, findUserByName, insertUser, toSessionUser, type UserRecord } from '../users/store';
import { hashPassword, verifyPassword } from './password';

const WRONG_CREDENTIALS = '用户名或密码错误';

function startSession(ctx: HandlerContext, u: UserRecord): LoginResult {
  const token = ctx.sessions.create(u.id, ctx.now.getTime());
  return { token, user: toSessionUser(ctx.db, u), idleMinutes: ctx.settings.sessionIdleMinutes };
}

export const authHandlers: HandlerMap<keyof typeof authChannels> = {
  'auth.setupStatus': ({ db, settings }) => ({ needsSetup: countUsers(db) === 0, centreName: settings.centreName }),

  'auth.setup': (ctx, input) => {
    if (countUsers(ctx.db) > 0) fail('CONFLICT', '系统已经完成首次设置，请直接登录。');
    const id = insertUser(ctx.db, { ...input, roles: ['admin'] }, ctx.now.toISOString());
    ctx.audit({ summary: `创建首个管理员 ${input.username}（${input.displayName}）`, entityType: 'user', entityId: id });
    return startSession(ctx, findUser(ctx.db, id)!);
  },

  'auth.login': (ctx, input) => {
    const nowIso = ctx.now.toISOString();
    const u = findUserByName(ctx.db, input.username);
    if (!u) return new Refusal('UNAUTHENTICATED', WRONG_CREDENTIALS);
    ctx.audit({ summary: `${u.username} 登录`, entityType: 'user', entityId: u.id });
    if (!u.active) return new Refusal('FORBIDDEN', '该账号已停用，请联系管理员。');
    if (u.locked_until && u.locked_until > nowIso) {
      return new Refusal('LOCKED', `账号因多次输错密码已锁定，请于 ${localDateTime(new Date(u.locked_until))} 后再试，或请管理员解锁。`);
    }
    if (!verifyPassword(input.password, u.password_salt, u.password_hash)) {
      const failed = u.failed_logins + 1;
      const { maxFailedLogins, lockoutMinutes } = ctx.settings;
      if (failed >= maxFailedLogins) {
        const until = new Date(ctx.now.getTime() + lockoutMinutes * 60_000).toISOString();
        ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?').run(until, u.id);
        ctx.audit({ summary: `${u.username} 连续 ${failed} 次密码错误，账号锁定 ${lockoutMinutes} 分钟`, entityType: 'user', entityId: u.id });
        return new Refusal('LOCKED', `密码连续错误 ${failed} 次，账号已锁定 ${lockoutMinutes} 分钟。`);
      }
      ctx.db.prepare('UPDATE users SET failed_logins = ? WHERE id = ?').run(failed, u.id);
      ctx.audit({ summary: `${u.username} 密码错误（第 ${failed} 次）`, entityType: 'user', entityId: u.id });
      return new Refusal('UNAUTHENTICATED', `${WRONG_CREDENTIALS}（再错 ${maxFailedLogins - failed} 次将锁定账号）`);
    }
    ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(u.id);
    return startSession(ctx, u);
  },

  'auth.logout': (ctx) => {
    if (ctx.token) ctx.sessions.end(ctx.token);
    ctx.audit({ summary: `${ctx.user?.username ?? ''} 退出登录`, entityType: 'user', entityId: ctx.user?.id });
    return { done: true };
  },

  'auth.me': ({ user }) => user ?? fail('UNAUTHENTICATED', '请先登录'),

  'auth.changePassword': (ctx, input) => {
    const u = findUser(ctx.db, ctx.user!.id)!;
    if (!verifyPassword(input.oldPassword, u.password_salt, u.password_hash)) fail('VALIDATION', '原密码不正确');
    const { hash, salt } = hashPassword(input.newPassword);
    ctx.db.prepare('UPDATE users SET password_hash = ?, password_salt = ? WHERE id = ?').run(hash, salt, u.id);
    ctx.audit({ summary: `${u.username} 修改了自己的密码`, entityType: 'user', entityId: u.id });
    return { done: true };
  },
};
