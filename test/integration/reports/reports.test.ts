// The reports for the higher union tie to the books: the 收入支出表's 本年累计数 is the sum of the
// months' 本月数 and equals the trial balance's movement since the end of last year; the relief report
// adds up to the payments made. Printed (pdftotext) and exported (read back with exceljs).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomeExpenditure, IncomeExpenditureRow } from '../../../shared/contract/reports';
import { fenToCapitals, formatFen } from '../../../shared/money';
import { makeCore, type TestCore } from '../../fixtures/core';
import { donor, payableApplications } from '../../fixtures/ledger';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let finance: string;
const UNION = 1;
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const code = (c: string) => (core.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;
const pdfs = pdfWorkspace('reports-');

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-03-20') });
  finance = await core.tokenFor(['finance']);
  const income = (date: string, c: string, amountFen: number, memo: string) =>
    core.ok('vouchers.income', { date, accountId: code(c), fundId: UNION, method: 'bank', amountFen, memo }, finance);
  await income('2025-12-10', '400304', 100_000, '去年的上级帮扶补助'); // last year: not in this year's figures
  await income('2026-01-08', '400304', 3_000_000, '市总工会春节帮扶补助');
  await income('2026-01-15', '400305', 1_200_000, '市总工会送温暖补助');
  await core.ok('ledger.donate', { donorId: await donor(core, finance), date: '2026-02-03', amountFen: 800_000, method: 'bank', accountId: null, fundId: UNION, designatedUse: '' }, finance);
  await income('2026-02-11', '4002', 1_000_000, '本级工会经费拨入');
  await income('2026-02-28', '400802', 36_520, '存款利息');
  await core.ok('vouchers.expense', { date: '2026-02-28', accountId: code('500801'), fundId: UNION, method: 'bank', amountFen: 1_250, memo: '转账手续费' }, finance);
  const apps = await payableApplications(core, [50_000, 80_000, 60_000]);
  for (const applicationId of apps) await core.ok('ledger.payRelief', { applicationId, fundId: UNION, method: 'bank', accountId: null }, finance);
  // One payment was to the wrong card: reversed, so it is not relief paid.
  const wrong = core.app.db.prepare('SELECT entry_id FROM relief_payments WHERE application_id = ?').get(apps[2]!) as { entry_id: number };
  await core.ok('ledger.reverse', { entryId: wrong.entry_id, reason: '银行卡号有误，退回重发' }, finance);
});
afterAll(() => core.close());

const report = (month: string) => core.ok('reports.incomeExpenditure', { month }, finance);
const rows = (r: IncomeExpenditure) => [...r.income, ...r.expense];
const row = (r: IncomeExpenditure, c: string) => rows(r).find((x) => x.code === c)!;

