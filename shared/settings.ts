import { z } from 'zod';

// Every tunable the core reads. Each change is stored with an effective date and audited, so a
// decision can always be explained by the settings in force on its day. Later issues add keys here.
const fen = (label: string) => z.number().int(`${label}必须是整数分`).min(0, `${label}不能为负`);
const whole = (label: string, min: number, max: number) =>
  z.number().int(`${label}必须是整数`).min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`);
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);

export const settingsSchema = z.object({
  centreName: text('中心名称', 60).min(1, '中心名称不能为空'),
  unionName: text('工会名称', 60),
  centreAddress: text('地址', 120),
  centrePhone: text('电话', 40),
  minLivingLineFen: fen('最低生活保障线'),
  maxFailedLogins: whole('连续登录失败次数上限', 1, 20),
  lockoutMinutes: whole('锁定时长', 1, 24 * 60),
  sessionIdleMinutes: whole('空闲自动退出时长', 1, 24 * 60),
  petitionAcceptDays: whole('受理期限', 1, 365),
  petitionAnswerDays: whole('答复期限', 1, 365),
  petitionCloseDays: whole('办结期限', 1, 730),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const SETTING_DEFAULTS: Settings = {
  centreName: '工会困难职工帮扶中心',
  unionName: '',
  centreAddress: '',
  centrePhone: '',
  minLivingLineFen: 78_000, // 780 元/月, the line used in the source document 000
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
  petitionAcceptDays: 15,
  petitionAnswerDays: 30, // counted from acceptance
  petitionCloseDays: 60,
};

export const SETTING_LABELS: Record<SettingKey, string> = {
  centreName: '中心名称',
  unionName: '工会名称',
  centreAddress: '中心地址',
  centrePhone: '中心电话',
  minLivingLineFen: '最低生活保障线（元/月）',
  maxFailedLogins: '连续登录失败几次锁定',
  lockoutMinutes: '锁定时长（分钟）',
  sessionIdleMinutes: '空闲多久自动退出（分钟）',
  petitionAcceptDays: '来访受理期限（天，自登记起）',
  petitionAnswerDays: '来访答复期限（天，自受理起）',
  petitionCloseDays: '来访办结期限（天，自登记起）',
};
