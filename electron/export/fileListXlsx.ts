// 困难职工档案 list as a workbook: the page's columns plus 建档日期, ID numbers masked as the page shows them.
import type { FileSort, FileSummary } from '../../shared/contract/files';
import { rangeText } from '../../shared/contract/listQuery';
import { localDate } from '../../shared/dates';
import { INCOME_TIER_LABELS, WARNING_LABELS } from '../../shared/household';
import { maskIdNumber } from '../../shared/idcard';
import { FILE_STATUS_LABELS, HARDSHIP_CAUSE_LABELS } from '../../shared/workerFile';
import type { FileFilter } from '../core/files/list';
import { listWorkbook, orderText, scopeLine, type ListColumn } from './listXlsx';

export const FILE_LIST_SHEET = '困难职工档案';
const SORT_LABELS: Record<FileSort, string> = { updatedAt: '更新时间', name: '姓名拼音', perCapitaIncome: '人均月收入', workUnit: '单位', createdAt: '建档日期' };

const COLUMNS: ListColumn<FileSummary>[] = [
  { title: '姓名', width: 10, value: (r) => r.name },
  { title: '身份证号', width: 21, value: (r) => maskIdNumber(r.idNumber) },
  { title: '工作单位', width: 28, value: (r) => r.workUnit },
  { title: '家庭人口', width: 9, value: (r) => r.householdSize },
  { title: '人均月收入（元）', width: 16, value: (r) => r.perCapitaIncomeFen, money: true, noSum: true },
  { title: '收入档次', width: 26, value: (r) => INCOME_TIER_LABELS[r.tier] },
  { title: '致困原因', width: 18, value: (r) => r.hardshipCauses.map((c) => HARDSHIP_CAUSE_LABELS[c]).join('、') },
  { title: '状态', width: 11, value: (r) => FILE_STATUS_LABELS[r.status] },
  { title: '预警', width: 10, value: (r) => (r.warning ? WARNING_LABELS[r.warning] : '') },
  { title: '不予救助', width: 9, value: (r) => (r.excluded ? '是' : '') },
  { title: '建档日期', width: 12, value: (r) => localDate(new Date(r.createdAt)) },
  { title: '更新日期', width: 12, value: (r) => localDate(new Date(r.updatedAt)) },
];

export function fileListScope(q: FileFilter): string {
  const range = rangeText(q.from, q.to);
  return scopeLine([
    range && `建档日期${range}`,
    q.status && `状态：${FILE_STATUS_LABELS[q.status]}`,
    q.workUnit && `单位：${q.workUnit}`,
    q.tier && `收入档次：${INCOME_TIER_LABELS[q.tier]}`,
    q.cause && `致困原因：${HARDSHIP_CAUSE_LABELS[q.cause]}`,
    orderText(SORT_LABELS[q.sort], q.order),
  ]);
}

export const fileListWorkbook = (rows: readonly FileSummary[], centreName: string, q: FileFilter, onRows?: (done: number, total: number) => void): Promise<Buffer> =>
  listWorkbook({ sheet: FILE_LIST_SHEET, centreName, columns: COLUMNS, rows, scope: fileListScope(q), unit: '份', onRows });
