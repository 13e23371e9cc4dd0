// Which target groups a worker file fits, and why: a pure function of the file's facts (seed 000 §一, §三).
import { CAMPAIGN_GROUP_LABELS, type CampaignGroup } from '../../../shared/campaign';
import type { IncomeTier } from '../../../shared/household';
import type { EmploymentStatus, ModelWorkerLevel } from '../../../shared/workerFile';

export interface CriteriaFile {
  employmentStatus: EmploymentStatus;
  modelWorkerLevel: ModelWorkerLevel;
  tier: IncomeTier;
  causes: readonly string[];
  singleParent: boolean;
  disabled: boolean;
}

const TIER_TEXT: Record<IncomeTier, string> = { le150: '150%', le200: '200%', le300: '300%', above: '' };

/** Why the household counts as hard-up (000 §一), or null when it does not. */
export function hardshipReason(f: CriteriaFile): string | null {
  const has = (c: string) => f.causes.includes(c);
  if (f.tier === 'le150') return '家庭人均收入在低保线 150% 以内';
  if (f.tier === 'le200' && (has('schooling') || has('disability') || has('single_parent') || f.singleParent || f.disabled)) {
    return `家庭人均收入在低保线 ${TIER_TEXT.le200} 以内，且因学、因残或单亲致困`;
  }
  if ((f.tier === 'le200' || f.tier === 'le300') && (has('illness') || has('disaster'))) return '家庭人均收入在低保线 300% 以内，且因病或因灾致困';
  return null;
}

const MODEL_GROUP: Partial<Record<ModelWorkerLevel, CampaignGroup>> = { national: 'model_national', provincial: 'model_provincial', city: 'model_city' };

/** The campaign's groups this file fits, in the campaign's order, each with its reason. */
export function matchGroups(f: CriteriaFile, groups: readonly CampaignGroup[]): { group: CampaignGroup; reason: string }[] {
  const hard = hardshipReason(f);
  const out: { group: CampaignGroup; reason: string }[] = [];
  for (const g of groups) {
    let reason: string | null = null;
    switch (g) {
      case 'hardship':
        reason = hard && f.employmentStatus !== 'migrant' ? hard : null;
        break;
      case 'migrant':
        reason = hard && f.employmentStatus === 'migrant' ? `农民工，${hard}` : null;
        break;
      case 'model_national':
      case 'model_provincial':
      case 'model_city':
        reason = MODEL_GROUP[f.modelWorkerLevel] === g ? `档案登记为${CAMPAIGN_GROUP_LABELS[g]}` : null;
        break;
      case 'illness':
      case 'schooling':
      case 'disaster':
        reason = hard && f.causes.includes(g) ? `${CAMPAIGN_GROUP_LABELS[g]}，${hard}` : null;
        break;
      case 'school_primary':
      case 'school_junior':
      case 'school_senior':
      case 'school_college':
        // The level itself is what the list's author states; the file shows the family is hard up through schooling.
        reason = hard && f.causes.includes('schooling') ? `因学致困（${CAMPAIGN_GROUP_LABELS[g]}，学段由上报单位或经办人确认），${hard}` : null;
        break;
    }
    if (reason) out.push({ group: g, reason });
  }
  return out;
}
