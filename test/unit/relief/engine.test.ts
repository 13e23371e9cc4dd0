// Table-driven tests of the relief policy engine against its sources: the centre's charter (002 §三, §六.1),
// the hardship-household measures (003) and the 送温暖 plan's income tiers (000 §一). One row per rule and
// per boundary; each row quotes the sentence it tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseRelief, SOURCES, type EngineFile, type EngineInput, type EngineMember, type PastGrant } from '../../../electron/core/relief/engine';
import type { DecisionAdvice, ReliefFacts, RuleOutcome } from '../../../shared/contract/reliefTypes';
import { INCOME_TIERS } from '../../../shared/household';
import { RELIEF_CATEGORIES, type Approver, type ReliefCategory } from '../../../shared/relief';
import { SETTING_DEFAULTS, type Settings } from '../../../shared/settings';
import { ALLOWANCE_STATUSES, EMPLOYMENT_STATUSES, EXCLUSION_KINDS, HARDSHIP_CAUSES, type ExclusionKind } from '../../../shared/workerFile';
import {
  TODAY,
  bornJustUnder,
  bornYearsBefore,
  child,
  engineInput,
  grant,
  idNumber,
  rulesWithId,
  spouse,
  yuan,
  type InputSpec,
} from '../../fixtures/engine';

type Doc = '000' | '002' | '003';

interface Row {
  name: string;
  /** The sentence of the source document this row tests. */
  source: string;
  spec: InputSpec;
  verdict: DecisionAdvice['verdict'];
  /** [suggestedMinFen, suggestedMaxFen], or null when not eligible. */
  range: [number, number] | null;
  specialMaxFen: number | null;
  approvers: Approver[];
  /** A rule that must have fired, with its outcome, and the document its source must name. */
  rule: { id: string; outcome: RuleOutcome; doc: Doc };
  /** Further rules that must have fired. */
  alsoFired?: { id: string; outcome: RuleOutcome; doc: Doc }[];
  /** Rule ids that must not have fired. */
  absent?: string[];
  /** Whether the advice carries warnings (checked only when given). */
  warns?: boolean;
}

const D: Approver[] = ['director'];
const DC: Approver[] = ['director', 'chair'];
const FULL: [number, number] = [30_000, 100_000]; // default minimum .. cap
const USUAL: [number, number] = [30_000, 50_000]; // 一次性救济300-500元

// Dibao household shapes (002 §三(二)1).
const MAN_50 = bornYearsBefore(50);
const MAN_49 = bornJustUnder(50);
const WOMAN_40 = bornYearsBefore(40);
const WOMAN_39 = bornJustUnder(40);
const singleParent = (sex: 'male' | 'female', birthDate: string, extra: Partial<EngineFile> = {}): Partial<EngineFile> => ({
  allowanceStatus: 'dibao',
  sex,
  birthDate,
  singleParent: true,
  members: [child()],
  ...extra,
});
const bothLaidOff = (selfSex: 'male' | 'female', selfBirth: string, spouseSex: 'male' | 'female', spouseBirth: string): Partial<EngineFile> => ({
  allowanceStatus: 'dibao',
  sex: selfSex,
  birthDate: selfBirth,
  employmentStatus: 'laid_off',
  members: [spouse(spouseBirth, spouseSex)],
});
const bothDisabled: Partial<EngineFile> = {
  allowanceStatus: 'dibao',
  disabilityGrade: 2,
  members: [spouse('1982-02-02', 'female', { disabled: true })],
};

// Medical cases (002 §三(二)2–3).
const insuredDibao: Partial<EngineFile> = { allowanceStatus: 'dibao', medicalInsured: true };
const uninsured = (allowanceStatus: EngineFile['allowanceStatus']): Partial<EngineFile> => ({ allowanceStatus, medicalInsured: false });

