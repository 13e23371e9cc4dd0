import { Select, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/contract/files';
import { maskIdNumber } from '../../../../shared/idcard';
import { invoke } from '../../api';
import { MoreHitsLine, moreHitsOption } from '../../components/moreHits';

export interface PickedWorker {
  id: number;
  name: string;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** A worker already known (e.g. from ?file=), shown before any search. */
  initial?: PickedWorker | null;
  autoFocus?: boolean;
  testId?: string;
}

/** Finds a worker file by name, pinyin, ID number or phone as the clerk types; ↑↓ and Enter choose. */
export function WorkerPicker({ value, onChange, initial, autoFocus, testId }: Props) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const term = q.trim();
    const mine = ++seq.current;
    if (!term) return setHits([]);
    setLoading(true);
    const timer = setTimeout(() => {
      invoke('files.search', { q: term, limit: 10 })
        .then((r) => mine === seq.current && (setHits(r.hits.filter((h) => h.status === 'active')), setMore(r.more)))
        .catch(() => mine === seq.current && (setHits([]), setMore(false)))
        .finally(() => mine === seq.current && setLoading(false));
    }, 150);
    return () => clearTimeout(timer);
  }, [q]);

  const options = hits.map((h) => ({
    value: h.id,
    label: h.name,
    hit: h,
  }));
  if (initial && !options.some((o) => o.value === initial.id)) options.unshift({ value: initial.id, label: initial.name, hit: undefined as never });
  // The search stopped at its limit: say so under the hits instead of letting the clerk think that is all.
  if (more && q.trim()) options.push({ ...moreHitsOption, hit: undefined as never });

  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      autoFocus={autoFocus}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder="输入姓名、拼音首字母、身份证号或电话查找已建档职工"
      notFoundContent={loading ? '正在查找…' : q.trim() ? '没有找到在档职工' : '请输入查找内容'}
      options={options}
      optionRender={(o) => {
        const h = (o.data as { hit?: SearchHit }).hit;
        if (o.value === moreHitsOption.value) return <MoreHitsLine />;
        return h ? (
          <span>
            <Typography.Text strong>{h.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontFamily: 'monospace' }}>
              {maskIdNumber(h.idNumber)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {h.workUnit}
            </Typography.Text>
          </span>
        ) : (
          <span>
            {o.label} <Tag>档案 {o.value}</Tag>
          </span>
        );
      }}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
