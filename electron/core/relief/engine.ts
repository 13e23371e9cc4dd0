// The relief policy engine: a pure function from the facts of a case to decision advice that names
// every rule it applied and where the rule comes from. No database, no clock: everything is passed in.
import type { DecisionAdvice, FiredRule, ReliefFacts } from '../../../shared/contract/reliefTypes';
import type { IncomeTier, Relation } from '../../../shared/household';
import { ageOn, validateIdNumber } from '../../../shared/idcard';
import { formatYuan } from '../../../shared/money';
import { RELIEF_CATEGORY_LABELS, type Approver, type ReliefCategory } from '../../../shared/relief';
import type { Settings } from '../../../shared/settings';
import { EXCLUSION_LABELS, type AllowanceStatus, type EmploymentStatus, type ExclusionKind, type HardshipCause } from '../../../shared/workerFile';

const CHARTER = '《困难职工帮扶中心章程》（002）';
export const SOURCES = {
  minimum: `${CHARTER}第六条第1款(2)：一般救济不能低于300元，由中心主任核算决定`,
  chair: `${CHARTER}第六条第1款(3)：需要救济1000元的，主任报工会主席同意`,
  cap: `${CHARTER}第三条(二)2、3：最多不超过1000元`,
  ceiling: '本中心设置：单笔救助最高限额，例外审批也不得突破',
  yearly: `${CHARTER}第三条(一)5：资金救济原则上每年一次`,
  otherCause: '《困难家庭救助办法》（003）：不得以不同原因重复救助',
  exclusion: '《困难家庭救助办法》（003）：因赌博、吸毒等违法行为致困或拒绝培训和就业援助的不予救助',
  allowance: `${CHARTER}第三条(二)1：已享受低保的原则上不再救济，例外情形一次性救济300-500元`,
  insured: `${CHARTER}第三条(二)2：已参加基本医疗保险的原则上不再救济，低保且大病个人负担超5000元或年度医药费超30000元的除外`,
  uninsured: `${CHARTER}第三条(二)3：未参保的低保户积欠住院费超5000元、低保边缘户超20000元，一次性救济300-500元`,
  uninsuredGeneral: `${CHARTER}第三条(一)2：患大病又未进入基本医疗统筹的特困职工，予以一次性补助并协调所在单位`,
  disaster: `${CHARTER}第三条(二)4：突遭意外灾害的，中心要亲临现场，并和职工所在单位研究帮扶措施`,
  schooling: `${CHARTER}第三条(二)5：确因经济问题可能导致子女失辍学的，联系有关单位和院校减免费用，并酌情救济`,
  tier: '《送温暖活动方案》（000）第一条：人均收入低于低保线150%，或200%内因学、残、单亲，或300%内因病、因灾，或自负医药费/灾害损失达2万元',
  notice: '《送温暖活动方案》（000）与（001）：帮扶对象须公示，时间不少于5天',
} as const;

export interface EngineMember {
  relation: Relation;
  idNumber: string;
  disabled: boolean;
  student: boolean;
}

export interface EngineFile {
  sex: 'male' | 'female';
  birthDate: string;
  allowanceStatus: AllowanceStatus;
  medicalInsured: boolean;
  disabilityGrade: number | null;
  singleParent: boolean;
  employmentStatus: EmploymentStatus;
  tier: IncomeTier;
  hardshipCauses: HardshipCause[];
  members: EngineMember[];
  activeExclusions: ExclusionKind[];
}

export interface PastGrant {
  number: string;
  category: ReliefCategory;
  amountFen: number;
  /** Local date the grant was approved. */
  date: string;
  /** Set when the grant went to another file of the same household: that file's holder. */
  householdHolder?: string;
}

export interface EngineInput {
  file: EngineFile;
  history: PastGrant[];
  category: ReliefCategory;
  facts: ReliefFacts;
  amountFen: number;
  policy: Settings;
  /** Local date of the decision. */
  today: string;
}

function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function oldEnough(sex: 'male' | 'female', birthDate: string, today: string, p: Settings): boolean {
  return ageOn(birthDate, today) >= (sex === 'male' ? p.allowanceExceptionAgeMale : p.allowanceExceptionAgeFemale);
}

