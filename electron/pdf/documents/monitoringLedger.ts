// 动态监测月台账 (seed 001: 每次回访都需要填写帮扶台账): the month's revisits due, done and overdue,
// the changes of risk and the exits, each a table. A4 landscape. Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MonitoringLedger, RiskEventView, ScheduleRow, VisitView } from '../../../shared/contract/monitoring';
import { WARNING_LABELS, type WarningLevel } from '../../../shared/household';
import { formatFen } from '../../../shared/money';
import { RISK_EVENT_LABELS, RISK_STATE_LABELS, visitKindText, VISIT_METHOD_LABELS } from '../../../shared/monitoring';
import { FORM_LAYOUT, headerBlock, labelCell, sectionTitle, signatureRow } from '../common';

export const MONITORING_LEDGER_TITLE = '动态监测帮扶台账';

const warn = (w: WarningLevel | null) => (w ? WARNING_LABELS[w] : '无');
const right = (text: string): TableCell => ({ text, alignment: 'right', noWrap: true });

function table(headers: string[], widths: (number | string)[], rows: TableCell[][], empty: string): Content {
  const body: TableCell[][] = rows.length
    ? rows
    : [[{ text: empty, colSpan: headers.length, alignment: 'center', color: '#555555' }, ...headers.slice(1).map(() => ({ text: '' }))]];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [headers.map((h) => labelCell(h, { bold: true })), ...body] },
    layout: FORM_LAYOUT,
    fontSize: 8.5,
  };
}

const scheduleCells = (r: ScheduleRow, i: number): TableCell[] => [
  right(String(i + 1)),
  { text: r.name },
  { text: r.workUnit },
  { text: RISK_STATE_LABELS[r.riskState] },
  { text: warn(r.warning) },
  right(formatFen(r.perCapitaIncomeFen)),
  { text: r.lastVisitDate ?? '未回访' },
  { text: r.dueDate },
  right(r.overdueDays ? `${r.overdueDays} 天` : ''),
  { text: r.responsible },
];
const SCHEDULE_HEAD = ['序号', '姓名', '工作单位', '风险状态', '预警', '人均月收入', '上次回访', '应回访日期', '逾期', '帮扶责任人'];
const SCHEDULE_WIDTHS = [24, 48, '*', 58, 50, 56, 56, 58, 36, 56];

const visitCells = (v: VisitView, i: number): TableCell[] => [
  right(String(i + 1)),
  { text: v.name },
  { text: v.visitDate },
  { text: visitKindText(v.kind, v.occasion) },
  { text: VISIT_METHOD_LABELS[v.method] },
  { text: v.visitor },
  { text: v.findings },
  { text: [v.problems, v.helpArranged].filter(Boolean).join('；') },
  right(v.perCapitaBeforeFen === v.perCapitaAfterFen ? formatFen(v.perCapitaAfterFen) : `${formatFen(v.perCapitaBeforeFen)}→${formatFen(v.perCapitaAfterFen)}`),
  { text: v.nextDate },
];

const eventCells = (e: RiskEventView, i: number): TableCell[] => [
  right(String(i + 1)),
  { text: e.name },
  { text: e.eventDate },
  { text: RISK_EVENT_LABELS[e.kind] },
  { text: `${warn(e.warningBefore)} → ${warn(e.warningAfter)}` },
  right(formatFen(e.perCapitaFen)),
  { text: e.reason },
  { text: e.by },
];
const EVENT_HEAD = ['序号', '姓名', '日期', '类别', '预警变化', '人均月收入', '原因', '经办人'];
const EVENT_WIDTHS = [24, 48, 56, 48, 110, 56, '*', 48];

export function monitoringLedgerDoc(l: MonitoringLedger): TDocumentDefinitions {
  const [y, m] = l.month.split('-');
  const label = `${y}年${Number(m)}月`;
  const content: Content[] = [
    headerBlock({ centreName: l.centreName, title: MONITORING_LEDGER_TITLE, numberLeft: `月份：${label}`, numberRight: '金额单位：元' }),
    {
      text: `本月应回访 ${l.due.length} 户，已回访 ${l.done.length} 次，逾期未回访 ${l.overdue.length} 户，风险变化 ${l.riskChanges.length} 户次，脱困及恢复 ${l.exits.length} 户次。`,
      margin: [0, 0, 0, 2],
    },
    sectionTitle('一、本月应回访'),
    table(SCHEDULE_HEAD, SCHEDULE_WIDTHS, l.due.map(scheduleCells), '本月无应回访户'),
    sectionTitle('二、本月已回访'),
    table(
      ['序号', '姓名', '回访日期', '类别', '方式', '走访人', '了解情况', '问题及帮扶措施', '人均月收入', '下次回访'],
      [24, 48, 56, 64, 30, 48, '*', '*', 80, 56],
      l.done.map(visitCells),
      '本月无回访记录',
    ),
    sectionTitle('三、逾期未回访'),
    table(SCHEDULE_HEAD, SCHEDULE_WIDTHS, l.overdue.map(scheduleCells), '无逾期未回访户'),
    sectionTitle('四、风险变化'),
    table(EVENT_HEAD, EVENT_WIDTHS, l.riskChanges.map(eventCells), '本月无风险变化'),
    sectionTitle('五、解困脱困及恢复在档'),
    table(EVENT_HEAD, EVENT_WIDTHS, l.exits.map(eventCells), '本月无脱困或恢复'),
    { ...(signatureRow(['制表', '审核', '负责人']) as object), margin: [0, 14, 0, 0] } as Content,
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 30, 36, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${MONITORING_LEDGER_TITLE} ${label}`, subject: MONITORING_LEDGER_TITLE, author: l.centreName },
    content,
    footer: { text: `${l.centreName}　${label}${MONITORING_LEDGER_TITLE}　打印时间：${l.printedAt}` },
  };
}
