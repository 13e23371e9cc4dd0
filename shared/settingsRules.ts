import { formatYuan } from './money';
import type { SettingKey, Settings } from './settings';

// Rules between settings that no single field can check: the relief amounts must stand in order
// (a minimum above the cap would refuse every application) and a 公示 lasts at least 5 days (001).

export interface SettingsProblem {
  /** The fields involved, first the one the message starts with. */
  keys: SettingKey[];
  message: string;
}

/** The shortest notice the rules allow (001: 公示时间不少于5天); the setting may ask for more, never less. */
export const MIN_NOTICE_DAYS = 5;

const AMOUNT_ORDER: { key: SettingKey & `relief${string}Fen`; name: string }[] = [
  { key: 'reliefMinimumFen', name: '最低救助金额' },
  { key: 'reliefChairThresholdFen', name: '须报工会主席的金额' },
  { key: 'reliefCapFen', name: '一般救助上限' },
  { key: 'reliefCeilingFen', name: '单笔救助最高限额' },
];

export function settingsProblems(s: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (let i = 0; i + 1 < AMOUNT_ORDER.length; i++) {
    const low = AMOUNT_ORDER[i]!;
    const high = AMOUNT_ORDER[i + 1]!;
    if (s[low.key] > s[high.key]) {
      problems.push({
        keys: [low.key, high.key],
        message: `${low.name} ${formatYuan(s[low.key])} 不能高于${high.name} ${formatYuan(s[high.key])}`,
      });
    }
  }
  if (s.reliefNoticeDays < MIN_NOTICE_DAYS) {
    problems.push({ keys: ['reliefNoticeDays'], message: `公示天数不能少于 ${MIN_NOTICE_DAYS} 天（现填 ${s.reliefNoticeDays} 天）` });
  }
  return problems;
}
