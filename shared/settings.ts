import { z } from 'zod';

// Every tunable the core reads. Each change is stored with an effective date and audited, so a
// decision can always be explained by the settings in force on its day. Later issues add keys here.
const fen = (label: string) => z.number().int(`${label}必须是整数分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
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
  // Relief policy (002 §三, §六.1; 003); every decision keeps a copy of the values it was made under.
  reliefMinimumFen: fen('最低救助金额'),
  reliefChairThresholdFen: fen('须报工会主席的金额'),
  reliefCapFen: fen('一般救助上限'),
  reliefUsualMaxFen: fen('一次性救济通常上限'),
  reliefCeilingFen: fen('单笔救助最高限额'),
  reliefMonthsBetweenGrants: whole('两次救助间隔月数', 0, 60),
  reliefNoticeRequired: z.boolean('请选择是否需要公示'),
  reliefNoticeDays: whole('公示天数', 1, 60),
  medicalPersonalShareFen: fen('大病个人负担标准'),
  medicalAnnualSpendFen: fen('年度医药费总支出标准'),
  hospitalOwedAllowanceFen: fen('低保户积欠住院费标准'),
  hospitalOwedMarginalFen: fen('低保边缘户积欠住院费标准'),
  allowanceExceptionAgeMale: whole('低保例外年龄（男）', 16, 100),
  allowanceExceptionAgeFemale: whole('低保例外年龄（女）', 16, 100),
  hardshipLossFen: fen('自负医药费或灾害损失认定标准'),
  materialExpiryWarnDays: whole('临期预警天数', 1, 365),
  // Campaigns (issue 12): whether a festival condolence (送温暖/春节慰问) counts as the family's yearly relief.
  campaignFestivalCountsYearly: z.boolean('请选择节日慰问是否计入每年一次'),
  // Default per-person standards by target group: a new campaign's groups start from those in force on its start date.
  campaignStandardHardshipFen: fen('困难企业职工慰问标准').min(1, '困难企业职工慰问标准不能为 0'),
  campaignStandardMigrantFen: fen('困难农民工慰问标准').min(1, '困难农民工慰问标准不能为 0'),
  campaignStandardModelNationalFen: fen('全国劳模慰问标准').min(1, '全国劳模慰问标准不能为 0'),
  campaignStandardModelProvincialFen: fen('省级劳模慰问标准').min(1, '省级劳模慰问标准不能为 0'),
  campaignStandardModelCityFen: fen('市级劳模慰问标准').min(1, '市级劳模慰问标准不能为 0'),
  campaignStandardIllnessFen: fen('因病致困慰问标准').min(1, '因病致困慰问标准不能为 0'),
  campaignStandardSchoolingFen: fen('因学致困慰问标准').min(1, '因学致困慰问标准不能为 0'),
  campaignStandardDisasterFen: fen('因灾致困慰问标准').min(1, '因灾致困慰问标准不能为 0'),
  campaignStandardSchoolPrimaryFen: fen('助学·小学慰问标准').min(1, '助学·小学慰问标准不能为 0'),
  campaignStandardSchoolJuniorFen: fen('助学·初中慰问标准').min(1, '助学·初中慰问标准不能为 0'),
  campaignStandardSchoolSeniorFen: fen('助学·高中（中职）慰问标准').min(1, '助学·高中（中职）慰问标准不能为 0'),
  campaignStandardSchoolCollegeFen: fen('助学·大学（高职）慰问标准').min(1, '助学·大学（高职）慰问标准不能为 0'),
  // Backups (issue 11). The extra folder is checked on save (absolute, exists, writable) by the core.
  backupExtraFolder: text('备用备份文件夹', 260),
  backupKeepDaily: whole('保留每日备份份数', 1, 365),
  backupKeepMonthly: whole('保留每月备份份数', 0, 120),
  // Dynamic monitoring (issue 13, seed 001): revisit intervals by risk state, the exit test.
  monitorUnclearedMonths: whole('未消除风险户回访间隔', 1, 12),
  monitorClearedMonths: whole('已消除风险户回访间隔', 1, 12),
  monitorStableMonths: whole('稳定户回访间隔', 1, 24),
  monitorDueSoonDays: whole('回访提前提醒天数', 0, 60),
  monitorExitIncomePercent: whole('脱困收入标准', 100, 500),
  monitorExitRevisits: whole('脱困须连续回访次数', 1, 24),
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
  reliefMinimumFen: 30_000, // 一般救济不能低于300元 (002 §六.1(2))
  reliefChairThresholdFen: 100_000, // 需要救济1000元的，报工会主席同意 (002 §六.1(3))
  reliefCapFen: 100_000, // 最多不超过1000元 (002 §三(二)2-3)
  reliefUsualMaxFen: 50_000, // 一次性救济300-500元 (002 §三(二)1-3)
  reliefCeilingFen: 500_000, // hard limit even for a chair-approved exception; the centre sets its own
  reliefMonthsBetweenGrants: 12, // 原则上每年一次 (002 §三(一)5)
  reliefNoticeRequired: true,
  reliefNoticeDays: 5, // 公示时间不少于5天 (001)
  medicalPersonalShareFen: 500_000,
  medicalAnnualSpendFen: 3_000_000,
  hospitalOwedAllowanceFen: 500_000,
  hospitalOwedMarginalFen: 2_000_000,
  allowanceExceptionAgeMale: 50,
  allowanceExceptionAgeFemale: 40,
  hardshipLossFen: 2_000_000, // 自负医药费或家庭因灾害造成财产损失金额达2万元以上 (000 §一(四))
  materialExpiryWarnDays: 30,
  campaignFestivalCountsYearly: false, // condolence is not relief for a cause; schooling drives always count
  // Model-worker and school-level amounts are the centre's own (000 only says 按标准); these are starting values.
  campaignStandardHardshipFen: 50_000, // 500元/人 (000 §三)
  campaignStandardMigrantFen: 50_000, // 500元/人 (000 §三)
  campaignStandardModelNationalFen: 200_000,
  campaignStandardModelProvincialFen: 150_000,
  campaignStandardModelCityFen: 100_000,
  campaignStandardIllnessFen: 50_000,
  campaignStandardSchoolingFen: 50_000,
  campaignStandardDisasterFen: 50_000,
  campaignStandardSchoolPrimaryFen: 50_000,
  campaignStandardSchoolJuniorFen: 80_000,
  campaignStandardSchoolSeniorFen: 100_000,
  campaignStandardSchoolCollegeFen: 200_000,
  backupExtraFolder: '', // none: backups only beside the database until the admin names a second disk
  backupKeepDaily: 30,
  backupKeepMonthly: 12,
  monitorUnclearedMonths: 1, // 未消除风险户每月应回访一次 (001)
  monitorClearedMonths: 6, // 已消除风险监测户至少半年回访一次 (001)
  monitorStableMonths: 12, // 已稳定脱贫户一年至少回访一次 (001)
  monitorDueSoonDays: 7,
  monitorExitIncomePercent: 150, // 人均收入稳定高于低保线 1.5 倍可解困脱困 (001)
  monitorExitRevisits: 3,
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
  reliefMinimumFen: '最低救助金额（元）',
  reliefChairThresholdFen: '达到此金额须报工会主席（元）',
  reliefCapFen: '一般救助上限（元）',
  reliefUsualMaxFen: '一次性救济通常上限（元）',
  reliefCeilingFen: '单笔救助最高限额（元，例外也不得突破）',
  reliefMonthsBetweenGrants: '两次救助至少间隔（月）',
  reliefNoticeRequired: '救助发放前须公示',
  reliefNoticeDays: '公示天数（至少）',
  medicalPersonalShareFen: '大病个人负担超过（元）',
  medicalAnnualSpendFen: '年度医药费总支出超过（元）',
  hospitalOwedAllowanceFen: '低保户年度积欠住院费超过（元）',
  hospitalOwedMarginalFen: '低保边缘户年度积欠住院费超过（元）',
  allowanceExceptionAgeMale: '低保户例外：男性年龄满',
  allowanceExceptionAgeFemale: '低保户例外：女性年龄满',
  hardshipLossFen: '自负医药费或灾害损失达（元）可认定困难',
  materialExpiryWarnDays: '物资到期前多少天预警',
  campaignFestivalCountsYearly: '节日慰问（送温暖、春节慰问）计入“每年救助一次”',
  campaignStandardHardshipFen: '困难企业职工每人慰问标准（元）',
  campaignStandardMigrantFen: '困难农民工每人慰问标准（元）',
  campaignStandardModelNationalFen: '全国劳模每人慰问标准（元）',
  campaignStandardModelProvincialFen: '省级劳模每人慰问标准（元）',
  campaignStandardModelCityFen: '市级劳模每人慰问标准（元）',
  campaignStandardIllnessFen: '因病致困每人慰问标准（元）',
  campaignStandardSchoolingFen: '因学致困每人慰问标准（元）',
  campaignStandardDisasterFen: '因灾致困每人慰问标准（元）',
  campaignStandardSchoolPrimaryFen: '助学·小学每人慰问标准（元）',
  campaignStandardSchoolJuniorFen: '助学·初中每人慰问标准（元）',
  campaignStandardSchoolSeniorFen: '助学·高中（中职）每人慰问标准（元）',
  campaignStandardSchoolCollegeFen: '助学·大学（高职）每人慰问标准（元）',
  backupExtraFolder: '备份另存到（第二块磁盘或U盘上的文件夹，留空表示不另存）',
  backupKeepDaily: '保留最近几天的每日备份（份）',
  backupKeepMonthly: '保留最近几个月的月备份（份）',
  monitorUnclearedMonths: '未消除风险户每几个月回访一次（月）',
  monitorClearedMonths: '已消除风险户至少每几个月回访一次（月）',
  monitorStableMonths: '稳定（已脱困）户至少每几个月回访一次（月）',
  monitorDueSoonDays: '回访到期前几天列入待回访（天）',
  monitorExitIncomePercent: '人均收入高于低保线百分之几可提出脱困（%）',
  monitorExitRevisits: '连续几次回访收入达标可提出脱困（次）',
};