describe('收入支出表', () => {
  it('gives this year\'s figures by account, headings adding up their detail accounts', async () => {
    const r = await report('2026-03');
    expect(row(r, '400304')).toMatchObject({ monthFen: 0, yearFen: 3_000_000 });
    expect(row(r, '4003')).toMatchObject({ heading: true, level: 1, yearFen: 4_200_000 });
    expect(row(r, '400801').yearFen).toBe(800_000);
    expect(row(r, '50020401')).toMatchObject({ level: 3, monthFen: 130_000, yearFen: 130_000 });
    expect(row(r, '5002').yearFen).toBe(130_000);
    expect(r.totals).toEqual({
      incomeMonthFen: 0,
      incomeYearFen: 3_000_000 + 1_200_000 + 800_000 + 1_000_000 + 36_520,
      expenseMonthFen: 130_000,
      expenseYearFen: 130_000 + 1_250,
      surplusMonthFen: -130_000,
      surplusYearFen: 3_000_000 + 1_200_000 + 800_000 + 1_000_000 + 36_520 - 131_250,
    });
    const january = await report('2026-01');
    expect(january.totals.incomeMonthFen).toBe(4_200_000);
    expect(row(await report('2025-12'), '400304').yearFen).toBe(100_000);
  });

  it('本年累计数 is the sum of the months\' 本月数 and ties to the trial balance', async () => {
    const reports = await Promise.all(MONTHS.map(report));
    const lastYear = await core.ok('ledger.trialBalance', { month: '2025-12' }, finance);
    for (let i = 0; i < MONTHS.length; i++) {
      const r = reports[i]!;
      const sumOf = (pick: (x: IncomeExpenditure) => number) => reports.slice(0, i + 1).reduce((s, x) => s + pick(x), 0);
      for (const x of rows(r)) {
        expect(x.yearFen, `${MONTHS[i]} ${x.code}`).toBe(sumOf((m) => m.income.concat(m.expense).find((y) => y.accountId === x.accountId)!.monthFen));
      }
      expect(r.totals.incomeYearFen).toBe(sumOf((m) => m.totals.incomeMonthFen));
      expect(r.totals.expenseYearFen).toBe(sumOf((m) => m.totals.expenseMonthFen));
      // The trial balance is cumulative: this year's movement is this month's figure less last December's.
      const tb = await core.ok('ledger.trialBalance', { month: MONTHS[i]! }, finance);
      const net = (list: typeof tb, id: number) => {
        const t = list.find((y) => y.accountId === id)!;
        return t.debitFen - t.creditFen;
      };
      for (const x of rows(r).filter((y: IncomeExpenditureRow) => !y.heading)) {
        const movement = net(tb, x.accountId) - net(lastYear, x.accountId);
        expect(x.yearFen, `${MONTHS[i]} ${x.code} vs trial balance`).toBe(x.kind === 'income' ? 0 - movement : movement || 0);
      }
    }
  });

  it('prints the figures, the totals in capitals and the signature lines', async () => {
    const r = await report('2026-03');
    const file = pdfs.write('income-expenditure.pdf', Buffer.from((await core.ok('reports.incomeExpenditurePdf', { month: '2026-03' }, finance)).base64, 'base64'));
    const text = pdftotext(file).replace(/[ \t]+/g, ' ');
    for (const s of ['收入支出表', '2026年3月', '会工02表', '上级补助收入', '帮扶补助', '困难职工帮扶费', '400304', '50020401', formatFen(r.totals.incomeYearFen), formatFen(130_000), '未结账']) {
      expect(text).toContain(s);
    }
    expect(text.replace(/\s+/g, '')).toContain(`本年累计收入合计（大写）：人民币${fenToCapitals(r.totals.incomeYearFen)}`);
    for (const s of ['单位负责人', '财务负责人', '制表']) expect(text).toContain(s);
    // First-level accounts always show; detail accounts with nothing this year are left out.
    expect(text).toContain('会费收入');
    expect(text).not.toContain('救灾补助');
  });

  it('exports to Excel with the same figures', async () => {
    const file = await core.ok('reports.incomeExpenditureXlsx', { month: '2026-03' }, finance);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer); // exceljs types want an ArrayBuffer; a Node Buffer is what it reads
    const ws = book.getWorksheet('收入支出表')!;
    const found = new Map<string, (ExcelJS.CellValue)[]>();
    ws.eachRow((r) => {
      const values = r.values as ExcelJS.CellValue[];
      found.set(String(values[1] ?? values[2]), values);
    });
    expect(found.get('400304')!.slice(3, 5)).toEqual([0, 30_000]);
    expect(found.get('50020401')!.slice(3, 5)).toEqual([1_300, 1_300]);
    expect(found.get('本期收入合计')!.slice(3, 5)).toEqual([0, 60_365.2]);
  });
});

