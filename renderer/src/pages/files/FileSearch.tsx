import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Spin, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/contract/files';
import { maskIdNumber, validateIdNumber } from '../../../../shared/idcard';
import { invoke } from '../../api';
import { useHotkey } from '../../components/useHotkey';
import { navigate } from '../../router';
import { MATCHED_BY_LABELS } from './fileLabels';

const DEBOUNCE_MS = 150;

const looksLikeName = (term: string) => /^[\p{Script=Han}·]{2,30}$/u.test(term);

interface Props {
  /** Offer "新建档案" with what was typed when nothing matches. */
  canCreate: boolean;
}

/** Search-as-you-type over name, pinyin, initials, ID number, phone and unit; ↑↓ to choose, Enter to open. */
export function FileSearch({ canCreate }: Props) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [more, setMore] = useState(false);
  const [searched, setSearched] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const seq = useRef(0);
  /** Enter pressed before the results for what was typed arrived: open the first hit when they do. */
  const pendingEnter = useRef(false);
  const input = useRef<InputRef>(null);

  useHotkey({ key: '/' }, () => input.current?.focus({ cursor: 'all' }));
  useHotkey({ key: 'F3', inInputs: true }, () => input.current?.focus({ cursor: 'all' }));

  useEffect(() => {
    const term = q.trim();
    const mine = ++seq.current;
    if (!term) {
      setHits([]);
      setSearched('');
      setLoading(false);
      setError(null);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      invoke('files.search', { q: term, limit: 10 })
        .then((r) => {
          if (mine !== seq.current) return;
          setHits(r.hits);
          setMore(r.more);
          setError(null);
          if (pendingEnter.current && r.hits[0]) navigate(`/files/${r.hits[0].id}`);
        })
        .catch((e: Error) => {
          if (mine !== seq.current) return;
          setHits([]);
          setMore(false);
          setError(e.message);
        })
        .finally(() => {
          if (mine !== seq.current) return;
          pendingEnter.current = false;
          setSearched(term);
          setActive(0);
          setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  const term = q.trim();
  const exactId = validateIdNumber(term);
  const createItem = canCreate && term !== '' && searched === term && !loading && !(exactId.ok && hits.some((h) => h.idNumber === exactId.id));
  const count = hits.length + (createItem ? 1 : 0);

  const createFromQuery = () => {
    const hint = exactId.ok ? `idNumber=${encodeURIComponent(exactId.id)}` : hits.length === 0 && looksLikeName(term) ? `name=${encodeURIComponent(term)}` : '';
    navigate(`/files/new${hint ? `?${hint}` : ''}`);
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (hit) navigate(`/files/${hit.id}`);
    else if (createItem && i === hits.length) createFromQuery();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && count > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % count);
    } else if (e.key === 'ArrowUp' && count > 0) {
      e.preventDefault();
      setActive((a) => (a - 1 + count) % count);
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (searched === term && !loading) {
        if (count > 0) choose(active);
      } else if (term) pendingEnter.current = true;
    } else if (e.key === 'Escape') {
      if (q) setQ('');
      else input.current?.blur();
    }
  };

  const showPanel = open && term !== '';

  return (
    <div style={{ position: 'relative', maxWidth: 720 }}>
      <Input
        ref={input}
        data-testid="file-search"
        size="large"
        autoFocus
        allowClear
        prefix={<SearchOutlined />}
        placeholder="查找档案：姓名、拼音或首字母、身份证号、电话、单位（按 / 键随时回到这里）"
        value={q}
        onChange={(e) => {
          pendingEnter.current = false;
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={showPanel}
        aria-controls="file-search-results"
        aria-activedescendant={showPanel && count > 0 ? `file-search-hit-${active}` : undefined}
      />
      {showPanel && (
        <div
          id="file-search-results"
          role="listbox"
          style={{
            position: 'absolute',
            zIndex: 1050,
            top: '100%',
            left: 0,
            right: 0,
            marginTop: 4,
            background: '#fff',
            borderRadius: 8,
            boxShadow: '0 6px 16px rgba(0,0,0,0.12), 0 3px 6px -4px rgba(0,0,0,0.12)',
            padding: 4,
            maxHeight: 480,
            overflowY: 'auto',
          }}
          onMouseDown={(e) => e.preventDefault() /* keep the focus in the box */}
        >
          {loading && hits.length === 0 && (
            <div style={{ padding: 12, textAlign: 'center' }}>
              <Spin size="small" /> <Typography.Text type="secondary">正在查找…</Typography.Text>
            </div>
          )}
          {error && <Typography.Text type="danger" style={{ display: 'block', padding: 12 }}>{error}</Typography.Text>}
          {!loading && !error && searched === term && hits.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有找到“${term}”的档案`} style={{ margin: '8px 0' }} />
          )}
          {hits.map((h, i) => (
            <div
              key={h.id}
              id={`file-search-hit-${i}`}
              role="option"
              aria-selected={i === active}
              data-testid="search-hit"
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(i)}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 12,
                padding: '8px 12px',
                borderRadius: 4,
                cursor: 'pointer',
                background: i === active ? '#e6f4ff' : undefined,
                opacity: loading ? 0.6 : 1,
              }}
            >
              <Typography.Text strong style={{ minWidth: 64 }}>{h.name}</Typography.Text>
              <Typography.Text style={{ fontFamily: 'monospace', minWidth: 170 }}>{maskIdNumber(h.idNumber)}</Typography.Text>
              <Typography.Text type="secondary" style={{ minWidth: 110 }}>{h.phone || '—'}</Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>{h.workUnit}</Typography.Text>
              {h.status === 'exited' && <Tag>已脱困退出</Tag>}
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>按{MATCHED_BY_LABELS[h.matchedBy]}</Tag>
            </div>
          ))}
          {more && hits.length > 0 && (
            <Typography.Text type="secondary" data-testid="search-more" style={{ display: 'block', padding: '4px 12px' }}>
              还有更多结果，请输入更多字
            </Typography.Text>
          )}
          {createItem && (
            <div
              id={`file-search-hit-${hits.length}`}
              role="option"
              aria-selected={active === hits.length}
              data-testid="search-create"
              onMouseEnter={() => setActive(hits.length)}
              onClick={() => choose(hits.length)}
              style={{
                padding: '8px 12px',
                borderRadius: 4,
                cursor: 'pointer',
                borderTop: hits.length ? '1px solid #f0f0f0' : undefined,
                background: active === hits.length ? '#e6f4ff' : undefined,
              }}
            >
              <Typography.Link>＋ 新建档案{exactId.ok || (hits.length === 0 && looksLikeName(term)) ? `：${term}` : ''}</Typography.Link>
            </div>
          )}
          {count > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, padding: '4px 12px 2px' }}>
              ↑↓ 选择　Enter 打开　Esc 清空
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
