// 救助申请 list as a workbook: the page's columns, ID numbers masked as the page shows them.
import type { ReliefListQuery, ReliefSort } from '../../shared/contract/relief';
import type { ReliefSummary } from '../../shared/contract/reliefTypes';
import { rangeText } from '../../shared/contract/listQuery';
import { localDate, localDateTime } from '../../shared/dates';
import { maskIdNumber } from '../../shared/idcard';
import { RELIEF_CATEGORY_LABELS, RELIEF_STATUS_LABELS } from '../../shared/relief';
import { listWorkbook, orderText, scopeLine, type ListColumn } from './listXlsx';

export const RELIEF_LIST_SHEET = '救助申请';
const SORT_LABELS: Record<ReliefSort, string> = { createdAt: '申请日期', amount: '金额', number: '编号', status: '状态' };

const COLUMNS: ListColumn<ReliefSummary>[] = [
  { title: '编号', width: 18, value: (r) => r.number },
  { title: '申请日期', width: 12, value: (r) => localDate(new Date(r.createdAt)) },
  { title: '姓名', width: 10, value: (r) => r.name },
  { title: '身份证号', width: 21, value: (r) => maskIdNumber(r.idNumber) },
  { title: '工作单位', width: 26, value: (r) => r.workUnit },
  { title: '救助类别', width: 18, value: (r) => RELIEF_CATEGORY_LABELS[r.category] },
  { title: '金额（元）', width: 14, value: (r) => r.amountFen, money: true },
  { title: '状态', width: 12, value: (r) => RELIEF_STATUS_LABELS[r.status] + (r.needsChair && r.status === 'pending_director' ? '（须报主席）' : '') },
  { title: '经办人', width: 10, value: (r) => r.proposedBy },
  { title: '提交时间', width: 17, value: (r) => (r.submittedAt ? localDateTime(new Date(r.submittedAt)) : '未提交') },
];

export function reliefListScope(q: ReliefListQuery): string {
  const range = rangeText(q.from, q.to);
  return scopeLine([
    q.inbox && '待我审批',
    range && `申请日期${range}`,
    q.status && `状态：${RELIEF_STATUS_LABELS[q.status]}`,
    q.category && `类别：${RELIEF_CATEGORY_LABELS[q.category]}`,
    orderText(SORT_LABELS[q.sort], q.order),
  ]);
}

export const reliefListWorkbook = (rows: readonly ReliefSummary[], centreName: string, q: ReliefListQuery, onRows?: (done: number, total: number) => void): Promise<Buffer> =>
  listWorkbook({ sheet: RELIEF_LIST_SHEET, centreName, columns: COLUMNS, rows, scope: reliefListScope(q), unit: '份', onRows });
