// Small shared bits of the materials pages (物资): roles, tags, catalog loading, stock per location, printing.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { Item, Location, MaterialDocument, StockRow } from '../../../../shared/contract/materials';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, LOCATION_KIND_LABELS, type LocationKind } from '../../../../shared/materials';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';

/** Who reads the stock; who keeps it (issue, transfer, write-off, stocktake); who receives it; who adds items and places. */
export const READERS = ['finance', 'staff', 'director', 'chair'] as const;
export const KEEPERS = ['finance', 'staff', 'director'] as const;
export const RECEIVERS = ['finance'] as const;
export const CATALOGUERS = ['finance', 'director'] as const;
export const APPROVERS = ['director'] as const;

/** '2026-03' → '2026年3月' (the one shared helper) */
export { monthLabel } from '../../../../shared/months';

export const itemLabel = (i: Pick<Item, 'name' | 'spec'>) => (i.spec ? `${i.name}（${i.spec}）` : i.name);

export const LOCATION_KIND_COLORS: Record<LocationKind, string> = { store: 'blue', donor: 'orange' };

export function LocationKindTag({ kind }: { kind: LocationKind }) {
  return (
    <Tag color={LOCATION_KIND_COLORS[kind]} data-testid="location-kind-tag" style={{ marginInlineEnd: 4 }}>
      {LOCATION_KIND_LABELS[kind]}
    </Tag>
  );
}

/** '中心仓库 一号库房' or '捐赠方代管 红星粮油（路北区…）': where the goods are and, for donor-held ones, the address. */
export function LocationCell({ name, kind, location }: { name: string; kind: LocationKind; location?: Location }) {
  return (
    <Space size={0} orientation="vertical">
      <span>
        <LocationKindTag kind={kind} />
        {name}
      </span>
      {location && (location.address || location.contact) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="location-address">
          {[location.address, location.contact, location.phone].filter(Boolean).join('　')}
        </Typography.Text>
      )}
    </Space>
  );
}

export const locationOption = (l: Location) => ({
  value: l.id,
  label: `${LOCATION_KIND_LABELS[l.kind]}｜${l.name}${l.kind === 'donor' && l.address ? `（${l.address}）` : ''}`,
});

/** Money in a table cell: ¥1,234.56, digits lined up. */
export function Yuan({ fen, strong, testId }: { fen: number; strong?: boolean; testId?: string }) {
  return (
    <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatYuan(fen)}
    </Typography.Text>
  );
}

/** A quantity with its unit, digits lined up. */
export function Qty({ n, unit, strong, testId }: { n: number; unit?: string; strong?: boolean; testId?: string }) {
  return (
    <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {n.toLocaleString('en-US')}
      {unit ? ` ${unit}` : ''}
    </Typography.Text>
  );
}

/** An expiry date in a table (2026-12-01), red when past the program's today and orange when the core flags it as near (临期). */
export function ExpiryCell({ date, near, today }: { date: string | null; near?: boolean; today: string }) {
  if (!date) return <Typography.Text type="secondary">—</Typography.Text>;
  const expired = date < today;
  return (
    <Space size={4}>
      <span style={{ whiteSpace: 'nowrap' }}>{date}</span>
      {expired ? <Tag color="red">已过期</Tag> : near ? <Tag color="orange">临期</Tag> : null}
    </Space>
  );
}

/** The catalog: items and locations, read together and reloadable (after 新增品种 / 新增存放地点). */
export function useCatalog() {
  const [items, setItems] = useState<Item[]>([]);
  const [locations, setLocations] = useState<Location[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    Promise.all([invoke('materials.items', {}), invoke('materials.locations', {})])
      .then(([i, l]) => (setItems(i), setLocations(l), setError(null)))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [reload]);
  return { items, locations, error, reload, setItems, setLocations };
}

/** What a location holds of one item, all its lots together (earliest expiry first is the core's rule on issue). */
export interface HeldItem {
  itemId: number;
  itemName: string;
  unit: string;
  quantity: number;
  valueFen: number;
  earliestExpiry: string | null;
}

export function heldAt(rows: StockRow[], locationId: number | undefined): HeldItem[] {
  const by = new Map<number, HeldItem>();
  for (const r of rows) {
    if (r.locationId !== locationId || r.quantity <= 0) continue;
    const h = by.get(r.itemId) ?? { itemId: r.itemId, itemName: r.itemName, unit: r.unit, quantity: 0, valueFen: 0, earliestExpiry: null };
    h.quantity += r.quantity;
    h.valueFen += r.valueFen;
    if (r.expiryDate && (!h.earliestExpiry || r.expiryDate < h.earliestExpiry)) h.earliestExpiry = r.expiryDate;
    by.set(r.itemId, h);
  }
  return [...by.values()].sort((a, b) => a.itemName.localeCompare(b.itemName, 'zh-CN'));
}

/** Locations that hold anything, with how many kinds of goods. */
export function stockedLocations(rows: StockRow[]): Set<number> {
  return new Set(rows.filter((r) => r.quantity > 0).map((r) => r.locationId));
}

export const heldOption = (h: HeldItem, spec?: string) => ({
  value: h.itemId,
  label: `${h.itemName}${spec ? `（${spec}）` : ''}　现有 ${h.quantity} ${h.unit}${h.earliestExpiry ? `　最早 ${h.earliestExpiry} 到期` : ''}`,
});

export { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS };
export const DOCUMENT_STATUS_COLORS: Record<MaterialDocument['status'], string> = { done: 'green', pending: 'gold', rejected: 'red' };

export function DocumentStatusTag({ status }: { status: MaterialDocument['status'] }) {
  return (
    <Tag color={DOCUMENT_STATUS_COLORS[status]} data-testid="material-doc-status">
      {DOCUMENT_STATUS_LABELS[status]}
    </Tag>
  );
}

/** 物资捐赠收据 / 物资领取单 and the like, printed by the core and held for PdfPreview. */
export function useDocumentPrinter() {
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const [printing, setPrinting] = useState(false);
  const print = useCallback(async (documentId: number) => {
    setPrinting(true);
    try {
      setPdf(await invoke('materials.printDocument', { documentId }));
    } finally {
      setPrinting(false);
    }
  }, []);
  return { pdf, printing, print, close: () => setPdf(null) };
}

export function HotkeyHint({ children }: { children: string }) {
  return (
    <Tooltip title="快捷键">
      <Typography.Text style={{ color: 'inherit', opacity: 0.7, fontSize: 12 }}>{children}</Typography.Text>
    </Tooltip>
  );
}
