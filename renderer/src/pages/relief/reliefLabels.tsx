// Small shared bits of the relief pages: tags, labels and date formatting.
import { Tag } from 'antd';
import type { DecisionAdvice, ReliefDecisionView } from '../../../../shared/contract/reliefTypes';
import { localDate, localDateTime } from '../../../../shared/dates';
import { RELIEF_STATUS_LABELS, type ReliefCategory, type ReliefStatus } from '../../../../shared/relief';

/** Who proposes relief and keeps its documents. */
export const PROPOSER_ROLES = ['staff', 'director'] as const;
export const READER_ROLES = ['staff', 'director', 'chair', 'finance'] as const;

export const RELIEF_STATUS_COLORS: Record<ReliefStatus, string> = {
  draft: 'default',
  pending_director: 'processing',
  pending_chair: 'purple',
  awaiting_notice: 'cyan',
  in_notice: 'blue',
  payable: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function ReliefStatusTag({ status, testId }: { status: ReliefStatus; testId?: string }) {
  return (
    <Tag color={RELIEF_STATUS_COLORS[status]} data-testid={testId}>
      {RELIEF_STATUS_LABELS[status]}
    </Tag>
  );
}


export const VERDICT_LABELS: Record<DecisionAdvice['verdict'], string> = {
  eligible: '可以救助',
  override: '须主席批准例外',
  not_eligible: '不符合条件',
};
export const VERDICT_COLORS: Record<DecisionAdvice['verdict'], string> = {
  eligible: 'success',
  override: 'warning',
  not_eligible: 'error',
};

export const STAGE_LABELS: Record<ReliefDecisionView['stage'], string> = {
  staff: '经办',
  director: '中心主任',
  chair: '工会主席',
  notice: '公示',
};

export const DECISION_LABELS: Record<ReliefDecisionView['decision'], string> = {
  submit: '提交审批',
  approve: '同意',
  reject: '不同意',
  return: '退回修改',
  withdraw: '撤回',
  amount_changed: '修改金额，退回主任重审',
  objection: '登记公示异议',
  payable: '公示期满，可以发放',
};

export const DECISION_COLORS: Record<ReliefDecisionView['decision'], string> = {
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  return: 'orange',
  withdraw: 'gray',
  amount_changed: 'orange',
  objection: 'orange',
  payable: 'green',
};

/** Which facts each category asks for (the rest are not sent). */
export const CATEGORY_FACTS: Record<ReliefCategory, readonly string[]> = {
  illness: ['medicalPersonalShareFen', 'medicalAnnualSpendFen', 'hospitalOwedFen'],
  disaster: ['disasterLossFen', 'siteVisited'],
  schooling: ['schoolFeesFen', 'dropoutRisk'],
  living: ['noIncome'],
  festival: [],
  other: [],
};

export const FACT_LABELS: Record<string, string> = {
  medicalPersonalShareFen: '大病个人负担',
  medicalAnnualSpendFen: '年度医药费总支出',
  hospitalOwedFen: '年度积欠住院费',
  disasterLossFen: '灾害财产损失',
  siteVisited: '中心已到现场查看',
  schoolFeesFen: '学费',
  dropoutRisk: '子女确因经济原因可能失辍学',
  noIncome: '夫妻双下岗且确无收入',
};

/** A timestamp (ISO instant) as centre-local 'YYYY-MM-DD HH:mm'. */
export const dateTime = (iso: string) => localDateTime(new Date(iso));
/** A timestamp as centre-local 'YYYY-MM-DD'. */
export const dateOnly = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : localDate(new Date(iso)));
