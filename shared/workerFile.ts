// Vocabularies of the worker file (困难职工档案), DOMAIN §2; codes in English, labels in Chinese.
export const EMPLOYMENT_STATUSES = ['in_post', 'laid_off', 'retired', 'migrant', 'dispatched'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, string> = {
  in_post: '在岗',
  laid_off: '下岗/失业',
  retired: '退休',
  migrant: '农民工',
  dispatched: '派遣',
};

export const MODEL_WORKER_LEVELS = ['none', 'national', 'provincial', 'city'] as const;
export type ModelWorkerLevel = (typeof MODEL_WORKER_LEVELS)[number];
export const MODEL_WORKER_LABELS: Record<ModelWorkerLevel, string> = {
  none: '否',
  national: '全国劳模',
  provincial: '省级劳模',
  city: '市级劳模',
};

export const ALLOWANCE_STATUSES = ['none', 'dibao', 'marginal'] as const;
export type AllowanceStatus = (typeof ALLOWANCE_STATUSES)[number];
export const ALLOWANCE_LABELS: Record<AllowanceStatus, string> = {
  none: '无',
  dibao: '低保户',
  marginal: '低保边缘户',
};

export const HARDSHIP_CAUSES = ['illness', 'disaster', 'schooling', 'disability', 'single_parent', 'unemployment', 'low_income', 'other'] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];
export const HARDSHIP_CAUSE_LABELS: Record<HardshipCause, string> = {
  illness: '因病',
  disaster: '因灾',
  schooling: '因学',
  disability: '因残',
  single_parent: '单亲',
  unemployment: '失业/下岗',
  low_income: '收入低',
  other: '其他',
};

export const EXCLUSION_KINDS = ['gambling', 'drugs', 'unlawful', 'refused_training', 'refused_means_check'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];
export const EXCLUSION_LABELS: Record<ExclusionKind, string> = {
  gambling: '因赌博致困',
  drugs: '因吸毒致困',
  unlawful: '因其他违法行为致困',
  refused_training: '拒绝参加培训或就业帮扶',
  refused_means_check: '拒绝家庭经济状况核查',
};

// Documents kept on file (000 §二); the relief issue's checklist reuses these codes.
export const FILE_DOCUMENTS = [
  'file_form',
  'household_ids',
  'household_register',
  'income_proof',
  'disaster_proof',
  'student_card',
  'disability_card',
  'divorce_certificate',
  'hospital_diagnosis',
  'medical_bills',
  'bank_card_copy',
] as const;
export type FileDocument = (typeof FILE_DOCUMENTS)[number];
export const FILE_DOCUMENT_LABELS: Record<FileDocument, string> = {
  file_form: '困难职工档案表',
  household_ids: '家庭成员身份证复印件',
  household_register: '户口簿复印件',
  income_proof: '收入证明',
  disaster_proof: '受灾证明',
  student_card: '学生证',
  disability_card: '残疾证',
  divorce_certificate: '离婚证',
  hospital_diagnosis: '县级以上医院诊断证明',
  medical_bills: '医疗费用票据',
  bank_card_copy: '银行卡复印件',
};

export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export const FILE_STATUSES = ['active', 'exited'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];
export const FILE_STATUS_LABELS: Record<FileStatus, string> = { active: '在档', exited: '已脱困退出' };

/** The file's number as printed on its form and shown on the screen: 1 → "DA-000001". */
export const fileNumber = (id: number): string => `DA-${String(id).padStart(6, '0')}`;
