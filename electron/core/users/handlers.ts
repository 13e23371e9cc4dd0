import type { userChannels } from '../../../shared/contract/users';
import { fail } from '../../../shared/errors';
import { ROLE_LABELS, type Role } from '../../../shared/roles';
import { hashPassword } from '../auth/password';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { findUser, findUserByName, insertUser, rolesOf, setRoles, toUserRow, type UserRecord } from './store';

const roleText = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');

function mustFind(ctx: HandlerContext, id: number): UserRecord {
  return findUser(ctx.db, id) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的用户`);
}

/** Checked after the change is written (the transaction rolls it back): someone must still manage users. */
function assertAnAdminRemains(ctx: HandlerContext): void {
  const n = ctx.db
    .prepare(`SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.active = 1`)
    .get() as { n: number };
  if (n.n === 0) fail('RULE', '这是最后一个启用的管理员账号，不能停用或去掉管理员角色。');
}

export const userHandlers: HandlerMap<keyof typeof userChannels> = {
  'users.list': ({ db, now }) =>
    (db.prepare('SELECT * FROM users ORDER BY id').all() as UserRecord[]).map((u) => toUserRow(db, u, now.toISOString())),

  'users.create': (ctx, input) => {
    if (findUserByName(ctx.db, input.username)) fail('CONFLICT', `用户名 ${input.username} 已被使用，请换一个`);
    const id = insertUser(ctx.db, input, ctx.now.toISOString());
    ctx.audit({
      summary: `新建用户 ${input.username}（${input.displayName}），角色：${roleText(input.roles)}`,
      entityType: 'user',
      entityId: id,
    });
    return toUserRow(ctx.db, mustFind(ctx, id), ctx.now.toISOString());
  },

  'users.update': (ctx, input) => {
    const before = mustFind(ctx, input.id);
    const beforeRoles = rolesOf(ctx.db, before.id);
    // Four eyes: nobody widens their own powers; another administrator must grant them.
    const granted = input.roles.filter((r) => !beforeRoles.includes(r));
    if (before.id === ctx.user!.id && granted.length > 0) {
      fail('RULE', `不能给自己增加角色（${roleText(granted)}）：请由另一位管理员授予。`);
    }
    ctx.db.prepare('UPDATE users SET display_name = ?, active = ? WHERE id = ?').run(input.displayName, input.active ? 1 : 0, before.id);
    setRoles(ctx.db, before.id, input.roles);
    assertAnAdminRemains(ctx);
    if (!input.active) ctx.sessions.endAllFor(before.id);
    const changes: string[] = [];
    if (before.display_name !== input.displayName) changes.push(`姓名 ${before.display_name} → ${input.displayName}`);
    if (roleText(beforeRoles) !== roleText([...input.roles].sort()))
      changes.push(`角色 ${roleText(beforeRoles)} → ${roleText(input.roles)}`);
    if ((before.active === 1) !== input.active) changes.push(input.active ? '启用' : '停用');
    ctx.audit({
      summary: `修改用户 ${before.username}：${changes.join('；') || '无变化'}`,
      entityType: 'user',
      entityId: before.id,
    });
    return toUserRow(ctx.db, mustFind(ctx, before.id), ctx.now.toISOString());
  },

  'users.resetPassword': (ctx, input) => {
    const u = mustFind(ctx, input.id);
    const { hash, salt } = hashPassword(input.password);
    ctx.db
      .prepare('UPDATE users SET password_hash = ?, password_salt = ?, failed_logins = 0, locked_until = NULL WHERE id = ?')
      .run(hash, salt, u.id);
    ctx.sessions.endAllFor(u.id);
    ctx.audit({ summary: `重置用户 ${u.username} 的密码`, entityType: 'user', entityId: u.id });
    return { done: true };
  },

  'users.unlock': (ctx, input) => {
    const u = mustFind(ctx, input.id);
    ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(u.id);
    ctx.audit({ summary: `解除用户 ${u.username} 的锁定`, entityType: 'user', entityId: u.id });
    return toUserRow(ctx.db, mustFind(ctx, u.id), ctx.now.toISOString());
  },
};
