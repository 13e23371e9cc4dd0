import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { normalisePhone, PHONE_MESSAGE, PHONE_PATTERN } from '../phone';
import { ROLES } from '../roles';

// Reusable field schemas with the Chinese messages a clerk sees.
export const username = z
  .string('请输入用户名')
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能用字母、数字、下划线、点和短横线');
export const password = z.string('请输入密码').min(8, '密码至少 8 位').max(128, '密码不能超过 128 位');
export const personName = z.string('请输入姓名').trim().min(1, '姓名不能为空').max(30, '姓名不能超过 30 个字');
export const role = z.enum(ROLES, '角色不正确');
export const roles = z.array(role, '请选择角色').min(1, '至少选择一个角色').max(10, '角色最多选择 10 个');
export const isoDate = z
  .string('请输入日期')
  .refine(isValidIsoDate, '日期格式应为 YYYY-MM-DD，且是真实存在的日期');
/** A phone number, spaces and dashes allowed as written; stored normalised (see shared/phone.ts). */
export const phone = z.string('电话应为文字').trim().max(40, '电话不能超过 40 个字符').overwrite(normalisePhone).regex(PHONE_PATTERN, PHONE_MESSAGE).default('');
export const id = z.number('编号必须是数字').int('编号必须是整数').positive('编号必须是正数');
export const page = z.number().int().min(1, '页码从 1 开始').default(1);
export const pageSize = z.number().int().min(1).max(200, '每页最多 200 条').default(20);

export interface Paged<T> {
  rows: T[];
  total: number;
  /** Counts stop at a cap on big tables: true means "at least `total`" (shown as 10,000+). */
  totalCapped?: boolean;
}