const Q = {
  minimum: '002 §六.1(2) 中心主任做好日常的特困救济工作，一般救济不能低于300元，由中心工作人员提出建议，提供有关证明，由中心主任核算决定后办理',
  chair: '002 §六.1(3) 对于特殊困难职工需要救济1000元的，需及时报中心主任，主任报工会主席同意后立即办理',
  cap: '002 §三(二)2、3 特殊情况救济中心可予以300-500元的救济，最多不超过1000元',
  insured:
    '002 §三(二)2 凡已参加基本医疗保险的职工，原则上不再救济。除非属于符合“低保”条件，又患有大病个人承担部分超过5000元或一个年度里药费、医院费总支出超过30000元的……特殊情况救济中心可予以300-500元的救济，最多不超过1000元',
  uninsuredDibao: '002 §三(二)3 对于“低保”户且单位确实无力帮扶的，一个年度内积压住院费、药费超过5000元的，中心予以一次性救济，一般300-500元，特殊情况最多不超过1000元',
  uninsuredMarginal: '002 §三(二)3 对于“低保”临界户，经核算生活确实特别困难的，一个年度内积压住院费超过20000元的……中心予以一次性救济300-500元，特殊情况不超过1000元',
  uninsuredGeneral: '002 §三(一)2 对患大病又未进入基本医疗统筹范围的特困职工，帮扶中心予以一次性补助，并协调职工所在单位和上级主管部门予以救济',
  allowance:
    '002 §三(二)1 对已享有“低保”待遇的人员，原则上中心不再救济，除非家庭状况是小孩上学单亲监护人是残疾或男50岁以上，女40岁以上，或双残疾，或双下岗男50岁以上，女40岁以上，确实无收入的求援者，中心予以一次性救济300-500元',
  yearly: '002 §三(一) 帮扶中心对困难职工家庭的资金救济，原则上每年一次',
  otherCause: '003 符合条件的困难家庭一般一年救助一次……不得以不同原因重复救助',
  exclusion: '003 因参与赌博、吸毒等违法行为导致家庭生活困难或者拒绝参加技能培训和就业援助的不予实施困难救助',
  tier150: '000 §一(一) 家庭人均收入低于我市最低生活保障线150%以内(1170元)，经政府救助后仍生活困难的职工家庭',
  tier200: '000 §一(二) 家庭人均收入在我市最低生活保障线200%以内(1560元)(含)，但由于子女上学、残疾、单亲及其他特殊原因造成生活困难的职工家庭',
  tier300: '000 §一(三) 因职工本人或家庭成员患重大疾病或遭受重大意外灾害(伤害)，且家庭人均收入在我市最低生活保障线3倍以内(2340元)(含)',
  loss: '000 §一(四) 因职工本人或家庭成员患重大疾病或遭受重大意外灾害(伤害)导致生活困难，且自负医药费或家庭因灾害造成财产损失金额达2万元以上的职工家庭',
  disaster: '002 §三(二)4 职工家庭突遭意外灾害的，帮扶中心要亲临现场，并和职工所在单位研究帮扶措施',
  schooling: '002 §三(二)5 对特困职工家庭确因经济问题可能导致子女失辍学的，帮扶中心积极联系有关单位和院校协助和减免有关费用，并酌情予以一定的紧急救济',
} as const;

function check(row: Row): DecisionAdvice {
  const advice = adviseRelief(engineInput(row.spec));
  expect(advice.verdict).toBe(row.verdict);
  expect([advice.suggestedMinFen, advice.suggestedMaxFen]).toEqual(row.range ?? [null, null]);
  expect(advice.specialMaxFen).toBe(row.specialMaxFen);
  expect(advice.approvers).toEqual(row.approvers);
  for (const want of [row.rule, ...(row.alsoFired ?? [])]) {
    const fired = rulesWithId(advice, want.id);
    expect(fired.map((r) => r.outcome), `rule ${want.id}`).toContain(want.outcome);
    for (const r of fired.filter((f) => f.outcome === want.outcome)) {
      expect(r.source, `source of rule ${want.id}`).toContain(`（${want.doc}）`);
      expect(r.text.length).toBeGreaterThan(0);
    }
  }
  for (const id of row.absent ?? []) expect(rulesWithId(advice, id), `rule ${id} should not fire`).toEqual([]);
  if (row.warns !== undefined) expect(advice.warnings.length > 0).toBe(row.warns);
  return advice;
}

function table(title: string, rows: Row[]) {
  describe(title, () => {
    for (const row of rows) it(`${row.name} — ${row.source}`, () => void check(row));
  });
}

const ROWS: Record<string, Row[]> = {};
function rows(title: string, list: Row[]) {
  ROWS[title] = list;
  table(title, list);
}

// ——— Amount: minimum, chair threshold, cap (002 §六.1(2)(3), §三(二)2-3) ———
rows('amount boundaries (default policy)', [
  { name: '299 yuan is below the minimum', source: Q.minimum, spec: { amountFen: yuan(299) }, verdict: 'not_eligible', range: null, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'fail', doc: '002' } },
  { name: '299.99 yuan is still below the minimum', source: Q.minimum, spec: { amountFen: yuan(299.99) }, verdict: 'not_eligible', range: null, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'fail', doc: '002' } },
  { name: '0 yuan is below the minimum', source: Q.minimum, spec: { amountFen: 0 }, verdict: 'not_eligible', range: null, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'fail', doc: '002' } },
  { name: '300 yuan: eligible, director only', source: Q.minimum, spec: { amountFen: yuan(300) }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'pass', doc: '002' }, alsoFired: [{ id: 'approver.director', outcome: 'info', doc: '002' }], absent: ['approver.chair', 'cap'], warns: false },
  { name: '999 yuan: eligible, director only', source: Q.minimum, spec: { amountFen: yuan(999) }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'approver.director', outcome: 'info', doc: '002' }, absent: ['approver.chair', 'cap'] },
  { name: '999.99 yuan: eligible, director only', source: Q.chair, spec: { amountFen: yuan(999.99) }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'approver.director', outcome: 'info', doc: '002' }, absent: ['approver.chair'] },
  { name: '1,000 yuan: eligible, director and chair', source: Q.chair, spec: { amountFen: yuan(1000) }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'approver.chair', outcome: 'info', doc: '002' }, absent: ['cap'] },
  { name: '1,000.01 yuan: over the cap → override with chair', source: Q.cap, spec: { amountFen: yuan(1000.01) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'cap', outcome: 'override', doc: '002' } },
  { name: '1,001 yuan: over the cap → override with chair', source: Q.cap, spec: { amountFen: yuan(1001) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'cap', outcome: 'override', doc: '002' }, alsoFired: [{ id: 'approver.chair', outcome: 'info', doc: '002' }] },
]);

