// The last, unselectable line of a search-as-you-type drop-down when the search stopped at its limit.
import { Typography } from 'antd';

export const MORE_HITS_TEXT = '还有更多结果，请输入更多字';
/** Never an id: ids start at 1. */
export const MORE_HITS_VALUE = -1;

export const moreHitsOption = { value: MORE_HITS_VALUE, label: MORE_HITS_TEXT, disabled: true } as const;

export function MoreHitsLine() {
  return (
    <Typography.Text type="secondary" data-testid="more-hits">
      {MORE_HITS_TEXT}
    </Typography.Text>
  );
}
