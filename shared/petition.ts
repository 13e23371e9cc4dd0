// Vocabularies of petitions and visits (信访接待), DOMAIN §1.
export const PETITION_CHANNELS = ['visit', 'phone', 'letter', 'online'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, string> = { visit: '来访', phone: '来电', letter: '来信', online: '网上' };

export const PETITION_CATEGORIES = ['relief', 'legal_aid', 'job_referral', 'allowance_help', 'policy', 'complaint', 'other'] as const;
export type PetitionCategory = (typeof PETITION_CATEGORIES)[number];
export const PETITION_CATEGORY_LABELS: Record<PetitionCategory, string> = {
  relief: '申请救助',
  legal_aid: '法律援助',
  job_referral: '职业介绍',
  allowance_help: '协助办理低保',
  policy: '政策咨询',
  complaint: '投诉',
  other: '其他',
};

export const URGENCIES = ['normal', 'urgent', 'very_urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急', very_urgent: '特急' };

export const PETITION_STATUSES = ['registered', 'accepted', 'in_progress', 'answered', 'closed'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  registered: '已登记',
  accepted: '已受理',
  in_progress: '办理中',
  answered: '已答复',
  closed: '已办结',
};

export const PETITION_ACTIONS = ['accept', 'start', 'answer', 'close', 'reassign', 'reopen'] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];
export const PETITION_ACTION_LABELS: Record<PetitionAction | 'register', string> = {
  register: '登记',
  accept: '受理',
  start: '开始办理',
  answer: '答复',
  close: '办结',
  reassign: '改派经办人',
  reopen: '重新办理',
};

/** The lifecycle: which status each step leaves from and where it goes. Reassign keeps the status. */
export const PETITION_TRANSITIONS: Record<Exclude<PetitionAction, 'reassign'>, { from: readonly PetitionStatus[]; to: PetitionStatus }> = {
  accept: { from: ['registered'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  answer: { from: ['accepted', 'in_progress'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  reopen: { from: ['answered', 'closed'], to: 'in_progress' },
};

export type OverdueStage = 'accept' | 'answer' | 'close';
export const OVERDUE_LABELS: Record<OverdueStage, string> = { accept: '逾期未受理', answer: '逾期未答复', close: '逾期未办结' };
