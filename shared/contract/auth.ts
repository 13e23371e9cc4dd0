import { z } from 'zod';
import type { Role } from '../roles';
import { channel, emptyInput } from './define';
import { password, personName, username } from './fields';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
}
export interface LoginResult {
  token: string;
  user: SessionUser;
  idleMinutes: number;
}

export const authChannels = {
  'auth.setupStatus': channel<{ needsSetup: boolean; centreName: string }>()({
    title: '查询是否需要首次设置',
    input: emptyInput,
    access: 'public',
    kind: 'read',
  }),
  'auth.setup': channel<LoginResult>()({
    title: '首次设置：创建管理员',
    input: z.object({ username, displayName: personName, password }).strict(),
    access: 'public',
    kind: 'write',
  }),
  'auth.login': channel<LoginResult>()({
    title: '登录',
    input: z.object({ username, password: z.string('请输入密码').min(1, '请输入密码').max(128) }).strict(),
    access: 'public',
    kind: 'write',
  }),
  'auth.logout': channel<{ done: true }>()({
    title: '退出登录',
    input: emptyInput,
    access: 'any',
    kind: 'write',
  }),
  'auth.me': channel<SessionUser>()({
    title: '当前用户',
    input: emptyInput,
    access: 'any',
    kind: 'read',
  }),
  'auth.changePassword': channel<{ done: true }>()({
    title: '修改本人密码',
    input: z.object({ oldPassword: z.string('请输入原密码').min(1, '请输入原密码').max(128), newPassword: password }).strict(),
    access: 'any',
    kind: 'write',
  }),
} as const;