export function adviseRelief(input: EngineInput): DecisionAdvice {
  const { file, facts, amountFen, policy: p, today, category } = input;
  const rules: FiredRule[] = [];
  const warnings: string[] = [];
  let verdict = 'eligible' as DecisionAdvice['verdict']; // widened: fire() changes it
  let range: [number, number] = [p.reliefMinimumFen, p.reliefCapFen];
  let specialMaxFen: number | null = null;
  const fire = (id: string, outcome: FiredRule['outcome'], text: string, source: string) => {
    rules.push({ id, outcome, text, source });
    if (outcome === 'fail') verdict = 'not_eligible';
    if (outcome === 'override' && verdict === 'eligible') verdict = 'override';
    if (outcome === 'warn') warnings.push(text);
  };

  // The minimum amount.
  if (amountFen < p.reliefMinimumFen) fire('minimum', 'fail', `申请金额 ${formatYuan(amountFen)} 低于最低救助标准 ${formatYuan(p.reliefMinimumFen)}`, SOURCES.minimum);
  else fire('minimum', 'pass', `申请金额不低于最低救助标准 ${formatYuan(p.reliefMinimumFen)}`, SOURCES.minimum);

  // Exclusion flags.
  for (const kind of file.activeExclusions) {
    fire(`exclusion.${kind}`, 'override', `档案标记“${EXCLUSION_LABELS[kind]}”：不予救助，除非工会主席批准并写明理由`, SOURCES.exclusion);
  }

  // Once a year per family; no second grant for another cause.
  const since = monthsBefore(today, p.reliefMonthsBetweenGrants);
  const recent = input.history.filter((g) => g.date > since && g.date <= today);
  for (const g of recent) {
    const whose = g.householdHolder ? `同一家庭${g.householdHolder}的档案` : '';
    fire('yearly', 'override', `${whose}${g.date} 已救助一次（${g.number}，${RELIEF_CATEGORY_LABELS[g.category]} ${formatYuan(g.amountFen)}），不足 ${p.reliefMonthsBetweenGrants} 个月再次救助须工会主席批准并写明理由`, SOURCES.yearly);
    if (g.category !== category) fire('otherCause', 'override', `不得以不同原因重复救助：上次为${RELIEF_CATEGORY_LABELS[g.category]}，本次为${RELIEF_CATEGORY_LABELS[category]}`, SOURCES.otherCause);
  }
  if (recent.length === 0) fire('yearly', 'pass', `近 ${p.reliefMonthsBetweenGrants} 个月内本家庭没有救助记录`, SOURCES.yearly);

  // Who counts as a hardship household (000).
  // Causes from the file's list, its own flags and the category applied for.
  const causes = new Set<string>([...file.hardshipCauses, category]);
  if (file.singleParent) causes.add('single_parent');
  if (file.disabilityGrade !== null) causes.add('disability');
  const largeLoss = (facts.medicalPersonalShareFen ?? 0) >= p.hardshipLossFen || (facts.disasterLossFen ?? 0) >= p.hardshipLossFen;
  // ≤200 %: schooling, disability, single parent "及其他特殊原因"; ≤300 % (which includes ≤200 %): illness or disaster.
  const within200 = ['schooling', 'disability', 'single_parent', 'other'].some((c) => causes.has(c));
  const within300 = ['illness', 'disaster'].some((c) => causes.has(c));
  const qualifies =
    file.tier === 'le150' ||
    (file.tier === 'le200' && (within200 || within300)) ||
    (file.tier === 'le300' && within300) ||
    largeLoss;
  if (qualifies) fire('tier', 'pass', '家庭人均收入和致困原因符合困难职工认定标准', SOURCES.tier);
  else fire('tier', 'override', '家庭人均收入和致困原因不符合困难职工认定标准（也没有达到 2 万元的自负医药费或灾害损失）', SOURCES.tier);

  const spouse = file.members.find((m) => m.relation === 'spouse');
  const spouseId = spouse?.idNumber ? validateIdNumber(spouse.idNumber, today) : null;
  const usualRange = (): [number, number] => [p.reliefMinimumFen, Math.min(p.reliefUsualMaxFen, p.reliefCapFen)];

  if (category === 'illness') {
    const onAllowance = file.allowanceStatus === 'dibao';
    const share = facts.medicalPersonalShareFen ?? 0;
    const spend = facts.medicalAnnualSpendFen ?? 0;
    const owed = facts.hospitalOwedFen ?? 0;
    let medicalCase: string | null = null;
    if (file.medicalInsured) {
      if (onAllowance && share > p.medicalPersonalShareFen) medicalCase = `低保户且大病个人负担 ${formatYuan(share)} 超过 ${formatYuan(p.medicalPersonalShareFen)}`;
      else if (onAllowance && spend > p.medicalAnnualSpendFen) medicalCase = `低保户且年度医药费总支出 ${formatYuan(spend)} 超过 ${formatYuan(p.medicalAnnualSpendFen)}`;
      if (medicalCase) fire('medical.insured', 'pass', `已参保，但${medicalCase}`, SOURCES.insured);
      else fire('medical.insured', 'override', '已参加基本医疗保险的职工原则上不再救济（不是低保户，或个人负担、年度医药费未达标准）', SOURCES.insured);
    } else if (onAllowance || file.allowanceStatus === 'marginal') {
      const limit = onAllowance ? p.hospitalOwedAllowanceFen : p.hospitalOwedMarginalFen;
      const who = onAllowance ? '低保户' : '低保边缘户';
      if (owed > limit) medicalCase = `未参保${who}年度积欠住院费 ${formatYuan(owed)} 超过 ${formatYuan(limit)}`;
      if (medicalCase) fire('medical.uninsured', 'pass', medicalCase, SOURCES.uninsured);
      else fire('medical.uninsured', 'override', `未参保${who}年度积欠住院费 ${formatYuan(owed)} 未超过 ${formatYuan(limit)}`, SOURCES.uninsured);
    } else {
      fire('medical.general', 'warn', '患大病未参保：先协调其所在单位和上级主管部门帮扶，中心予以一次性补助', SOURCES.uninsuredGeneral);
    }
    if (medicalCase) {
      range = usualRange();
      specialMaxFen = p.reliefCapFen;
      if (amountFen > range[1] && amountFen <= p.reliefCapFen) {
        fire('medical.special', 'warn', `超过通常的 ${formatYuan(range[0])}–${formatYuan(range[1])}，按特殊情况办理须在理由中写明（最多 ${formatYuan(p.reliefCapFen)}）`, SOURCES.insured);
      }
    }
  } else if (file.allowanceStatus === 'dibao') {
    const selfDisabled = file.disabilityGrade !== null;
    const childInSchool = file.members.some((m) => m.relation === 'child' && m.student);
    const selfOld = oldEnough(file.sex, file.birthDate, today, p);
    const spouseOld = spouseId?.ok ? oldEnough(spouseId.sex, spouseId.birthDate, today, p) : false;
    const exceptions: string[] = [];
    if (childInSchool && file.singleParent && (selfDisabled || selfOld)) exceptions.push('子女上学、单亲监护人残疾或达到年龄');
    if (selfDisabled && spouse?.disabled) exceptions.push('夫妻双方残疾');
    if (file.employmentStatus === 'laid_off' && facts.noIncome && selfOld && spouseOld) exceptions.push('夫妻双下岗、达到年龄且确无收入');
    if (exceptions.length > 0) {
      range = usualRange();
      fire('allowance.exception', 'pass', `低保户例外：${exceptions.join('；')}，一次性救济 ${formatYuan(range[0])}–${formatYuan(range[1])}`, SOURCES.allowance);
      if (amountFen > range[1]) fire('allowance.amount', 'override', `低保户例外救助为一次性 ${formatYuan(range[0])}–${formatYuan(range[1])}，申请金额超出`, SOURCES.allowance);
    } else {
      fire('allowance', 'override', '已享受低保的家庭原则上不再救济（不符合单亲监护、双残疾、双下岗等例外情形）', SOURCES.allowance);
    }
  }

  if (category === 'disaster' && !facts.siteVisited) fire('disaster.visit', 'warn', '意外灾害须由中心亲临现场查看，并与职工所在单位研究帮扶措施', SOURCES.disaster);
  if (category === 'schooling') {
    if (facts.dropoutRisk) fire('schooling', 'info', '子女确因经济原因可能失辍学：同时联系有关单位和院校减免费用', SOURCES.schooling);
    else fire('schooling', 'warn', '助学救助针对确因经济原因可能失辍学的子女，请核实', SOURCES.schooling);
  }

  if (amountFen > p.reliefCeilingFen) fire('ceiling', 'fail', `申请金额 ${formatYuan(amountFen)} 超过单笔救助最高限额 ${formatYuan(p.reliefCeilingFen)}，例外审批也不能突破`, SOURCES.ceiling);
  if (amountFen > p.reliefCapFen) fire('cap', 'override', `申请金额 ${formatYuan(amountFen)} 超过一般救助上限 ${formatYuan(p.reliefCapFen)}`, SOURCES.cap);

  const approvers: Approver[] = ['director'];
  fire('approver.director', 'info', '由中心主任核算决定', SOURCES.minimum);
  if (amountFen >= p.reliefChairThresholdFen) {
    approvers.push('chair');
    fire('approver.chair', 'info', `金额达到 ${formatYuan(p.reliefChairThresholdFen)}，主任审核后报工会主席同意`, SOURCES.chair);
  } else if (verdict === 'override') {
    approvers.push('chair');
    fire('approver.override', 'info', '有规则须例外处理：主任审核后报工会主席批准，并须写明理由', SOURCES.chair);
  }
  if (p.reliefNoticeRequired) fire('notice', 'info', `批准后须公示不少于 ${p.reliefNoticeDays} 天，无异议后发放`, SOURCES.notice);

  return {
    verdict,
    suggestedMinFen: verdict === 'not_eligible' ? null : range[0],
    suggestedMaxFen: verdict === 'not_eligible' ? null : range[1],
    specialMaxFen,
    approvers,
    warnings,
    rules,
    noticeRequired: p.reliefNoticeRequired,
  };
}
