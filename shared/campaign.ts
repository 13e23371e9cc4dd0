// Vocabularies of campaigns (送温暖 / 春节慰问 / 金秋助学), DOMAIN §4 and seed 000.
import type { ReliefCategory } from './relief';
import type { SettingKey, Settings } from './settings';

export const CAMPAIGN_KINDS = ['warmth', 'spring_festival', 'schooling', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  warmth: '送温暖',
  spring_festival: '春节慰问',
  schooling: '金秋助学',
  other: '其他活动',
};
/** A campaign's payments in the relief report (救助发放统计): a category of their own per kind, beside relief's. */
export type CampaignReportCategory = `campaign_${CampaignKind}`;
export const CAMPAIGN_REPORT_CATEGORY_LABELS: Record<CampaignReportCategory, string> = {
  campaign_warmth: '送温暖',
  campaign_spring_festival: '春节慰问',
  campaign_schooling: '金秋助学',
  campaign_other: '其他慰问活动',
};
export const isCampaignReportCategory = (key: string): key is CampaignReportCategory => Object.hasOwn(CAMPAIGN_REPORT_CATEGORY_LABELS, key);

/** Which relief category (and so which expense account and earmark) a campaign's money is. */
export const CAMPAIGN_KIND_CATEGORY: Record<CampaignKind, ReliefCategory> = {
  warmth: 'festival',
  spring_festival: 'festival',
  schooling: 'schooling',
  other: 'other',
};

// Target groups (seed 000 §三): hard-up enterprise workers, model workers by level, hard-up migrant
// workers, and workers in special hardship through illness, schooling or disaster.
// 金秋助学 pays by school level (a different standard for a pupil and a university student).
export const CAMPAIGN_GROUPS = [
  'hardship',
  'model_national',
  'model_provincial',
  'model_city',
  'migrant',
  'illness',
  'schooling',
  'disaster',
  'school_primary',
  'school_junior',
  'school_senior',
  'school_college',
] as const;
export type CampaignGroup = (typeof CAMPAIGN_GROUPS)[number];
export const CAMPAIGN_GROUP_LABELS: Record<CampaignGroup, string> = {
  hardship: '困难企业职工',
  model_national: '全国劳模',
  model_provincial: '省级劳模',
  model_city: '市级劳模',
  migrant: '困难农民工',
  illness: '因病致困',
  schooling: '因学致困',
  disaster: '因灾致困',
  school_primary: '助学·小学',
  school_junior: '助学·初中',
  school_senior: '助学·高中（中职）',
  school_college: '助学·大学（高职）',
};

/** The setting holding each group's default per-person standard. */
export const CAMPAIGN_STANDARD_SETTING: Record<CampaignGroup, SettingKey & `campaignStandard${string}Fen`> = {
  hardship: 'campaignStandardHardshipFen',
  model_national: 'campaignStandardModelNationalFen',
  model_provincial: 'campaignStandardModelProvincialFen',
  model_city: 'campaignStandardModelCityFen',
  migrant: 'campaignStandardMigrantFen',
  illness: 'campaignStandardIllnessFen',
  schooling: 'campaignStandardSchoolingFen',
  disaster: 'campaignStandardDisasterFen',
  school_primary: 'campaignStandardSchoolPrimaryFen',
  school_junior: 'campaignStandardSchoolJuniorFen',
  school_senior: 'campaignStandardSchoolSeniorFen',
  school_college: 'campaignStandardSchoolCollegeFen',
};
/** Every group's default standard under these settings. */
export const defaultStandards = (s: Settings): Record<CampaignGroup, number> =>
  Object.fromEntries(CAMPAIGN_GROUPS.map((g) => [g, s[CAMPAIGN_STANDARD_SETTING[g]]])) as Record<CampaignGroup, number>;

/**
 * The school-level groups of 金秋助学. The files record that a child studies, not at which level, so
 * criteria never place anyone in these: the base-level union's list or the clerk names the level.
 */
export const SCHOOL_LEVEL_GROUPS = ['school_primary', 'school_junior', 'school_senior', 'school_college'] as const satisfies readonly CampaignGroup[];
export const isSchoolLevelGroup = (g: CampaignGroup): boolean => (SCHOOL_LEVEL_GROUPS as readonly CampaignGroup[]).includes(g);

export const CAMPAIGN_STATUSES = ['draft', 'pending_director', 'pending_chair', 'approved'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '名单编制中',
  pending_director: '待主任审核',
  pending_chair: '待主席审批',
  approved: '已批准，可发放',
};

export const LINE_SOURCES = ['criteria', 'manual', 'import'] as const;
export type LineSource = (typeof LINE_SOURCES)[number];
export const LINE_SOURCE_LABELS: Record<LineSource, string> = { criteria: '按条件筛选', manual: '手工添加', import: '基层工会上报' };

export const EXCLUSION_REASONS = ['last_year', 'exited', 'flagged', 'not_union_target', 'household'] as const;
export type CampaignExclusion = (typeof EXCLUSION_REASONS)[number];
export const CAMPAIGN_EXCLUSION_LABELS: Record<CampaignExclusion, string> = {
  last_year: '上年度同类活动已慰问',
  exited: '档案已脱困退出',
  flagged: '档案有不予救助标记',
  not_union_target: '不属于工会慰问对象',
  household: '同一家庭已在名单上',
};

/**
 * Work units that say the person has no employer: rural and urban residents who are not workers are
 * not union targets (seed 000 §三: 困难农民和困难城镇居民不属于工会系统慰问对象).
 */
export const NON_WORKER_UNITS = ['无', '无单位', '无工作单位', '农民', '务农', '居民', '城镇居民', '社区居民', '个体', '无业'] as const;
export const isNonWorkerUnit = (unit: string): boolean => (NON_WORKER_UNITS as readonly string[]).includes(unit.trim());

/** Columns of the import workbook, in order (the template has exactly these headers). */
export const IMPORT_COLUMNS = ['姓名', '身份证号', '工作单位', '帮扶类别'] as const;