describe('救助发放统计', () => {
  it('adds up to the payments made, reversed ones left out, by category, month, unit and approver', async () => {
    const r = await core.ok('reports.relief', { from: '2026-01-01', to: '2026-03-31' }, finance);
    const paid = core.app.db.prepare('SELECT count(*) AS n, sum(amount_fen) AS s FROM relief_payments WHERE reversal_entry_id IS NULL').get() as { n: number; s: number };
    expect({ count: r.count, amountFen: r.amountFen }).toEqual({ count: paid.n, amountFen: paid.s });
    expect(r.amountFen).toBe(130_000);
    for (const groups of [r.byCategory, r.byMonth, r.byUnit, r.byApprover]) {
      expect(groups.reduce((s, g) => s + g.amountFen, 0)).toBe(r.amountFen);
      expect(groups.reduce((s, g) => s + g.count, 0)).toBe(r.count);
    }
    expect(r.byCategory).toEqual([{ key: 'living', label: '生活困难救助', count: 2, amountFen: 130_000 }]);
    expect(r.byMonth.map((g) => g.label)).toEqual(['2026年3月']);
    expect(r.byApprover.map((g) => g.label)).toEqual(['测试director']);
    expect((await core.ok('reports.relief', { from: '2026-01-01', to: '2026-02-28' }, finance)).count).toBe(0);
  });

  it('prints and exports the same totals', async () => {
    const range = { from: '2026-01-01', to: '2026-03-31' };
    const file = pdfs.write('relief.pdf', Buffer.from((await core.ok('reports.reliefPdf', range, finance)).base64, 'base64'));
    const text = pdftotext(file);
    for (const s of ['救助发放统计表', '2026年1月1日至2026年3月31日', '按救助类别', '按审批人', '测试director', '1,300.00']) expect(text).toContain(s);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await core.ok('reports.reliefXlsx', range, finance)).base64, 'base64') as unknown as ArrayBuffer); // see above
    expect(book.worksheets.map((w) => w.name)).toEqual(['按类别', '按月份', '按单位', '按审批人']);
    const last = book.getWorksheet('按类别')!.lastRow!.values as ExcelJS.CellValue[];
    expect(last.slice(1, 4)).toEqual(['合计', 2, 1_300]);
  });
});

describe('年度汇总 and 来访统计', () => {
  it('sums the year from the same books: relief, donations, files and the 收入支出表 to date', async () => {
    const y = await core.ok('reports.yearSummary', { year: 2026 }, finance);
    const ie = await report('2026-03');
    expect(y.throughMonth).toBe('2026-03');
    expect(y.relief).toMatchObject({ count: 2, amountFen: 130_000 });
    expect(y.donations).toEqual({ count: 1, amountFen: 800_000 });
    expect(y.files).toEqual({ created: 3, exited: 0 });
    expect(y.money).toMatchObject({ incomeFen: ie.totals.incomeYearFen, expenseFen: ie.totals.expenseYearFen, surplusFen: ie.totals.surplusYearFen });
    expect(y.money.income.reduce((s, r) => s + r.yearFen, 0)).toBe(y.money.incomeFen);
    // Last year's summary runs to December and holds only last year's grant.
    const last = await core.ok('reports.yearSummary', { year: 2025 }, finance);
    expect(last).toMatchObject({ throughMonth: '2025-12', money: { incomeFen: 100_000, expenseFen: 0 }, relief: { count: 0 } });

    const text = pdftotext(pdfs.write('year.pdf', Buffer.from((await core.ok('reports.yearSummaryPdf', { year: 2026 }, finance)).base64, 'base64')));
    const flat = text.replace(/[\s　]+/g, '');
    for (const s of ['年度工作汇总表', '2026年', '新建档案3户', '救助发放合计21,300.00', '收到捐款18,000.00', formatFen(ie.totals.incomeYearFen), '单位负责人']) expect(flat).toContain(s);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await core.ok('reports.yearSummaryXlsx', { year: 2026 }, finance)).base64, 'base64') as unknown as ArrayBuffer); // see above
    expect(book.worksheets.map((w) => w.name)).toEqual(['工作', '收支']);
  });

  it('prints and exports the petitions of the year by month', async () => {
    const staff = await core.tokenFor(['staff']);
    const text = pdftotext(pdfs.write('petitions.pdf', Buffer.from((await core.ok('reports.petitionsPdf', { year: 2026 }, staff)).base64, 'base64')));
    for (const s of ['来访统计表', '2026年', '12月000000', '合计000000', '按期办结率：—']) expect(text.replace(/[\s　]+/g, '')).toContain(s);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await core.ok('reports.petitionsXlsx', { year: 2026 }, staff)).base64, 'base64') as unknown as ArrayBuffer); // see above
    const ws = book.getWorksheet('来访统计')!;
    expect(ws.rowCount).toBe(2 + 12 + 1);
    expect((ws.lastRow!.values as ExcelJS.CellValue[]).slice(1, 3)).toEqual(['合计', 0]);
  });
});
