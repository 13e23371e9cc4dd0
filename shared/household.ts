// Household size and income tier (DOMAIN §2, seed 000: 家庭成员一般按三口计算 …).

export const RELATIONS = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_LABELS: Record<Relation, string> = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女',
  other: '其他',
};

export const MARITAL_STATUSES = ['married', 'unmarried', 'divorced', 'widowed'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export const MARITAL_STATUS_LABELS: Record<MaritalStatus, string> = {
  married: '已婚',
  unmarried: '未婚',
  divorced: '离异',
  widowed: '丧偶',
};

export interface HouseholdMember {
  relation: Relation;
  /** Unknown means unmarried for children and siblings, married for everyone else. */
  unmarried?: boolean;
}

export interface HouseholdInput {
  maritalStatus: MaritalStatus;
  singleParent: boolean;
  /** Members other than the worker. */
  members: HouseholdMember[];
}

export interface HouseholdSize {
  size: number;
  rule: string;
}

function isUnmarried(m: HouseholdMember): boolean {
  if (m.unmarried !== undefined) return m.unmarried;
  return m.relation === 'child' || m.relation === 'sibling';
}

/**
 * Seed 000 rule, as applied here (worker always counts as one):
 * - single parent (flag, or divorced/widowed with unmarried children): self + unmarried children;
 * - married: self + spouse (counted even if not yet entered) + unmarried children — with exactly
 *   one child that is the usual 3; no children (2) and 2+ children use the real count;
 * - divorced/widowed without unmarried children: self only;
 * - unmarried: self + listed parents + other unmarried members (siblings etc.).
 * Married children, parents of married workers etc. are not counted.
 */
export function householdSize(input: HouseholdInput): HouseholdSize {
  const children = input.members.filter((m) => m.relation === 'child' && isUnmarried(m)).length;
  const { maritalStatus } = input;

  if (input.singleParent || ((maritalStatus === 'divorced' || maritalStatus === 'widowed') && children > 0)) {
    return {
      size: 1 + children,
      rule: `单亲家庭按实际人口计算：本人和 ${children} 名未婚子女`,
    };
  }

  if (maritalStatus === 'married') {
    const size = 2 + children;
    if (children === 0) return { size, rule: '已婚无子女按实际人口计算：本人和配偶' };
    if (children === 1) return { size, rule: '已婚按本人、配偶和未婚子女计算，一般按三口计算' };
    return { size, rule: `多子女家庭按实际人口计算：本人、配偶和 ${children} 名未婚子女` };
  }

  if (maritalStatus === 'divorced' || maritalStatus === 'widowed') {
    return { size: 1, rule: `${MARITAL_STATUS_LABELS[maritalStatus]}无未婚子女，按本人 1 人计算` };
  }

  const parents = input.members.filter((m) => m.relation === 'parent').length;
  const others = input.members.filter(
    (m) => m.relation !== 'parent' && m.relation !== 'spouse' && isUnmarried(m),
  ).length;
  return {
    size: 1 + parents + others,
    rule: `未婚按父母、本人和家庭其他未婚成员计算：父母 ${parents} 人、本人、其他未婚成员 ${others} 人`,
  };
}

/** Household income / size, floored to whole fen (exact integer math). */
export function perCapitaIncomeFen(householdIncomeFen: number, size: number): number {
  if (!Number.isSafeInteger(householdIncomeFen)) {
    throw new RangeError(`家庭收入必须是整数分：${householdIncomeFen}`);
  }
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`家庭人口数不正确：${size}`);
  const rem = ((householdIncomeFen % size) + size) % size;
  return (householdIncomeFen - rem) / size;
}

export const INCOME_TIERS = ['le150', 'le200', 'le300', 'above'] as const;
export type IncomeTier = (typeof INCOME_TIERS)[number];

export const INCOME_TIER_LABELS: Record<IncomeTier, string> = {
  le150: '≤150%（生活困难）',
  le200: '≤200%（因学/残/单亲可认定）',
  le300: '≤300%（因病/因灾可认定）',
  above: '高于300%',
};

/** Per-capita income against the minimum-living line (both fen/month); boundaries inclusive. */
export function incomeTier(perCapitaFen: number, lineFen: number): IncomeTier {
  if (!Number.isSafeInteger(perCapitaFen)) throw new RangeError(`人均收入必须是整数分：${perCapitaFen}`);
  if (!Number.isSafeInteger(lineFen) || lineFen <= 0) {
    throw new RangeError(`最低生活保障线必须是正整数分：${lineFen}`);
  }
  const scaled = perCapitaFen * 100;
  if (scaled <= lineFen * 150) return 'le150';
  if (scaled <= lineFen * 200) return 'le200';
  if (scaled <= lineFen * 300) return 'le300';
  return 'above';
}

// Dynamic management warning colours (001): red and yellow are set by the clerk with a note;
// orange follows from the income: per-capita income above the line but within 150 % of it.
export const RISK_FLAGS = ['none', 'red', 'yellow'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];
export const RISK_FLAG_LABELS: Record<RiskFlag, string> = {
  none: '无',
  red: '红色：收入骤降或支出剧增，尚未纳入低保',
  yellow: '黄色：收入不稳定、刚脱困或有其他风险',
};
export type WarningLevel = 'red' | 'orange' | 'yellow';
export const WARNING_LABELS: Record<WarningLevel, string> = { red: '红色预警', orange: '橙色预警', yellow: '黄色预警' };

export function warningLevel(flag: RiskFlag, perCapitaFen: number, lineFen: number): WarningLevel | null {
  if (flag === 'red') return 'red';
  if (perCapitaFen > lineFen && incomeTier(perCapitaFen, lineFen) === 'le150') return 'orange';
  if (flag === 'yellow') return 'yellow';
  return null;
}

/** Floor of line × pct / 100 in fen; integer per-capita ≤ this ⇔ per-capita × 100 ≤ line × pct (incomeTier's test). */
export const lineMultipleFen = (lineFen: number, pct: number) => Math.floor((lineFen * pct) / 100);
