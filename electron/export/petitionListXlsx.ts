// 来访登记 list as a workbook: the page's columns, with each deadline in its own column and overdue in words.
import { rangeText } from '../../shared/contract/listQuery';
import type { PetitionSort, PetitionSummary } from '../../shared/contract/petitions';
import { ISO_DATE, localDate, localDateTime } from '../../shared/dates';
import {
  OVERDUE_LABELS,
  PETITION_CATEGORY_LABELS,
  PETITION_CHANNEL_LABELS,
  PETITION_STATUS_LABELS,
  URGENCY_LABELS,
} from '../../shared/petition';
import type { PetitionFilter } from '../core/petitions/list';
import { listWorkbook, orderText, scopeLine, type ListColumn } from './listXlsx';

export const PETITION_LIST_SHEET = '来访登记';
const SORT_LABELS: Record<PetitionSort, string> = { receivedAt: '登记时间', number: '编号', due: '期限', status: '状态' };

/** A deadline as 'YYYY-MM-DD', whether stored as a plain date or an instant. */
const day = (v: string) => (ISO_DATE.test(v) ? v : localDate(new Date(v)));

const COLUMNS: ListColumn<PetitionSummary>[] = [
  { title: '编号', width: 16, value: (r) => r.number },
  { title: '登记时间', width: 17, value: (r) => localDateTime(new Date(r.receivedAt)) },
  { title: '来访人', width: 10, value: (r) => r.visitorName },
  { title: '已建档', width: 8, value: (r) => (r.fileId !== null ? '是' : '') },
  { title: '方式', width: 7, value: (r) => PETITION_CHANNEL_LABELS[r.channel] },
  { title: '诉求类别', width: 14, value: (r) => PETITION_CATEGORY_LABELS[r.category] },
  { title: '紧急程度', width: 9, value: (r) => URGENCY_LABELS[r.urgency] },
  { title: '状态', width: 9, value: (r) => PETITION_STATUS_LABELS[r.status] },
  { title: '逾期', width: 12, value: (r) => (r.overdue ? OVERDUE_LABELS[r.overdue] : '') },
  { title: '经办人', width: 10, value: (r) => r.handlerName },
  { title: '受理期限', width: 12, value: (r) => day(r.acceptDue) },
  { title: '答复期限', width: 12, value: (r) => day(r.answerDue) },
  { title: '办结期限', width: 12, value: (r) => day(r.closeDue) },
];

export function petitionListScope(q: PetitionFilter): string {
  const range = rangeText(q.from, q.to);
  return scopeLine([
    range && `登记日期${range}`,
    q.q?.trim() && `查找：${q.q.trim()}`,
    q.status && `状态：${PETITION_STATUS_LABELS[q.status]}`,
    q.category && `类别：${PETITION_CATEGORY_LABELS[q.category]}`,
    q.overdueOnly && '只看逾期',
    q.mineOnly && '我经办的',
    q.fileId !== undefined && `职工档案 ${q.fileId} 号`,
    orderText(SORT_LABELS[q.sort], q.order),
  ]);
}

export const petitionListWorkbook = (
  rows: readonly PetitionSummary[],
  centreName: string,
  q: PetitionFilter,
  onRows?: (done: number, total: number) => void,
): Promise<Buffer> => listWorkbook({ sheet: PETITION_LIST_SHEET, centreName, columns: COLUMNS, rows, scope: petitionListScope(q), unit: '件', onRows });
