import { Alert, Card, Divider, Typography } from 'antd';
import { householdSize, incomeTier, lineMultipleFen, perCapitaIncomeFen, type MaritalStatus, type Relation } from '../../../../shared/household';
import { formatYuan } from '../../../../shared/money';
import type { HardshipCause } from '../../../../shared/workerFile';
import { TierTag } from './fileLabels';

export interface PreviewMember {
  relation?: Relation;
  unmarried?: boolean;
  monthlyIncomeFen?: number;
}

interface Props {
  maritalStatus?: MaritalStatus;
  singleParent?: boolean;
  members: PreviewMember[];
  ownMonthlyIncomeFen?: number;
  hardshipCauses?: HardshipCause[];
  minLivingLineFen: number | null;
}

/** What the tier means for the causes chosen (DOMAIN §2, seed 000); a hint for the clerk, the decision is made later. */
export function tierAdvice(tier: ReturnType<typeof incomeTier>, causes: readonly HardshipCause[]): { type: 'success' | 'warning' | 'info'; text: string } {
  const has = (...cs: HardshipCause[]) => cs.some((c) => causes.includes(c));
  switch (tier) {
    case 'le150':
      return { type: 'success', text: '人均收入不高于低保线 150%，属生活困难。' };
    case 'le200':
      return has('schooling', 'disability', 'single_parent')
        ? { type: 'success', text: '人均收入在低保线 150%–200% 之间，因学、因残或单亲可认定。' }
        : { type: 'warning', text: '人均收入在低保线 150%–200% 之间，须因学、因残或单亲方可认定。' };
    case 'le300':
      return has('illness', 'disaster')
        ? { type: 'success', text: '人均收入在低保线 200%–300% 之间，因病或因灾可认定。' }
        : { type: 'warning', text: '人均收入在低保线 200%–300% 之间，须因病或因灾方可认定。' };
    case 'above':
      return { type: 'info', text: '人均收入高于低保线 300%；年度自付医疗费或受灾损失达 2 万元的除外。' };
  }
}

/** Live household size, per-capita income and tier beside the file form. */
export function HouseholdPreview(p: Props) {
  const listed = p.members.filter((m): m is PreviewMember & { relation: Relation } => !!m?.relation);
  const badIncome = p.ownMonthlyIncomeFen === undefined || p.members.some((m) => m && m.monthlyIncomeFen === undefined);
  const incomeFen = (p.ownMonthlyIncomeFen ?? 0) + p.members.reduce((sum, m) => sum + (m?.monthlyIncomeFen ?? 0), 0);
  const size = p.maritalStatus
    ? householdSize({
        maritalStatus: p.maritalStatus,
        singleParent: !!p.singleParent,
        members: listed.map((m) => (m.unmarried === undefined ? { relation: m.relation } : { relation: m.relation, unmarried: m.unmarried })),
      })
    : null;
  const perCapita = size && Number.isSafeInteger(incomeFen) ? perCapitaIncomeFen(incomeFen, size.size) : null;
  const line = p.minLivingLineFen;
  const tier = perCapita !== null && line ? incomeTier(perCapita, line) : null;
  const advice = tier ? tierAdvice(tier, p.hardshipCauses ?? []) : null;

  return (
    <Card size="small" title="家庭收入测算（实时）" data-testid="household-preview">
      <PreviewRow label="家庭人口">
        {size ? (
          <>
            <Typography.Text strong data-testid="preview-size">{size.size} 人</Typography.Text>
            <Small testId="preview-rule">{size.rule}</Small>
          </>
        ) : (
          <Typography.Text type="secondary">选择婚姻状况后计算</Typography.Text>
        )}
      </PreviewRow>
      <PreviewRow label="家庭月收入">
        <span data-testid="preview-income">{formatYuan(incomeFen)}</span>
        <Small>
          本人 {formatYuan(p.ownMonthlyIncomeFen ?? 0)}
          {listed.length > 0 && ` + 成员 ${formatYuan(incomeFen - (p.ownMonthlyIncomeFen ?? 0))}`}
        </Small>
      </PreviewRow>
      <PreviewRow label="人均月收入">
        {perCapita !== null ? (
          <Typography.Text strong data-testid="preview-per-capita">{formatYuan(perCapita)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </PreviewRow>
      <PreviewRow label="收入档次">
        {tier ? <TierTag tier={tier} testId="preview-tier" /> : <Typography.Text type="secondary">{line === null ? '正在读取低保线…' : '—'}</Typography.Text>}
      </PreviewRow>
      {badIncome && <Alert style={{ marginTop: 8 }} type="error" showIcon title="有收入金额填写不正确，测算暂按 0 元计。" />}
      {advice && <Alert style={{ marginTop: 8 }} type={advice.type} showIcon title={advice.text} />}
      {line !== null && line > 0 && (
        <>
          <Divider style={{ margin: '12px 0 8px' }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            按现行最低生活保障线 {formatYuan(line)}/月：150% 为 {formatYuan(lineMultipleFen(line, 150))}，200% 为 {formatYuan(lineMultipleFen(line, 200))}，300% 为{' '}
            {formatYuan(lineMultipleFen(line, 300))}。保存后以系统核算为准。
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

function PreviewRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '80px 1fr', gap: 8, padding: '6px 0' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </div>
  );
}

function Small({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }} data-testid={testId}>
      {children}
    </div>
  );
}
