// Server-side sorting for antd tables: the clicked column's key becomes the list's `sort`, its direction
// the `order`; a third click (no order) returns to the page's default.
import type { SortOrder as AntOrder } from 'antd/es/table/interface';

export interface ServerSort<S extends string> {
  sort: S;
  order: 'asc' | 'desc';
}

/** The antd sortOrder a column shows for the current sort. */
export const columnOrder = <S extends string>(current: ServerSort<S>, key: S): AntOrder => (current.sort === key ? (current.order === 'asc' ? 'ascend' : 'descend') : null);

/** The sort after a click on the table's sorter (from Table onChange's third argument). */
export function nextSort<S extends string>(sorter: unknown, keys: readonly S[], fallback: ServerSort<S>): ServerSort<S> {
  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as { columnKey?: unknown; order?: AntOrder } | undefined;
  const key = s?.columnKey;
  if (!s?.order || typeof key !== 'string' || !(keys as readonly string[]).includes(key)) return fallback;
  return { sort: key as S, order: s.order === 'ascend' ? 'asc' : 'desc' };
}
