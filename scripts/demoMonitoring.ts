// The demo's 动态监测: last month's round of revisits (one household's income changed, two visitors
// chose an early follow-up, three households were missed), warnings raised with their reasons, this
// year's 年审 part done, and one household proposed for 解困脱困 after three good revisits.
import type { ScheduleRow } from '../shared/contract/monitoring';
import { addDays } from '../shared/dates';
import { addMonths } from '../shared/monitoring';
import type { Desk } from './demoDesk';

const VISITOR = '刘霞';
const FINDINGS = [
  '入户走访，家庭成员身体状况稳定，生活基本有保障。',
  '电话回访，本人仍在待岗，靠低保金维持生活。',
  '到单位了解，企业开工不足，本人每月仅领基本生活费。',
  '入户走访，孩子在读初中，学杂费已由学校减免。',
];

/** Every active file by its monitoring row, in the schedule's order. */
async function scheduleRows(desk: Desk): Promise<ScheduleRow[]> {
  const rows: ScheduleRow[] = [];
  for (let page = 1; ; page++) {
    const p = await desk.as('staff', 'monitoring.schedule', { scope: 'all', show: 'all', page, pageSize: 200 });
    rows.push(...p.rows);
    if (rows.length >= p.total || p.rows.length === 0) return rows;
  }
}

/** A household found earning again: its first of three good revisits, early last month. */
export async function firstGoodRevisit(desk: Desk, fileId: number): Promise<void> {
  await desk.as('staff', 'monitoring.recordVisit', {
    fileId,
    visitDate: desk.today(),
    visitor: VISITOR,
    method: 'home',
    findings: '本人已在物流公司转为正式工，月工资 2,000 元，家庭收入明显好转。',
    household: { ownMonthlyIncomeFen: 200_000, members: [] },
    helpArranged: '继续跟踪，连续三次回访收入稳定后可提出脱困。',
  });
}

/**
 * Last month's round, dated so that today some revisits are due within the week and three are overdue
 * whatever the day the demo runs: visits fall 8–25 days after this day last month (each next visit a
 * month on), on or after the story's current day. `good` is the earning household: two more visits.
 */
export async function revisitRound(desk: Desk, today: string, good: number): Promise<void> {
  const from = addDays(addMonths(today, -1), 8);
  const to = addDays(addMonths(today, -1), 25);
  const first = desk.today() > from ? desk.today() : from;
  // Two steady households start to struggle: a warning with its reason brings their revisit forward.
  desk.on(first);
  const cleared = (await scheduleRows(desk)).filter((r) => r.status === 'active' && r.riskState === 'cleared' && r.fileId !== good);
  for (const [row, reason] of [
    [cleared[0], '所在企业停产放假，本人待岗，收入不稳定'],
    [cleared[1], '配偶确诊慢性病需长期服药，家庭支出增加'],
  ] as const) {
    if (row) await desk.as('staff', 'monitoring.setWarning', { fileId: row.fileId, flag: 'yellow', reason });
  }
  await desk.as('staff', 'monitoring.recordVisit', { fileId: good, visitDate: first, visitor: VISITOR, method: 'phone', findings: '电话回访，工作稳定，按月足额领取工资。' });

  const due = (await scheduleRows(desk)).filter((r) => r.status === 'active' && r.riskState === 'uncleared' && r.fileId !== good);
  // The first three are missed (overdue today); the next two get an early follow-up (due this week).
  const visited = due.slice(3);
  const days = Math.max(1, Math.round((Date.parse(to) - Date.parse(first)) / 86_400_000) + 1);
  for (const [i, row] of visited.entries()) {
    const day = addDays(first, Math.floor((i * days) / visited.length));
    if (day !== desk.today()) desk.on(day);
    const earlyFollowUp = i < 2 ? addDays(today, 3 + i * 2) : '';
    await desk.as('staff', 'monitoring.recordVisit', {
      fileId: row.fileId,
      visitDate: day,
      visitor: VISITOR,
      method: i % 3 === 1 ? 'phone' : 'home',
      findings: FINDINGS[i % FINDINGS.length]!,
      problems: earlyFollowUp ? '本人近期将住院手术，术后生活需人照料。' : '',
      helpArranged: earlyFollowUp ? '术后一周内再次入户，了解医疗费用报销情况。' : '',
      nextDate: earlyFollowUp,
    });
  }
  desk.on(to > desk.today() ? to : desk.today());
  await desk.as('staff', 'monitoring.recordVisit', { fileId: good, visitDate: desk.today(), visitor: VISITOR, method: 'unit', findings: '到单位核实，本人已签订劳动合同，工资按月发放。' });
}

/** Today: a red warning, a warning lifted, a holiday visit, responsible staff named, part of the 年审 done, an exit proposed. */
export async function monitoringToday(desk: Desk, good: number): Promise<void> {
  const rows = (await scheduleRows(desk)).filter((r) => r.status === 'active' && r.fileId !== good);
  const red = rows.find((r) => r.lastVisitDate !== null && r.warning !== 'red');
  if (red) {
    await desk.as('staff', 'monitoring.setWarning', { fileId: red.fileId, flag: 'red', reason: '本人突发脑梗住院，自付医药费已超过 3 万元' });
  }
  const yellow = rows.find((r) => r.warning === 'yellow');
  if (yellow) {
    await desk.as('director', 'monitoring.setWarning', { fileId: yellow.fileId, flag: 'none', reason: '已重新上岗，收入恢复稳定，解除预警' });
  }

  // One visit already this month, so the month's 台账 has a record too.
  const calm = rows.find((r) => r.lastVisitDate !== null && r.dueDate > addDays(desk.today(), 10) && r.fileId !== red?.fileId);
  if (calm) {
    await desk.as('staff', 'monitoring.recordVisit', {
      fileId: calm.fileId,
      kind: 'holiday',
      occasion: '冬至',
      visitDate: desk.today(),
      visitor: VISITOR,
      method: 'home',
      findings: '节前入户走访，了解冬季取暖和老人看病情况，家中已备好过冬煤炭。',
    });
  }

  const staffId = (await desk.as('staff', 'monitoring.people', {})).find((p) => p.displayName === VISITOR)!.id;
  for (const row of rows.filter((r) => r.riskState === 'uncleared').slice(0, 24)) {
    await desk.as('director', 'monitoring.setResponsible', { fileId: row.fileId, userId: staffId, name: '' });
  }

  const year = Number(desk.today().slice(0, 4));
  const pending = (await desk.as('staff', 'monitoring.reviews', { year, show: 'pending', page: 1, pageSize: 60 })).rows;
  for (const [i, r] of pending.slice(0, 40).entries()) {
    const changed = i % 13 === 6;
    await desk.as('staff', 'monitoring.review', {
      fileId: r.fileId,
      year,
      outcome: changed ? 'changed' : 'confirmed',
      note: changed ? '子女已参加工作，家庭人口与收入有变化，已更新档案。' : '',
    });
  }

  await desk.as('staff', 'monitoring.proposeExit', { fileId: good, reason: '连续三次回访家庭人均收入稳定高于低保线 1.5 倍，本人已签订劳动合同。' });
}
