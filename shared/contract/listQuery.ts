// Pieces shared by the list pages that sort on the server, filter by a date range and export their
// current filter to Excel (issue 14): the list channel and its workbook channel take the same fields.
import { z } from 'zod';
import { formatChineseDate } from '../dates';
import { isoDate } from './fields';

export const sortOrder = z.enum(['asc', 'desc']).default('desc');
export type SortOrder = z.infer<typeof sortOrder>;

/** A date range of local calendar days, both ends included; either end may be open. */
export const dateRange = { from: isoDate.optional(), to: isoDate.optional() };

/** More rows than this are refused with a request to narrow the filter (Excel itself stops near 1M rows). */
export const LIST_EXPORT_LIMIT = 100_000;

/** "2026年11月1日至2026年11月30日", "2026年11月1日起", "至2026年11月30日", or '' when open at both ends. */
export function rangeText(from?: string, to?: string): string {
  if (from && to) return `${formatChineseDate(from)}至${formatChineseDate(to)}`;
  if (from) return `${formatChineseDate(from)}起`;
  if (to) return `至${formatChineseDate(to)}`;
  return '';
}
