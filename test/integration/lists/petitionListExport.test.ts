// 来访登记 list (issue 14): the 登记 date range with both ends included, sorting by 编号, 登记时间, 期限 and
// 状态 read page by page, and the Excel export holding exactly the rows the list pages through.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import { LIST_EXPORT_LIMIT } from '../../../shared/contract/listQuery';
import { PETITION_SORTS, type PetitionSort, type PetitionSummary } from '../../../shared/contract/petitions';
import { PETITION_STATUSES, PETITION_STATUS_LABELS, type PetitionStatus } from '../../../shared/petition';
import { LIST_FIRST_ROW } from '../../../electron/export/listXlsx';
import { stopJobs } from '../../../electron/jobs/pool';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai, walkIn } from '../../fixtures/petitions';

type Filter = Omit<InputOf<'petitions.list'>, 'page' | 'pageSize'>;

let core: TestCore;
let staff: string;

const PATH: Record<PetitionStatus, ('accept' | 'start' | 'answer' | 'close')[]> = {
  registered: [],
  accepted: ['accept'],
  in_progress: ['accept', 'start'],
  answered: ['accept', 'start', 'answer'],
  closed: ['accept', 'start', 'answer', 'close'],
};
const PAYLOAD = { accept: { note: '' }, start: { note: '' }, answer: { answer: '已告知救助政策和所需材料。' }, close: { note: '来访人表示满意。' } } as const;
const RECEIVED = ['2026-02-28', '2026-03-01', '2026-03-10', '2026-03-31', '2026-04-01'];

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-04-20') });
  staff = await core.tokenFor(['staff']);
  const setDates = core.app.db.prepare('UPDATE petitions SET received_date = ?, accept_due = ?, answer_due = ?, close_due = ? WHERE id = ?');
  for (let i = 0; i < 30; i++) {
    const { id } = await core.ok('petitions.register', walkIn({ visitorName: `来访人${String.fromCharCode(0x4e00 + i * 7)}` }), staff);
    const status = PETITION_STATUSES[(i * 3) % PETITION_STATUSES.length]!;
    for (const action of PATH[status]) await core.ok(`petitions.${action}`, { id, ...PAYLOAD[action] } as never, staff);
    // 登记 days and deadlines spread out, so each sort and the range have something to order
    const day = (n: number) => `2026-04-${String(1 + ((i * n) % 28)).padStart(2, '0')}`;
    setDates.run(RECEIVED[i % RECEIVED.length], day(5), day(11), day(13), id);
    if (i % 3 === 1) core.app.db.prepare("UPDATE petitions SET category = 'legal_aid' WHERE id = ?").run(id);
  }
}, 60_000);
afterAll(async () => {
  await stopJobs();
  core.close();
});

async function allPages(filter: Filter, pageSize = 7): Promise<PetitionSummary[]> {
  const rows: PetitionSummary[] = [];
  for (let page = 1; ; page++) {
    const r = await core.ok('petitions.list', { ...filter, page, pageSize }, staff);
    rows.push(...r.rows);
    if (r.rows.length < pageSize) return rows;
  }
}

const receivedDay = (id: number) => (core.app.db.prepare('SELECT received_date AS d FROM petitions WHERE id = ?').get(id) as { d: string }).d;
const nextDue = (p: PetitionSummary) => (p.status === 'registered' ? p.acceptDue : p.status === 'answered' ? p.closeDue : p.answerDue);
const WORK_ORDER = Object.fromEntries(PETITION_STATUSES.map((s, i) => [s, i])) as Record<PetitionStatus, number>;

describe('petitions list: 登记 date range', () => {
  it('includes both ends', async () => {
    const march = await allPages({ from: '2026-03-01', to: '2026-03-31' });
    const days = march.map((p) => receivedDay(p.id));
    expect(new Set(days)).toEqual(new Set(['2026-03-01', '2026-03-10', '2026-03-31']));
    expect(march.length).toBe(18);
    expect((await allPages({ to: '2026-02-28' })).length).toBe(6);
    expect((await allPages({ from: '2026-04-01' })).length).toBe(6);
  });
});

