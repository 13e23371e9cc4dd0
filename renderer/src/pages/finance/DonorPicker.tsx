import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Donor } from '../../../../shared/contract/ledger';
import { DONOR_KIND_LABELS } from '../../../../shared/ledger';
import { invoke } from '../../api';
import { MoreHitsLine, moreHitsOption } from '../../components/moreHits';

const DEBOUNCE_MS = 150;

/** Donor select with search: ledger.donors by name as the clerk types. Form.Item gives value/onChange (the donor id). */
export function DonorPicker({
  value,
  onChange,
  picked,
  onPicked,
  id,
  autoFocus,
  onQuery,
}: {
  value?: number;
  onChange?(id: number | undefined): void;
  /** The donor behind `value` (a just-created one may not be in the search results yet). */
  picked: Donor | null;
  onPicked(d: Donor | null): void;
  id?: string;
  autoFocus?: boolean;
  /** What the clerk has typed, to carry into 新增捐赠人. */
  onQuery?(q: string): void;
}) {
  const [q, setQ] = useState('');
  const [donors, setDonors] = useState<Donor[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      invoke('ledger.donors', { q: q.trim() })
        .then((r) => mine === seq.current && (setDonors(r.donors), setMore(r.more)))
        .catch(() => mine === seq.current && (setDonors([]), setMore(false)))
        .finally(() => mine === seq.current && setLoading(false));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  const list = picked && !donors.some((d) => d.id === picked.id) ? [picked, ...donors] : donors;
  type Option = { value: number; label: string; donor?: Donor; disabled?: boolean };
  const found: Option[] = list.map((d) => ({ value: d.id, label: d.name, donor: d }));
  // The search stopped at its limit: say so under the hits instead of letting the clerk think that is all.
  const options: Option[] = more && donors.length > 0 ? [...found, moreHitsOption] : found;

  return (
    <div onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} style={{ flex: 1 }}>
      <Select<number, (typeof options)[number]>
        id={id}
        autoFocus={autoFocus}
        data-testid="donation-donor"
        aria-label="捐赠人"
        style={{ width: '100%' }}
        placeholder="输入名称查找捐赠人"
        value={value}
        options={options}
        loading={loading}
        showSearch={{
          filterOption: false,
          onSearch: (t) => {
            setQ(t);
            if (t.trim()) onQuery?.(t.trim());
          },
          searchValue: q,
          autoClearSearchValue: true,
        }}
        defaultActiveFirstOption
        notFoundContent={loading ? '正在查找…' : q.trim() ? `没有“${q.trim()}”，请点右边“新增捐赠人”` : '还没有捐赠人，请点右边“新增捐赠人”'}
        optionRender={(o) =>
          !o.data.donor ? (
            <MoreHitsLine />
          ) : (
            <Space size={8} data-testid="donor-option">
              <Typography.Text strong>{o.data.donor.name}</Typography.Text>
              <Tag>{DONOR_KIND_LABELS[o.data.donor.kind]}</Tag>
              {o.data.donor.contact && <Typography.Text type="secondary">{o.data.donor.contact}</Typography.Text>}
              {o.data.donor.phone && <Typography.Text type="secondary">{o.data.donor.phone}</Typography.Text>}
            </Space>
          )
        }
        onChange={(v) => {
          setQ('');
          onChange?.(v);
          onPicked(list.find((d) => d.id === v) ?? null);
        }}
      />
    </div>
  );
}
