import { Tag } from 'antd';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../../../shared/campaign';

export const BUILDER_ROLES = ['staff', 'director'] as const;
const STATUS_COLORS: Record<CampaignStatus, string> = { draft: 'default', pending_director: 'gold', pending_chair: 'orange', approved: 'green' };

export const CampaignStatusTag = ({ status }: { status: CampaignStatus }) => <Tag color={STATUS_COLORS[status]}>{CAMPAIGN_STATUS_LABELS[status]}</Tag>;
