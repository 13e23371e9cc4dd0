import type { authChannels, LoginResult } from '../../../shared/contract/auth';
import { localDateTime } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import { Refusal, type HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { countUsers, findUser, findUserByName, insertUser, toSessionUser, type UserRecord } from '../users/store';
import { hashPassword, verifyPassword } from './password';

const WRONG_CREDENTIALS = '用户名或密码错误';
// For an unknown username: the same scrypt work as a real check, never matching.
const DUMMY_SALT = '0'.repeat(32);
const DUMMY_HASH = '0'.repeat(128);

function startSession(ctx: HandlerContext, u: UserRecord): LoginResult {
  const token = ctx.sessions.create(u.id, ctx.now.getTime());
  return { token, user: toSessionUser(ctx.db, u), idleMinutes: ctx.settings.sessionIdleMinutes };
}

export const authHandlers: HandlerMap<keyof typeof authChannels> = {
  'auth.setupStatus': ({ db, settings }) => ({ needsSetup: countUsers(db) === 0, centreName: settings.centreName }),

  'auth.setup': (ctx, input) => {
    if (countUsers(ctx.db) > 0) fail('CONFLICT', '系统已经完成首次设置，请直接登录。');
    const id = insertUser(ctx.db, { ...input, roles: ['admin'] }, ctx.now.toISOString());
    ctx.audit({ summary: `创建首个管理员 ${input.username}（${input.displayName}）`, entityType: 'user', entityId: id, actor: { id, username: input.username } });
    return startSession(ctx, findUser(ctx.db, id)!);
  },

  'auth.login': (ctx, input) => {
    const nowMs = ctx.now.getTime();
    const nowIso = ctx.now.toISOString();
    const blockedUntil = ctx.client ? ctx.loginThrottle.blockedUntil(ctx.client, nowMs) : null;
    if (blockedUntil !== null) {
      ctx.audit({ summary: `本终端登录失败次数过多，暂停登录中，拒绝用户名 ${input.username} 的尝试` });
      return new Refusal('LOCKED', `本机登录失败次数过多，已暂停登录，请于 ${localDateTime(new Date(blockedUntil))} 后再试。`);
    }
    const u = findUserByName(ctx.db, input.username);
    // The password is checked first (against a dummy hash for an unknown name), and a wrong one gets the
    // same answer whatever the account: neither the reply nor its timing tells whether the name exists,
    // is disabled or is locked.
    let passwordOk = false;
    if (u) passwordOk = verifyPassword(input.password, u.password_salt, u.password_hash);
    else verifyPassword(input.password, DUMMY_SALT, DUMMY_HASH);
    const locked = u?.locked_until != null && u.locked_until > nowIso;
    if (!u || !passwordOk) {
      const { maxFailedLogins, lockoutMinutes } = ctx.settings;
      const wrong = new Refusal('UNAUTHENTICATED', `${WRONG_CREDENTIALS}。连续输错 ${maxFailedLogins} 次，账号将锁定 ${lockoutMinutes} 分钟。`);
      const clientBlock = ctx.client ? ctx.loginThrottle.fail(ctx.client, nowMs) : null;
      const clientNote = clientBlock === null ? '' : `；本终端失败次数过多，暂停登录至 ${localDateTime(new Date(clientBlock))}`;
      if (!u) {
        ctx.audit({ summary: `不存在的用户名 ${input.username} 登录失败${clientNote}` });
        return wrong;
      }
      if (!u.active || locked) {
        ctx.audit({ summary: `${u.username} 密码错误（账号${u.active ? '锁定中' : '已停用'}）${clientNote}`, entityType: 'user', entityId: u.id });
        return wrong;
      }
      const failed = u.failed_logins + 1;
      if (failed >= maxFailedLogins) {
        const until = new Date(nowMs + lockoutMinutes * 60_000).toISOString();
        ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?').run(until, u.id);
        ctx.audit({ summary: `${u.username} 连续 ${failed} 次密码错误，账号锁定 ${lockoutMinutes} 分钟${clientNote}`, entityType: 'user', entityId: u.id });
      } else {
        ctx.db.prepare('UPDATE users SET failed_logins = ? WHERE id = ?').run(failed, u.id);
        ctx.audit({ summary: `${u.username} 密码错误（第 ${failed} 次）${clientNote}`, entityType: 'user', entityId: u.id });
      }
      return wrong;
    }
    // The password is right: now the account's state may be told.
    ctx.audit({ summary: `${u.username} 登录`, entityType: 'user', entityId: u.id, actor: { id: u.id, username: u.username } });
    if (!u.active) return new Refusal('FORBIDDEN', '该账号已停用，请联系管理员。');
    if (locked) {
      return new Refusal('LOCKED', `账号因多次输错密码已锁定，请于 ${localDateTime(new Date(u.locked_until!))} 后再试，或请管理员解锁。`);
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
    // Anyone signed in with the old password elsewhere is signed out; this window stays.
    ctx.sessions.endAllFor(u.id, ctx.token);
    ctx.audit({ summary: `${u.username} 修改了自己的密码，其他登录已退出`, entityType: 'user', entityId: u.id });
    return { done: true };
  },
};
