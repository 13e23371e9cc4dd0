// A fictional month of the monitoring ledger (动态监测帮扶台账) for the sample PDFs and their test.
import type { MonitoringLedger, RiskEventView, ScheduleRow, VisitView } from '../../shared/contract/monitoring';

const row = (fileId: number, name: string, workUnit: string, over: Partial<ScheduleRow>): ScheduleRow => ({
  fileId,
  name,
  workUnit,
  phone: '13800000000',
  status: 'active',
  warning: null,
  riskState: 'uncleared',
  perCapitaIncomeFen: 72_000,
  tier: 'le150',
  responsibleUserId: null,
  responsible: '刘霞',
  lastVisitDate: '2026-10-12',
  dueDate: '2026-11-12',
  overdueDays: 0,
  ...over,
});

const visit = (id: number, fileId: number, name: string, over: Partial<VisitView>): VisitView => ({
  id,
  fileId,
  name,
  kind: 'revisit',
  occasion: '',
  visitDate: '2026-11-10',
  visitor: '刘霞',
  method: 'home',
  findings: '入户走访，家中情况稳定',
  problems: '',
  helpArranged: '',
  perCapitaBeforeFen: 72_000,
  perCapitaAfterFen: 72_000,
  householdChanged: false,
  householdSizeBefore: 3,
  householdSizeAfter: 3,
  nextDate: '2026-12-10',
  recordedBy: '刘霞',
  recordedAt: '2026-11-10T03:00:00.000Z',
  ...over,
});

const event = (id: number, fileId: number, name: string, over: Partial<RiskEventView>): RiskEventView => ({
  id,
  fileId,
  name,
  eventDate: '2026-11-10',
  kind: 'warning',
  warningBefore: null,
  warningAfter: 'red',
  perCapitaFen: 72_000,
  reason: '',
  by: '刘霞',
  at: '2026-11-10T03:00:00.000Z',
  ...over,
});

export function sampleMonitoringLedger(): MonitoringLedger {
  return {
    month: '2026-11',
    centreName: '某市总工会困难职工帮扶中心',
    due: [
      row(12, '王秀英', '红星机械厂', { warning: 'red', dueDate: '2026-11-05', overdueDays: 25 }),
      row(31, '张建国', '第二棉纺厂', { dueDate: '2026-11-20', lastVisitDate: '2026-05-20', riskState: 'cleared', perCapitaIncomeFen: 190_000, tier: 'le200' }),
    ],
    done: [
      visit(101, 31, '张建国', { visitDate: '2026-11-18', method: 'phone', nextDate: '2027-05-18', perCapitaBeforeFen: 190_000, perCapitaAfterFen: 190_000 }),
      visit(102, 44, '李桂兰', {
        findings: '丈夫住院手术，家庭收入减少',
        problems: '医药费负担重',
        helpArranged: '协助申请临时救助',
        perCapitaBeforeFen: 125_000,
        perCapitaAfterFen: 62_500,
        householdChanged: true,
      }),
      visit(103, 58, '陈志强', { kind: 'holiday', occasion: '重阳节', visitDate: '2026-11-02', visitor: '孙建华', nextDate: '2026-12-02' }),
    ],
    overdue: [row(12, '王秀英', '红星机械厂', { warning: 'red', dueDate: '2026-11-05', overdueDays: 25 })],
    riskChanges: [
      event(201, 44, '李桂兰', { kind: 'revisit', warningBefore: 'orange', warningAfter: null, perCapitaFen: 62_500, reason: '回访核实：人均月收入 ¥1,250.00 → ¥625.00。丈夫住院手术' }),
      event(202, 12, '王秀英', { eventDate: '2026-11-03', reason: '突发重病住院，家庭收入中断' }),
    ],
    exits: [event(203, 77, '赵德明', { eventDate: '2026-11-25', kind: 'exit', warningBefore: null, warningAfter: null, perCapitaFen: 260_000, reason: '连续三次回访家庭人均收入稳定高于低保线 1.5 倍' })],
    printedAt: '2026-11-30 16:20',
  };
}
