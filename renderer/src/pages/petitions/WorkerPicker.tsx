import { SearchOutlined } from '@ant-design/icons';
import { Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/contract/files';
import { maskIdNumber } from '../../../../shared/idcard';
import { invoke } from '../../api';
import { MoreHitsLine, moreHitsOption } from '../../components/moreHits';

const DEBOUNCE_MS = 150;

const MATCHED_BY: Record<SearchHit['matchedBy'], string> = {
  name: '姓名',
  pinyin: '拼音',
  initials: '首字母',
  idNumber: '身份证号',
  phone: '电话',
  workUnit: '单位',
};

/** The worker a petition is linked to: what the search (or files.get) told us about them. */
export type PickedWorker = Pick<SearchHit, 'id' | 'name' | 'idNumber' | 'phone' | 'workUnit' | 'status'>;

interface Props {
  value: PickedWorker | null;
  onChange(w: PickedWorker | null): void;
  autoFocus?: boolean;
  disabled?: boolean;
}

/** Search-as-you-type over the worker files (name, pinyin, initials, ID number, phone); ↑↓ and Enter to pick. */
export function WorkerPicker({ value, onChange, autoFocus, disabled }: Props) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [searched, setSearched] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const term = q.trim();
    const mine = ++seq.current;
    if (!term) {
      setHits([]);
      setMore(false);
      setSearched('');
      setLoading(false);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      invoke('files.search', { q: term, limit: 10 })
        .then((r) => mine === seq.current && (setHits(r.hits), setMore(r.more)))
        .catch(() => mine === seq.current && (setHits([]), setMore(false)))
        .finally(() => {
          if (mine !== seq.current) return;
          setSearched(term);
          setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  type Option = { value: number; label: string; hit?: PickedWorker; disabled?: boolean };
  const found: Option[] = (value && !hits.some((h) => h.id === value.id) ? [value, ...hits] : hits).map((h) => ({
    value: h.id,
    label: `${h.name}　${maskIdNumber(h.idNumber)}`,
    hit: h,
  }));
  // The search stopped at its limit: say so under the hits instead of letting the clerk think that is all.
  const options: Option[] = more && hits.length > 0 ? [...found, moreHitsOption] : found;
  const term = q.trim();

  return (
    <div
      // Enter picks a result; it must not submit the whole form as well.
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    >
      <Select<number, (typeof options)[number]>
        data-testid="petition-file-search"
        aria-label="查找已建档职工"
        autoFocus={autoFocus}
        disabled={disabled}
        size="large"
        style={{ width: '100%' }}
        allowClear
        suffixIcon={<SearchOutlined />}
        placeholder="已建档的职工：输入姓名、拼音首字母、身份证号或电话查找"
        value={value?.id ?? null}
        options={options}
        showSearch={{ filterOption: false, onSearch: setQ, searchValue: q, autoClearSearchValue: true }}
        defaultActiveFirstOption
        notFoundContent={
          loading ? (
            <Space>
              <Spin size="small" /> 正在查找…
            </Space>
          ) : term && searched === term ? (
            `没有找到“${term}”的档案，可在下方直接填写来访人`
          ) : (
            '输入后显示匹配的档案'
          )
        }
        optionRender={(o) => {
          const h = o.data.hit;
          if (!h) return <MoreHitsLine />;
          return (
            <Space size={12} data-testid="worker-hit">
              <Typography.Text strong style={{ minWidth: 56, display: 'inline-block' }}>
                {h.name}
              </Typography.Text>
              <Typography.Text style={{ fontFamily: 'monospace' }}>{maskIdNumber(h.idNumber)}</Typography.Text>
              <Typography.Text type="secondary">{h.phone || '—'}</Typography.Text>
              <Typography.Text type="secondary">{h.workUnit}</Typography.Text>
              {h.status === 'exited' && <Tag>已脱困退出</Tag>}
              {'matchedBy' in h && <Tag color="blue">按{MATCHED_BY[(h as SearchHit).matchedBy]}</Tag>}
            </Space>
          );
        }}
        onChange={(id) => {
          setQ('');
          onChange(id == null ? null : (options.find((o) => o.value === id)?.hit ?? null));
        }}
      />
    </div>
  );
}
