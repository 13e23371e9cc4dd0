// The 库存 page's filters as one rule, used by the page on its rows and by the workbook on the same
// rows read again, so both show the same lines.
import type { StockAlerts, StockRow } from './contract/materials';
import { ITEM_CATEGORY_LABELS, type ItemCategory, type LocationKind } from './materials';

export interface StockFilter {
  kind?: LocationKind;
  /** Matched within 品名、规格、类别 and 地点, case-insensitive. */
  q?: string;
  /** Only lines under an alert: low stock, near expiry or expired. */
  onlyAlerts?: boolean;
}

const alertKey = (itemId: number, locationName: string, expiry: string | null) => `${itemId}|${locationName}|${expiry ?? ''}`;

/** The predicate for one filter, given the catalogue's spec and category per item, the alerts and today. */
export function stockFilter(f: StockFilter, items: ReadonlyMap<number, { spec: string; category: ItemCategory }>, alerts: StockAlerts | null, today: string): (r: StockRow) => boolean {
  const needle = (f.q ?? '').trim().toLowerCase();
  const low = new Set(alerts?.lowStock.map((a) => a.itemId));
  const near = new Set(alerts?.nearExpiry.map((a) => alertKey(a.itemId, a.locationName, a.expiryDate)));
  return (r) => {
    if (r.quantity <= 0) return false;
    if (f.kind && r.locationKind !== f.kind) return false;
    if (needle) {
      const it = items.get(r.itemId);
      const hay = `${r.itemName} ${it?.spec ?? ''} ${it ? ITEM_CATEGORY_LABELS[it.category] : ''} ${r.locationName}`.toLowerCase();
      if (!hay.includes(needle)) return false;
    }
    if (f.onlyAlerts) {
      const expired = r.expiryDate !== null && r.expiryDate < today;
      if (!low.has(r.itemId) && !near.has(alertKey(r.itemId, r.locationName, r.expiryDate)) && !expired) return false;
    }
    return true;
  };
}
