// Dynamic-monitoring workbooks: the revisit schedule list and the monthly ledger (台账), one sheet per
// section. Income is a yuan number formatted '#,##0.00', converted only here from integer fen.
import ExcelJS from 'exceljs';
import type { ExitProposalView, MonitoringLedger, ReviewRow, RiskEventView, ScheduleRow, VisitView } from '../../shared/contract/monitoring';
import { WARNING_LABELS, type WarningLevel } from '../../shared/household';
import { EXIT_STATUS_LABELS, RISK_EVENT_LABELS, RISK_STATE_LABELS, visitKindText, VISIT_METHOD_LABELS } from '../../shared/monitoring';
import { localDateTime } from '../../shared/dates';
import { fenToYuanNumber } from '../../shared/money';

const MONEY_FORMAT = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const warn = (w: WarningLevel | null) => (w ? WARNING_LABELS[w] : '无');

interface Column<T> {
  title: string;
  width: number;
  value: (row: T) => string | number;
  money?: boolean;
}

function sheet<T>(wb: ExcelJS.Workbook, name: string, title: string, columns: Column<T>[], rows: readonly T[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.money ? { numFmt: MONEY_FORMAT } : {} }));
  const t = ws.addRow([title]);
  ws.mergeCells(1, 1, 1, columns.length);
  t.font = { bold: true, size: 14 };
  const head = ws.addRow(columns.map((c) => c.title));
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
}

const SCHEDULE_COLUMNS: Column<ScheduleRow>[] = [
  { title: '姓名', width: 10, value: (r) => r.name },
  { title: '工作单位', width: 24, value: (r) => r.workUnit },
  { title: '电话', width: 14, value: (r) => r.phone },
  { title: '风险状态', width: 14, value: (r) => RISK_STATE_LABELS[r.riskState] },
  { title: '预警', width: 10, value: (r) => warn(r.warning) },
  { title: '人均月收入（元）', width: 14, value: (r) => fenToYuanNumber(r.perCapitaIncomeFen), money: true },
  { title: '上次回访', width: 12, value: (r) => r.lastVisitDate ?? '未回访' },
  { title: '应回访日期', width: 12, value: (r) => r.dueDate },
  { title: '逾期天数', width: 10, value: (r) => r.overdueDays },
  { title: '帮扶责任人', width: 12, value: (r) => r.responsible },
];

const VISIT_COLUMNS: Column<VisitView>[] = [
  { title: '姓名', width: 10, value: (v) => v.name },
  { title: '回访日期', width: 12, value: (v) => v.visitDate },
  { title: '类别', width: 12, value: (v) => visitKindText(v.kind, v.occasion) },
  { title: '方式', width: 8, value: (v) => VISIT_METHOD_LABELS[v.method] },
  { title: '走访人', width: 10, value: (v) => v.visitor },
  { title: '了解情况', width: 40, value: (v) => v.findings },
  { title: '发现的问题', width: 30, value: (v) => v.problems },
  { title: '帮扶措施', width: 30, value: (v) => v.helpArranged },
  { title: '回访前人均（元）', width: 14, value: (v) => fenToYuanNumber(v.perCapitaBeforeFen), money: true },
  { title: '回访后人均（元）', width: 14, value: (v) => fenToYuanNumber(v.perCapitaAfterFen), money: true },
  { title: '下次回访', width: 12, value: (v) => v.nextDate },
];

const EVENT_COLUMNS: Column<RiskEventView>[] = [
  { title: '姓名', width: 10, value: (e) => e.name },
  { title: '日期', width: 12, value: (e) => e.eventDate },
  { title: '类别', width: 10, value: (e) => RISK_EVENT_LABELS[e.kind] },
  { title: '变更前预警', width: 12, value: (e) => warn(e.warningBefore) },
  { title: '变更后预警', width: 12, value: (e) => warn(e.warningAfter) },
  { title: '人均月收入（元）', width: 14, value: (e) => fenToYuanNumber(e.perCapitaFen), money: true },
  { title: '原因', width: 50, value: (e) => e.reason },
  { title: '经办人', width: 10, value: (e) => e.by },
];

export async function scheduleWorkbook(rows: readonly ScheduleRow[], centreName: string, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  sheet(wb, '回访计划', `${centreName} 回访计划（${today}）`, SCHEDULE_COLUMNS, rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function monitoringLedgerWorkbook(l: MonitoringLedger): Promise<Buffer> {
  const label = `${l.month.slice(0, 4)}年${Number(l.month.slice(5))}月`;
  const wb = new ExcelJS.Workbook();
  wb.creator = l.centreName;
  wb.title = `${label}动态监测帮扶台账`;
  sheet(wb, '应回访', `${l.centreName} ${label}应回访`, SCHEDULE_COLUMNS, l.due);
  sheet(wb, '已回访', `${l.centreName} ${label}已回访`, VISIT_COLUMNS, l.done);
  sheet(wb, '逾期未回访', `${l.centreName} ${label}逾期未回访`, SCHEDULE_COLUMNS, l.overdue);
  sheet(wb, '风险变化', `${l.centreName} ${label}风险变化`, EVENT_COLUMNS, l.riskChanges);
  sheet(wb, '脱困', `${l.centreName} ${label}解困脱困及恢复在档`, EVENT_COLUMNS, l.exits);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const at = (iso: string | null) => (iso ? localDateTime(new Date(iso)) : '');

const REVIEW_COLUMNS: Column<ReviewRow>[] = [
  { title: '姓名', width: 10, value: (r) => r.name },
  { title: '工作单位', width: 24, value: (r) => r.workUnit },
  { title: '预警', width: 10, value: (r) => warn(r.warning) },
  { title: '人均月收入（元）', width: 14, value: (r) => fenToYuanNumber(r.perCapitaIncomeFen), money: true },
  { title: '年审结论', width: 12, value: (r) => (r.outcome === 'confirmed' ? '情况属实' : r.outcome === 'changed' ? '情况有变化' : '未审') },
  { title: '说明', width: 40, value: (r) => r.note },
  { title: '年审人', width: 10, value: (r) => r.reviewedBy ?? '' },
  { title: '年审时间', width: 18, value: (r) => at(r.reviewedAt) },
];

const EXIT_COLUMNS: Column<ExitProposalView>[] = [
  { title: '姓名', width: 10, value: (p) => p.name },
  { title: '工作单位', width: 24, value: (p) => p.workUnit },
  { title: '人均月收入（元）', width: 14, value: (p) => fenToYuanNumber(p.perCapitaIncomeFen), money: true },
  { title: '脱困理由', width: 40, value: (p) => p.reason },
  { title: '提出人', width: 10, value: (p) => p.proposedBy },
  { title: '提出时间', width: 18, value: (p) => at(p.proposedAt) },
  { title: '状态', width: 12, value: (p) => EXIT_STATUS_LABELS[p.status] },
  { title: '审核人', width: 10, value: (p) => p.decidedBy ?? '' },
  { title: '审核时间', width: 18, value: (p) => at(p.decidedAt) },
  { title: '审核意见', width: 30, value: (p) => p.comment },
];

export async function reviewsWorkbook(rows: readonly ReviewRow[], centreName: string, year: number, done: number, of: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  sheet(wb, `${year}年审`, `${centreName} ${year} 年年审名单（已审 ${done} / ${of} 户）`, REVIEW_COLUMNS, rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exitProposalsWorkbook(rows: readonly ExitProposalView[], centreName: string, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  sheet(wb, '解困脱困', `${centreName} 解困脱困申请（${today}）`, EXIT_COLUMNS, rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