// ——— Medical: insured (002 §三(二)2) ———
rows('medical: insured workers', [
  { name: 'dibao, insured, personal share 6,000 → eligible 300–500, special up to 1,000', source: Q.insured, spec: { category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(6000) } }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.insured', outcome: 'pass', doc: '002' }, absent: ['allowance', 'medical.special'], warns: false },
  { name: 'dibao, insured, personal share 5,000.01 → eligible', source: Q.insured, spec: { category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(5000.01) } }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.insured', outcome: 'pass', doc: '002' } },
  { name: 'dibao, insured, personal share exactly 5,000 → override (超过)', source: Q.insured, spec: { category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(5000) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.insured', outcome: 'override', doc: '002' }, alsoFired: [{ id: 'approver.override', outcome: 'info', doc: '002' }] },
  { name: 'dibao, insured, annual spending 30,001 → eligible', source: Q.insured, spec: { category: 'illness', file: insuredDibao, facts: { medicalAnnualSpendFen: yuan(30_001) } }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.insured', outcome: 'pass', doc: '002' } },
  { name: 'dibao, insured, annual spending exactly 30,000 → override (超过)', source: Q.insured, spec: { category: 'illness', file: insuredDibao, facts: { medicalAnnualSpendFen: yuan(30_000) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.insured', outcome: 'override', doc: '002' } },
  { name: 'dibao, insured, no figures → override', source: Q.insured, spec: { category: 'illness', file: insuredDibao }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.insured', outcome: 'override', doc: '002' } },
  { name: 'insured, not on the allowance, share 6,000 → override', source: Q.insured, spec: { category: 'illness', facts: { medicalPersonalShareFen: yuan(6000) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.insured', outcome: 'override', doc: '002' } },
  { name: 'insured, allowance-borderline, spending 30,001 → override (only 低保 qualifies)', source: Q.insured, spec: { category: 'illness', file: { allowanceStatus: 'marginal' }, facts: { medicalAnnualSpendFen: yuan(30_001) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.insured', outcome: 'override', doc: '002' } },
  { name: 'dibao, insured, share 6,000, 800 yuan → eligible special case with warning', source: Q.insured, spec: { category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(6000) }, amountFen: yuan(800) }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.special', outcome: 'warn', doc: '002' }, warns: true },
  { name: 'dibao, insured, share 6,000, 500 yuan → no special-case warning', source: Q.insured, spec: { category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(6000) }, amountFen: yuan(500) }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.insured', outcome: 'pass', doc: '002' }, absent: ['medical.special'], warns: false },
  { name: 'dibao, insured, share 6,000, 1,000 yuan → eligible special case, chair', source: Q.cap, spec: { category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(6000) }, amountFen: yuan(1000) }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: DC, rule: { id: 'medical.special', outcome: 'warn', doc: '002' }, absent: ['cap'] },
  { name: 'dibao, insured, share 6,000, 1,001 yuan → over 最多不超过1000元', source: Q.cap, spec: { category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(6000) }, amountFen: yuan(1001) }, verdict: 'override', range: USUAL, specialMaxFen: 100_000, approvers: DC, rule: { id: 'cap', outcome: 'override', doc: '002' }, absent: ['medical.special'] },
]);

// ——— Medical: uninsured (002 §三(二)3, §三(一)2) ———
rows('medical: uninsured workers', [
  { name: 'uninsured dibao, hospital costs owed 5,000.01 → eligible 300–500', source: Q.uninsuredDibao, spec: { category: 'illness', file: uninsured('dibao'), facts: { hospitalOwedFen: yuan(5000.01) } }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.uninsured', outcome: 'pass', doc: '002' }, absent: ['allowance'] },
  { name: 'uninsured dibao, owed exactly 5,000 → override (超过)', source: Q.uninsuredDibao, spec: { category: 'illness', file: uninsured('dibao'), facts: { hospitalOwedFen: yuan(5000) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.uninsured', outcome: 'override', doc: '002' } },
  { name: 'uninsured dibao, owed 5,000.01, 1,000 yuan → special case, chair', source: Q.uninsuredDibao, spec: { category: 'illness', file: uninsured('dibao'), facts: { hospitalOwedFen: yuan(5000.01) }, amountFen: yuan(1000) }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: DC, rule: { id: 'medical.special', outcome: 'warn', doc: '002' } },
  { name: 'uninsured marginal, owed 20,000.01 → eligible 300–500', source: Q.uninsuredMarginal, spec: { category: 'illness', file: uninsured('marginal'), facts: { hospitalOwedFen: yuan(20_000.01) } }, verdict: 'eligible', range: USUAL, specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.uninsured', outcome: 'pass', doc: '002' } },
  { name: 'uninsured marginal, owed exactly 20,000 → override (超过)', source: Q.uninsuredMarginal, spec: { category: 'illness', file: uninsured('marginal'), facts: { hospitalOwedFen: yuan(20_000) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.uninsured', outcome: 'override', doc: '002' } },
  { name: 'uninsured marginal, owed 6,000 (enough for 低保, not for 边缘户) → override', source: Q.uninsuredMarginal, spec: { category: 'illness', file: uninsured('marginal'), facts: { hospitalOwedFen: yuan(6000) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.uninsured', outcome: 'override', doc: '002' } },
  { name: 'uninsured, neither dibao nor marginal → eligible with the general warning', source: Q.uninsuredGeneral, spec: { category: 'illness', file: uninsured('none') }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'medical.general', outcome: 'warn', doc: '002' }, absent: ['medical.insured', 'medical.uninsured'], warns: true },
]);

// ——— Households on the minimum-living allowance, other categories (002 §三(二)1) ———
rows('allowance (低保) households', [
  { name: 'dibao, no exception → override', source: Q.allowance, spec: { file: { allowanceStatus: 'dibao' } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' }, absent: ['allowance.exception'] },
  { name: 'dibao festival condolence, no exception → override', source: Q.allowance, spec: { category: 'festival', file: { allowanceStatus: 'dibao' } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'allowance-borderline household is not restricted', source: Q.allowance, spec: { file: { allowanceStatus: 'marginal' } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'pass', doc: '002' }, absent: ['allowance', 'allowance.exception'] },
  { name: 'single-parent guardian man aged 50 with a child at school → eligible 300–500', source: Q.allowance, spec: { file: singleParent('male', MAN_50) }, verdict: 'eligible', range: USUAL, specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' }, absent: ['allowance', 'allowance.amount'] },
  { name: 'single-parent guardian man aged 49 (birthday tomorrow) → override', source: Q.allowance, spec: { file: singleParent('male', MAN_49) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' }, absent: ['allowance.exception'] },
  { name: 'single-parent guardian woman aged 40 → eligible 300–500', source: Q.allowance, spec: { file: singleParent('female', WOMAN_40) }, verdict: 'eligible', range: USUAL, specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' } },
  { name: 'single-parent guardian woman aged 39 → override', source: Q.allowance, spec: { file: singleParent('female', WOMAN_39) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'single-parent guardian man aged 45 → override (man needs 50)', source: Q.allowance, spec: { file: singleParent('male', bornYearsBefore(45)) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'single-parent guardian aged 30 but disabled → eligible 300–500', source: Q.allowance, spec: { file: singleParent('male', bornYearsBefore(30), { disabilityGrade: 3 }) }, verdict: 'eligible', range: USUAL, specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' } },
  { name: 'single-parent man aged 50 whose child is not at school → override', source: Q.allowance, spec: { file: singleParent('male', MAN_50, { members: [child({ student: false })] }) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'man aged 50 with a child at school but not a single parent → override', source: Q.allowance, spec: { file: singleParent('male', MAN_50, { singleParent: false }) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'both spouses disabled → eligible 300–500', source: Q.allowance, spec: { file: bothDisabled }, verdict: 'eligible', range: USUAL, specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' } },
  { name: 'only the worker disabled → override', source: Q.allowance, spec: { file: { ...bothDisabled, members: [spouse('1982-02-02', 'female')] } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'only the spouse disabled → override', source: Q.allowance, spec: { file: { ...bothDisabled, disabilityGrade: null } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'both laid off, no income, man 50 and wife 40 (from her ID) → eligible 300–500', source: Q.allowance, spec: { file: bothLaidOff('male', MAN_50, 'female', WOMAN_40), facts: { noIncome: true } }, verdict: 'eligible', range: USUAL, specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' } },
  { name: 'both laid off, man 50 and wife 40, without noIncome → override', source: Q.allowance, spec: { file: bothLaidOff('male', MAN_50, 'female', WOMAN_40) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'both laid off, no income, man 50 and wife 39 → override', source: Q.allowance, spec: { file: bothLaidOff('male', MAN_50, 'female', WOMAN_39), facts: { noIncome: true } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'both laid off, no income, man 49 and wife 40 → override', source: Q.allowance, spec: { file: bothLaidOff('male', MAN_49, 'female', WOMAN_40), facts: { noIncome: true } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'both laid off, no income, worker woman 40 and husband 50 → eligible', source: Q.allowance, spec: { file: bothLaidOff('female', WOMAN_40, 'male', MAN_50), facts: { noIncome: true } }, verdict: 'eligible', range: USUAL, specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' } },
  { name: 'both laid off, no income, worker woman 40 and husband 49 → override', source: Q.allowance, spec: { file: bothLaidOff('female', WOMAN_40, 'male', MAN_49), facts: { noIncome: true } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'dibao exception (single parent) asking 600 → override (allowance.amount)', source: Q.allowance, spec: { file: singleParent('male', MAN_50), amountFen: yuan(600) }, verdict: 'override', range: USUAL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance.amount', outcome: 'override', doc: '002' }, alsoFired: [{ id: 'allowance.exception', outcome: 'pass', doc: '002' }] },
  { name: 'dibao exception (both disabled) asking 500.01 → override (allowance.amount)', source: Q.allowance, spec: { file: bothDisabled, amountFen: yuan(500.01) }, verdict: 'override', range: USUAL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance.amount', outcome: 'override', doc: '002' } },
  { name: 'dibao exception asking exactly 500 → eligible', source: Q.allowance, spec: { file: bothDisabled, amountFen: yuan(500) }, verdict: 'eligible', range: USUAL, specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' }, absent: ['allowance.amount'] },
  { name: 'dibao exception asking 299 → not eligible', source: Q.minimum, spec: { file: bothDisabled, amountFen: yuan(299) }, verdict: 'not_eligible', range: null, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'fail', doc: '002' } },
]);

// ——— Once a year; no repeat for another cause (002 §三(一); 003) ———
rows('once a year per family', [
  { name: 'second grant 11 months after the first, same category → override with chair', source: Q.yearly, spec: { history: [grant('2025-12-22')] }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'yearly', outcome: 'override', doc: '002' }, absent: ['otherCause'] },
  { name: 'second grant one day short of 12 months → override', source: Q.yearly, spec: { history: [grant('2025-11-23')] }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'yearly', outcome: 'override', doc: '002' } },
  { name: 'second grant the same day → override', source: Q.yearly, spec: { history: [grant(TODAY)] }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'yearly', outcome: 'override', doc: '002' } },
  { name: 'second grant exactly 12 months later → pass', source: Q.yearly, spec: { history: [grant('2025-11-22')] }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'yearly', outcome: 'pass', doc: '002' } },
  { name: 'second grant 12 months and one day later → pass', source: Q.yearly, spec: { history: [grant('2025-11-21')] }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'yearly', outcome: 'pass', doc: '002' }, absent: ['otherCause'] },
  { name: 'different category within 12 months → override with yearly and otherCause', source: Q.otherCause, spec: { category: 'schooling', facts: { dropoutRisk: true }, file: { hardshipCauses: ['schooling'] }, history: [grant('2026-03-01', 'living')] }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'otherCause', outcome: 'override', doc: '003' }, alsoFired: [{ id: 'yearly', outcome: 'override', doc: '002' }] },
  { name: 'different category more than 12 months ago → pass, no otherCause', source: Q.otherCause, spec: { category: 'disaster', facts: { siteVisited: true }, history: [grant('2025-10-01', 'illness')] }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'yearly', outcome: 'pass', doc: '002' }, absent: ['otherCause'] },
  { name: 'a grant dated after today is not counted', source: Q.yearly, spec: { history: [grant('2026-12-01')] }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'yearly', outcome: 'pass', doc: '002' } },
  { name: 'second grant 11 months later asking 1,000 → override, chair', source: Q.yearly, spec: { history: [grant('2025-12-22')], amountFen: yuan(1000) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'yearly', outcome: 'override', doc: '002' }, alsoFired: [{ id: 'approver.chair', outcome: 'info', doc: '002' }] },
]);

// ——— Exclusions (003) ———
const exclusionRows: Row[] = EXCLUSION_KINDS.flatMap((kind: ExclusionKind): Row[] => [
  { name: `exclusion ${kind} → override with chair`, source: Q.exclusion, spec: { file: { activeExclusions: [kind] } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: `exclusion.${kind}`, outcome: 'override', doc: '003' } },
  { name: `exclusion ${kind} on an otherwise qualifying dibao exception → override`, source: Q.exclusion, spec: { file: { ...bothDisabled, activeExclusions: [kind] } }, verdict: 'override', range: USUAL, specialMaxFen: null, approvers: DC, rule: { id: `exclusion.${kind}`, outcome: 'override', doc: '003' }, alsoFired: [{ id: 'allowance.exception', outcome: 'pass', doc: '002' }] },
]);
exclusionRows.push(
  { name: 'exclusion with 1,000 yuan → override, chair once', source: Q.exclusion, spec: { file: { activeExclusions: ['gambling'] }, amountFen: yuan(1000) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'exclusion.gambling', outcome: 'override', doc: '003' } },
  { name: 'exclusion with a qualifying medical case → override', source: Q.exclusion, spec: { category: 'illness', file: { ...insuredDibao, activeExclusions: ['drugs'] }, facts: { medicalPersonalShareFen: yuan(6000) } }, verdict: 'override', range: USUAL, specialMaxFen: 100_000, approvers: DC, rule: { id: 'exclusion.drugs', outcome: 'override', doc: '003' } },
  { name: 'all exclusions → each fires', source: Q.exclusion, spec: { file: { activeExclusions: [...EXCLUSION_KINDS] } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'exclusion.refused_means_check', outcome: 'override', doc: '003' }, alsoFired: EXCLUSION_KINDS.map((k) => ({ id: `exclusion.${k}`, outcome: 'override' as const, doc: '003' as const })) },
  { name: 'exclusion with 299 yuan → not eligible (the minimum wins)', source: Q.minimum, spec: { file: { activeExclusions: ['unlawful'] }, amountFen: yuan(299) }, verdict: 'not_eligible', range: null, specialMaxFen: null, approvers: D, rule: { id: 'exclusion.unlawful', outcome: 'override', doc: '003' } },
);
rows('exclusions', exclusionRows);

// ——— Income tiers (000 §一) ———
rows('income tiers', [
  { name: 'le150, living → eligible', source: Q.tier150, spec: { file: { tier: 'le150' } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le200, living, no cause → override', source: Q.tier200, spec: { file: { tier: 'le200' } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
  { name: 'le200 with schooling cause → eligible', source: Q.tier200, spec: { file: { tier: 'le200', hardshipCauses: ['schooling'] } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le200 with disability cause → eligible', source: Q.tier200, spec: { file: { tier: 'le200', hardshipCauses: ['disability'] } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le200 with single-parent cause → eligible', source: Q.tier200, spec: { file: { tier: 'le200', hardshipCauses: ['single_parent'] } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le200, schooling category (no cause on file) → eligible', source: Q.tier200, spec: { file: { tier: 'le200' }, category: 'schooling', facts: { dropoutRisk: true } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le200 with unemployment / low income causes → override', source: Q.tier200, spec: { file: { tier: 'le200', hardshipCauses: ['unemployment', 'low_income'] } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
  { name: 'le300 with illness cause → eligible', source: Q.tier300, spec: { file: { tier: 'le300', hardshipCauses: ['illness'] } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le300 with disaster cause → eligible', source: Q.tier300, spec: { file: { tier: 'le300', hardshipCauses: ['disaster'] } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le300, disaster category with site visited → eligible', source: Q.tier300, spec: { file: { tier: 'le300' }, category: 'disaster', facts: { siteVisited: true } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' }, warns: false },
  { name: 'le300, illness category, uninsured → eligible (general warning)', source: Q.tier300, spec: { file: { tier: 'le300', medicalInsured: false }, category: 'illness' }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'le300 with schooling cause only → override', source: Q.tier300, spec: { file: { tier: 'le300', hardshipCauses: ['schooling'] } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
  { name: 'le300, living, no cause → override', source: Q.tier300, spec: { file: { tier: 'le300' } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
  { name: 'above, illness cause → override', source: Q.loss, spec: { file: { tier: 'above', hardshipCauses: ['illness'] } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
  { name: 'above, self-paid medical cost exactly 20,000 → eligible (达2万元以上)', source: Q.loss, spec: { file: { tier: 'above', hardshipCauses: ['illness'] }, facts: { medicalPersonalShareFen: yuan(20_000) } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'above, self-paid medical cost 19,999.99 → override', source: Q.loss, spec: { file: { tier: 'above', hardshipCauses: ['illness'] }, facts: { medicalPersonalShareFen: yuan(19_999.99) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
  { name: 'above, disaster loss exactly 20,000, site visited → eligible', source: Q.loss, spec: { file: { tier: 'above' }, category: 'disaster', facts: { disasterLossFen: yuan(20_000), siteVisited: true } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'tier', outcome: 'pass', doc: '000' } },
  { name: 'above, disaster loss 19,999.99 → override', source: Q.loss, spec: { file: { tier: 'above' }, category: 'disaster', facts: { disasterLossFen: yuan(19_999.99), siteVisited: true } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
]);

// ——— Procedural warnings (002 §三(二)4–5) ———
rows('disaster and schooling warnings', [
  { name: 'disaster without a site visit → eligible with warning', source: Q.disaster, spec: { category: 'disaster' }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'disaster.visit', outcome: 'warn', doc: '002' }, warns: true },
  { name: 'disaster with the site visited → no warning', source: Q.disaster, spec: { category: 'disaster', facts: { siteVisited: true } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'pass', doc: '002' }, absent: ['disaster.visit'], warns: false },
  { name: 'schooling without dropout risk → eligible with warning', source: Q.schooling, spec: { category: 'schooling' }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'schooling', outcome: 'warn', doc: '002' }, warns: true },
  { name: 'schooling with dropout risk → info, no warning', source: Q.schooling, spec: { category: 'schooling', facts: { dropoutRisk: true } }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'schooling', outcome: 'info', doc: '002' }, warns: false },
]);

// ——— Policy changes move the boundaries (settings are passed in) ———
const POLICY_400_800: Partial<Settings> = { reliefMinimumFen: yuan(400), reliefChairThresholdFen: yuan(800) };
const P_FULL: [number, number] = [40_000, 100_000];
rows('policy: minimum 400, chair threshold 800', [
  { name: '399 → not eligible', source: Q.minimum, spec: { policy: POLICY_400_800, amountFen: yuan(399) }, verdict: 'not_eligible', range: null, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'fail', doc: '002' } },
  { name: '300 (old minimum) → not eligible', source: Q.minimum, spec: { policy: POLICY_400_800, amountFen: yuan(300) }, verdict: 'not_eligible', range: null, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'fail', doc: '002' } },
  { name: '400 → eligible, director only', source: Q.minimum, spec: { policy: POLICY_400_800, amountFen: yuan(400) }, verdict: 'eligible', range: P_FULL, specialMaxFen: null, approvers: D, rule: { id: 'minimum', outcome: 'pass', doc: '002' } },
  { name: '799 → director only', source: Q.chair, spec: { policy: POLICY_400_800, amountFen: yuan(799) }, verdict: 'eligible', range: P_FULL, specialMaxFen: null, approvers: D, rule: { id: 'approver.director', outcome: 'info', doc: '002' }, absent: ['approver.chair'] },
  { name: '800 → director and chair', source: Q.chair, spec: { policy: POLICY_400_800, amountFen: yuan(800) }, verdict: 'eligible', range: P_FULL, specialMaxFen: null, approvers: DC, rule: { id: 'approver.chair', outcome: 'info', doc: '002' } },
  { name: '1,000 → still within the cap, chair', source: Q.cap, spec: { policy: POLICY_400_800, amountFen: yuan(1000) }, verdict: 'eligible', range: P_FULL, specialMaxFen: null, approvers: DC, rule: { id: 'approver.chair', outcome: 'info', doc: '002' }, absent: ['cap'] },
  { name: '1,001 → over the cap', source: Q.cap, spec: { policy: POLICY_400_800, amountFen: yuan(1001) }, verdict: 'override', range: P_FULL, specialMaxFen: null, approvers: DC, rule: { id: 'cap', outcome: 'override', doc: '002' } },
  { name: 'dibao exception → suggested 400–500', source: Q.allowance, spec: { policy: POLICY_400_800, file: bothDisabled, amountFen: yuan(450) }, verdict: 'eligible', range: [40_000, 50_000], specialMaxFen: null, approvers: D, rule: { id: 'allowance.exception', outcome: 'pass', doc: '002' } },
]);
rows('policy: other settings', [
  { name: 'cap raised to 1,500: 1,200 is within the cap, chair', source: Q.cap, spec: { policy: { reliefCapFen: yuan(1500) }, amountFen: yuan(1200) }, verdict: 'eligible', range: [30_000, 150_000], specialMaxFen: null, approvers: DC, rule: { id: 'approver.chair', outcome: 'info', doc: '002' }, absent: ['cap'] },
  { name: 'interval 6 months: a grant 7 months ago passes', source: Q.yearly, spec: { policy: { reliefMonthsBetweenGrants: 6 }, history: [grant('2026-04-22')] }, verdict: 'eligible', range: FULL, specialMaxFen: null, approvers: D, rule: { id: 'yearly', outcome: 'pass', doc: '002' } },
  { name: 'interval 6 months: a grant 5 months ago → override', source: Q.yearly, spec: { policy: { reliefMonthsBetweenGrants: 6 }, history: [grant('2026-06-22')] }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'yearly', outcome: 'override', doc: '002' } },
  { name: 'exception age raised to 55: single-parent man aged 50 → override', source: Q.allowance, spec: { policy: { allowanceExceptionAgeMale: 55 }, file: singleParent('male', MAN_50) }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'allowance', outcome: 'override', doc: '002' } },
  { name: 'medical share threshold 8,000: share 6,000 → override', source: Q.insured, spec: { policy: { medicalPersonalShareFen: yuan(8000) }, category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(6000) } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'medical.insured', outcome: 'override', doc: '002' } },
  { name: 'usual maximum 600: medical case suggests 300–600', source: Q.insured, spec: { policy: { reliefUsualMaxFen: yuan(600) }, category: 'illness', file: insuredDibao, facts: { medicalPersonalShareFen: yuan(6000) } }, verdict: 'eligible', range: [30_000, 60_000], specialMaxFen: 100_000, approvers: D, rule: { id: 'medical.insured', outcome: 'pass', doc: '002' } },
  { name: 'loss threshold 30,000: loss of 20,000 above the tiers → override', source: Q.loss, spec: { policy: { hardshipLossFen: yuan(30_000) }, file: { tier: 'above' }, category: 'disaster', facts: { disasterLossFen: yuan(20_000), siteVisited: true } }, verdict: 'override', range: FULL, specialMaxFen: null, approvers: DC, rule: { id: 'tier', outcome: 'override', doc: '000' } },
]);

describe('the rule sources name their documents', () => {
  it('SOURCES quote the charter, 003 and 000', () => {
    expect(SOURCES.minimum).toContain('（002）');
    expect(SOURCES.minimum).toContain('300元');
    expect(SOURCES.chair).toContain('1000元');
    expect(SOURCES.chair).toContain('工会主席');
    expect(SOURCES.cap).toContain('1000元');
    expect(SOURCES.allowance).toContain('300-500元');
    expect(SOURCES.insured).toContain('5000');
    expect(SOURCES.insured).toContain('30000');
    expect(SOURCES.uninsured).toContain('20000');
    expect(SOURCES.yearly).toContain('每年一次');
    expect(SOURCES.otherCause).toContain('（003）');
    expect(SOURCES.otherCause).toContain('不得以不同原因重复救助');
    expect(SOURCES.exclusion).toContain('（003）');
    expect(SOURCES.exclusion).toContain('赌博');
    expect(SOURCES.exclusion).toContain('吸毒');
    expect(SOURCES.tier).toContain('（000）');
    expect(SOURCES.tier).toContain('2万元');
  });

  it('every fired rule carries a source and a text', () => {
    const advice = adviseRelief(engineInput({ file: { ...bothDisabled, activeExclusions: ['gambling'] }, history: [grant('2026-01-01', 'illness')], amountFen: yuan(1200) }));
    for (const r of advice.rules) {
      expect(r.source).toMatch(/（00[0-3]）/);
      expect(r.text.length).toBeGreaterThan(0);
    }
  });

  it('public notice follows the policy', () => {
    const on = adviseRelief(engineInput());
    expect(on.noticeRequired).toBe(true);
    expect(rulesWithId(on, 'notice')[0]?.source).toContain('（000）');
    const off = adviseRelief(engineInput({ policy: { reliefNoticeRequired: false } }));
    expect(off.noticeRequired).toBe(false);
    expect(rulesWithId(off, 'notice')).toEqual([]);
  });

  it('the ID builder yields valid IDs whose birth date the engine reads', () => {
    expect(idNumber(WOMAN_40, 'female')).toMatch(/^110101\d{11}[\dX]$/);
  });
});

// ——— Properties ———
const isoDate = fc
  .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const birthDate = fc
  .integer({ min: Date.UTC(1955, 0, 1), max: Date.UTC(2000, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const sex = fc.constantFrom<'male' | 'female'>('male', 'female');
const member: fc.Arbitrary<EngineMember> = fc.record({
  relation: fc.constantFrom<EngineMember['relation']>('spouse', 'child', 'parent', 'sibling', 'other'),
  idNumber: fc.oneof(fc.tuple(birthDate, sex).map(([b, s]) => idNumber(b, s)), fc.constant(''), fc.constant('110101198001011234')),
  disabled: fc.boolean(),
  student: fc.boolean(),
});
const file: fc.Arbitrary<EngineFile> = fc.record({
  sex,
  birthDate,
  allowanceStatus: fc.constantFrom(...ALLOWANCE_STATUSES),
  medicalInsured: fc.boolean(),
  disabilityGrade: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  singleParent: fc.boolean(),
  employmentStatus: fc.constantFrom(...EMPLOYMENT_STATUSES),
  tier: fc.constantFrom(...INCOME_TIERS),
  hardshipCauses: fc.subarray([...HARDSHIP_CAUSES]),
  members: fc.array(member, { maxLength: 4 }),
  activeExclusions: fc.subarray([...EXCLUSION_KINDS]),
});
const category = fc.constantFrom<ReliefCategory>(...RELIEF_CATEGORIES);
const money = fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined });
const facts: fc.Arbitrary<ReliefFacts> = fc.record(
  {
    medicalPersonalShareFen: money,
    medicalAnnualSpendFen: money,
    hospitalOwedFen: money,
    disasterLossFen: money,
    schoolFeesFen: money,
    noIncome: fc.boolean(),
    siteVisited: fc.boolean(),
    dropoutRisk: fc.boolean(),
  },
  { requiredKeys: [] },
);
const pastGrant: fc.Arbitrary<PastGrant> = fc.record({
  number: fc.constant('JZ-2025-000001'),
  category,
  amountFen: fc.integer({ min: 30_000, max: 100_000 }),
  date: isoDate,
});
/** Policies keep minimum ≤ chair threshold ≤ cap, as the settings screen does. */
const policy: fc.Arbitrary<Settings> = fc
  .record({
    min: fc.integer({ min: 0, max: 100_000 }),
    chairAbove: fc.integer({ min: 0, max: 100_000 }),
    capAbove: fc.integer({ min: 0, max: 100_000 }),
    usual: fc.integer({ min: 0, max: 200_000 }),
    months: fc.integer({ min: 0, max: 24 }),
    notice: fc.boolean(),
  })
  .map(({ min, chairAbove, capAbove, usual, months, notice }) => ({
    ...SETTING_DEFAULTS,
    reliefMinimumFen: min,
    reliefChairThresholdFen: min + chairAbove,
    reliefCapFen: min + chairAbove + capAbove,
    reliefUsualMaxFen: usual,
    reliefMonthsBetweenGrants: months,
    reliefNoticeRequired: notice,
  }));
const engineInputArb: fc.Arbitrary<EngineInput> = fc.record({
  file,
  history: fc.array(pastGrant, { maxLength: 3 }),
  category,
  facts,
  amountFen: fc.integer({ min: 0, max: 300_000 }),
  policy: fc.oneof(fc.constant(SETTING_DEFAULTS), policy),
  today: fc.oneof(fc.constant(TODAY), isoDate),
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('properties', () => {
  it('the verdict is never eligible when an exclusion is active', () => {
    fc.assert(
      fc.property(engineInputArb, fc.constantFrom(...EXCLUSION_KINDS), (input, kind) => {
        const withFlag = { ...input, file: { ...input.file, activeExclusions: [...new Set([...input.file.activeExclusions, kind])] } };
        const advice = adviseRelief(withFlag);
        expect(advice.verdict).not.toBe('eligible');
        expect(rulesWithId(advice, `exclusion.${kind}`).map((r) => r.outcome)).toEqual(['override']);
        if (advice.verdict === 'override') expect(advice.approvers).toContain('chair');
      }),
    );
  });

  it('approvers always start with the director, with the chair at most once after', () => {
    fc.assert(
      fc.property(engineInputArb, (input) => {
        const { approvers } = adviseRelief(input);
        expect(approvers[0]).toBe('director');
        expect(approvers.length === 1 || (approvers.length === 2 && approvers[1] === 'chair')).toBe(true);
      }),
    );
  });

  it('an amount at or above the chair threshold needs the chair', () => {
    fc.assert(
      fc.property(engineInputArb, (input) => {
        fc.pre(input.amountFen >= input.policy.reliefChairThresholdFen);
        expect(adviseRelief(input).approvers).toContain('chair');
      }),
    );
  });

  it('an amount below the minimum is never eligible and has no suggested range', () => {
    fc.assert(
      fc.property(engineInputArb, (input) => {
        fc.pre(input.amountFen < input.policy.reliefMinimumFen);
        const advice = adviseRelief(input);
        expect(advice.verdict).toBe('not_eligible');
        expect(advice.suggestedMinFen).toBeNull();
        expect(advice.suggestedMaxFen).toBeNull();
      }),
    );
  });

  it('an override verdict always brings the chair in', () => {
    fc.assert(
      fc.property(engineInputArb, (input) => {
        const advice = adviseRelief(input);
        if (advice.verdict === 'override') expect(advice.approvers).toContain('chair');
        if (advice.verdict === 'eligible') expect(advice.rules.some((r) => r.outcome === 'override' || r.outcome === 'fail')).toBe(false);
      }),
    );
  });

  it('is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(engineInputArb, (input) => {
        const before = structuredClone(input);
        const first = adviseRelief(input);
        expect(input).toEqual(before);
        const second = adviseRelief(deepFreeze(structuredClone(input)));
        expect(second).toEqual(first);
      }),
    );
  });
});

describe('row count', () => {
  it('has at least one row per rule and boundary', () => {
    const total = Object.values(ROWS).reduce((n, list) => n + list.length, 0);
    expect(total).toBeGreaterThanOrEqual(80);
  });
});
