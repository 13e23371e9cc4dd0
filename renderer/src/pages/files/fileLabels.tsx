import { WARNING_LABELS, type WarningLevel } from '../../../../shared/household';
// Small shared bits of the worker-file pages: tags, masks and label tables.
import { Tag } from 'antd';
import type { SearchHit } from '../../../../shared/contract/files';
import { INCOME_TIER_LABELS, type IncomeTier } from '../../../../shared/household';
import { FILE_STATUS_LABELS, type FileStatus } from '../../../../shared/workerFile';

export const MATCHED_BY_LABELS: Record<SearchHit['matchedBy'], string> = {
  name: '姓名',
  pinyin: '拼音',
  initials: '首字母',
  idNumber: '身份证号',
  phone: '电话',
  workUnit: '单位',
};

/** Lowest tier (hardest up) is the most urgent colour. */
export const TIER_COLORS: Record<IncomeTier, string> = {
  le150: 'red',
  le200: 'orange',
  le300: 'gold',
  above: 'default',
};

export function TierTag({ tier, testId }: { tier: IncomeTier; testId?: string }) {
  return (
    <Tag color={TIER_COLORS[tier]} data-testid={testId}>
      {INCOME_TIER_LABELS[tier]}
    </Tag>
  );
}

export function StatusTag({ status, testId }: { status: FileStatus; testId?: string }) {
  return (
    <Tag color={status === 'active' ? 'green' : 'default'} data-testid={testId}>
      {FILE_STATUS_LABELS[status]}
    </Tag>
  );
}

/** 6222021234567890123 → **** **** **** 0123 */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\s+/g, '');
  if (!digits) return '';
  if (digits.length <= 4) return digits;
  return `**** **** **** ${digits.slice(-4)}`;
}

export const SEX_LABELS = { male: '男', female: '女' } as const;


const WARNING_COLORS: Record<WarningLevel, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

/** The dynamic-management colour of a file, or nothing. */
export function WarningTag({ level, testId }: { level: WarningLevel | null; testId?: string }) {
  return level ? (
    <Tag color={WARNING_COLORS[level]} data-testid={testId}>
      {WARNING_LABELS[level]}
    </Tag>
  ) : null;
}
