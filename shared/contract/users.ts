import { z } from 'zod';
import type { Role } from '../roles';
import { channel, emptyInput } from './define';
import { id, password, personName, roles, username } from './fields';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export const userChannels = {
  'users.list': channel<UserRow[]>()({
    title: '用户列表',
    input: emptyInput,
    access: ['admin'],
    kind: 'read',
  }),
  'users.create': channel<UserRow>()({
    title: '新建用户',
    input: z.object({ username, displayName: personName, password, roles }).strict(),
    access: ['admin'],
    kind: 'write',
  }),
  'users.update': channel<UserRow>()({
    title: '修改用户',
    input: z.object({ id, displayName: personName, roles, active: z.boolean('请选择是否启用') }).strict(),
    access: ['admin'],
    kind: 'write',
  }),
  'users.resetPassword': channel<{ done: true }>()({
    title: '重置用户密码',
    input: z.object({ id, password }).strict(),
    access: ['admin'],
    kind: 'write',
  }),
  'users.unlock': channel<UserRow>()({
    title: '解除账号锁定',
    input: z.object({ id }).strict(),
    access: ['admin'],
    kind: 'write',
  }),
} as const;
