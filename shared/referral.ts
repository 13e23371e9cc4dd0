// Vocabularies of job referral (职业介绍) and legal aid (法律援助), DOMAIN §6; codes in English, labels in Chinese.

export const VACANCY_STATUSES = ['open', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export const VACANCY_STATUS_LABELS: Record<VacancyStatus, string> = { open: '招聘中', closed: '已关闭' };

export const REFERRAL_OUTCOMES = ['pending', 'hired', 'not_hired'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
export const REFERRAL_OUTCOME_LABELS: Record<ReferralOutcome, string> = { pending: '待反馈', hired: '已录用', not_hired: '未录用' };

/** Job-seeker priority: laid-off model workers first, then other laid-off workers, then everyone else. */
export const SEEKER_PRIORITIES = ['laid_off_model_worker', 'laid_off', 'other'] as const;
export type SeekerPriority = (typeof SEEKER_PRIORITIES)[number];
export const SEEKER_PRIORITY_LABELS: Record<SeekerPriority, string> = {
  laid_off_model_worker: '下岗劳模优先',
  laid_off: '下岗/失业',
  other: '其他',
};

export const APPLICANT_TYPES = ['worker', 'model_worker', 'union_officer'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = { worker: '职工', model_worker: '劳模', union_officer: '工会干部' };

export const INFRINGEMENT_TYPES = ['wage_arrears', 'labour_contract', 'work_injury', 'social_insurance', 'dismissal', 'other'] as const;
export type InfringementType = (typeof INFRINGEMENT_TYPES)[number];
export const INFRINGEMENT_LABELS: Record<InfringementType, string> = {
  wage_arrears: '拖欠工资',
  labour_contract: '劳动合同纠纷',
  work_injury: '工伤',
  social_insurance: '社会保险',
  dismissal: '违法解除/辞退',
  other: '其他',
};

export const LEGAL_TARGET_KINDS = ['lawyer', 'legal_aid_office'] as const;
export type LegalTargetKind = (typeof LEGAL_TARGET_KINDS)[number];
export const LEGAL_TARGET_LABELS: Record<LegalTargetKind, string> = { lawyer: '律师', legal_aid_office: '法律援助机构' };

export const LEGAL_STATUSES = ['intake', 'referred', 'closed'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = { intake: '已登记', referred: '已转介', closed: '已结案' };

export const LEGAL_OUTCOMES = ['resolved', 'mediated', 'litigation', 'withdrawn', 'other'] as const;
export type LegalOutcome = (typeof LEGAL_OUTCOMES)[number];
export const LEGAL_OUTCOME_LABELS: Record<LegalOutcome, string> = {
  resolved: '已解决',
  mediated: '调解结案',
  litigation: '进入诉讼',
  withdrawn: '申请人撤回',
  other: '其他',
};