describe('petitions list: sorting', () => {
  it.each(PETITION_SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))('%s %s: pages in order, nothing lost or repeated', async (sort, order) => {
    const rows = await allPages({ sort, order });
    expect(new Set(rows.map((p) => p.id)).size).toBe(30);
    const sign = order === 'asc' ? 1 : -1;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (sort === 'number') expect(sign * a.number.localeCompare(b.number)).toBeLessThan(0);
      if (sort === 'receivedAt') expect(sign * receivedDay(a.id).localeCompare(receivedDay(b.id))).toBeLessThanOrEqual(0);
      if (sort === 'status') expect(sign * (WORK_ORDER[a.status] - WORK_ORDER[b.status])).toBeLessThanOrEqual(0);
      if (sort === 'due') {
        // closed ones have no deadline and come last either way
        expect(Number(a.status === 'closed')).toBeLessThanOrEqual(Number(b.status === 'closed'));
        if (a.status !== 'closed' && b.status !== 'closed') expect(sign * nextDue(a).localeCompare(nextDue(b))).toBeLessThanOrEqual(0);
      }
    }
  });

  // Every page of every sort, with and without filters, against a plain sort of all rows in JS: closed
  // petitions last by 期限 either way, ties by id in the sort's direction (newest first within a status).
  interface Plain {
    id: number;
    number: string;
    status: PetitionStatus;
    category: string;
    received: string;
    due: string | null;
  }
  const FILTERS: [string, Filter][] = [
    ['no filter', {}],
    ['status', { status: 'accepted' }],
    ['closed', { status: 'closed' }],
    ['category', { category: 'legal_aid' }],
    ['登记 range', { from: '2026-03-01', to: '2026-03-31' }],
    ['category and range', { category: 'relief', from: '2026-03-01', to: '2026-04-01' }],
  ];
  function plainOrder(filter: Filter, sort: PetitionSort, order: 'asc' | 'desc'): number[] {
    const all = core.app.db
      .prepare('SELECT id, number, status, category, received_date AS received, accept_due, answer_due, close_due FROM petitions')
      .all() as (Plain & { accept_due: string; answer_due: string; close_due: string })[];
    const rows: Plain[] = all
      .map((r) => ({ ...r, due: r.status === 'closed' ? null : nextDue({ status: r.status, acceptDue: r.accept_due, answerDue: r.answer_due, closeDue: r.close_due } as PetitionSummary) }))
      .filter((r) => (!filter.status || r.status === filter.status) && (!filter.category || r.category === filter.category))
      .filter((r) => (!filter.from || r.received >= filter.from) && (!filter.to || r.received <= filter.to));
    const sign = order === 'asc' ? 1 : -1;
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    const by: Record<PetitionSort, (a: Plain, b: Plain) => number> = {
      receivedAt: (a, b) => sign * (cmp(a.received, b.received) || cmp(a.id, b.id)),
      number: (a, b) => sign * cmp(a.number, b.number),
      due: (a, b) => cmp(Number(a.due === null), Number(b.due === null)) || sign * (cmp(a.due ?? '', b.due ?? '') || cmp(a.id, b.id)),
      status: (a, b) => sign * cmp(WORK_ORDER[a.status], WORK_ORDER[b.status]) || cmp(b.id, a.id),
    };
    return rows.sort(by[sort]).map((r) => r.id);
  }

  describe.each(FILTERS)('%s', (_label, filter) => {
    it.each(PETITION_SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))('%s %s: the same order as a plain sort of all rows', async (sort, order) => {
      const expected = plainOrder(filter, sort, order);
      expect(expected.length).toBeGreaterThan(0);
      for (const pageSize of [4, 7]) expect((await allPages({ ...filter, sort, order }, pageSize)).map((p) => p.id)).toEqual(expected);
    });
  });

  it('newest 登记 first by default', async () => {
    const rows = await allPages({});
    expect(receivedDay(rows[0]!.id)).toBe('2026-04-01');
    expect(receivedDay(rows.at(-1)!.id)).toBe('2026-02-28');
  });
});

describe('petitions.exportXlsx', () => {
  async function workbookRows(filter: Filter): Promise<{ sheet: ExcelJS.Worksheet; rows: ExcelJS.CellValue[][] }> {
    const file = await core.ok('petitions.exportXlsx', filter, staff);
    expect(file.fileName).toBe('来访登记-2026-04-20.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('来访登记')!;
    const rows: ExcelJS.CellValue[][] = [];
    for (let n = LIST_FIRST_ROW; n <= sheet.rowCount; n++) rows.push((sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1));
    return { sheet, rows };
  }

  it('holds every row of the filter in the list order, across pages', async () => {
    const filter: Filter = { from: '2026-03-01', to: '2026-03-31', sort: 'due', order: 'asc' };
    const listed = await allPages(filter);
    const { sheet, rows } = await workbookRows(filter);
    expect(String(sheet.getCell('A2').value)).toContain('登记日期2026年3月1日至2026年3月31日');
    expect(String(sheet.getCell('A2').value)).toContain('按期限升序');
    expect(sheet.getRow(LIST_FIRST_ROW - 1).getCell(1).value).toBe('编号');
    expect(rows.map((r) => r[0])).toEqual(listed.map((p) => p.number));
    expect(rows.map((r) => r[7])).toEqual(listed.map((p) => PETITION_STATUS_LABELS[p.status]));
    expect(rows.map((r) => r[10])).toEqual(listed.map((p) => p.acceptDue));
  });

  it('follows the status filter and 只看逾期 as the list does', async () => {
    for (const filter of [{ status: 'accepted', sort: 'number', order: 'desc' }, { overdueOnly: true, sort: 'status', order: 'asc' }] as Filter[]) {
      const listed = await allPages(filter, 3);
      expect(listed.length).toBeGreaterThan(0);
      const { rows } = await workbookRows(filter);
      expect(rows.map((r) => r[0])).toEqual(listed.map((p) => p.number));
    }
  });
});

describe('petitions.exportXlsx past the limit', () => {
  it('refuses in Chinese, counted on the worker, without writing a workbook', async () => {
    // 100,001 copies of one petition, numbered apart, straight into the table
    core.app.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${LIST_EXPORT_LIMIT + 1})
      INSERT INTO petitions (number, channel, received_at, received_date, file_id, visitor_name, visitor_id_number, visitor_phone, category, request,
        urgency, status, handler_id, registered_by, accept_due, answer_due, close_due)
      SELECT 'BULK-' || printf('%07d', i), channel, received_at, '2025-06-01', file_id, visitor_name, visitor_id_number, visitor_phone, category, request,
        urgency, status, handler_id, registered_by, accept_due, answer_due, close_due FROM n, (SELECT * FROM petitions LIMIT 1)`);
    const r = await core.call('petitions.exportXlsx', { to: '2025-12-31' }, staff);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('RULE');
      expect(r.error.message).toBe('符合条件的来访登记超过 100,000 条，超过一次可导出的上限，请缩小筛选范围（如日期）后再导出。');
    }
    // one fewer day in the range is within the limit again
    const narrowed = await core.call('petitions.exportXlsx', { to: '2025-05-31' }, staff);
    expect(narrowed.ok).toBe(true);
  }, 120_000);
});
