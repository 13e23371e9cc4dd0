// The statement on screen (issue 14): figures for every fund and one page of lines at a time. Paged
// through, every line appears once, in the printed order, with a running balance equal to one worked
// out from scratch; the figures are the ones the PDF and Excel print (they list every line). The page
// reads come in order from an index, with no sort however long the month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementBalancedLine } from '../../../shared/contract/ledger';
import { monthlyStatement, STATEMENT_PAGE_SQL } from '../../../electron/core/ledger/reports';
import { loadJournal } from '../../bench/ledger';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

const MONTH = '2026-11';
let core: TestCore;
let finance: string;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-12-03') });
  finance = await core.tokenFor(['finance']);
  loadJournal(core, 1_500); // four funds' opening in October, 1,500 lines in November
  // Close October so November's opening comes from the snapshot.
  const status = await core.ok('ledger.monthStatus', { month: '2026-10' }, finance);
  await core.ok('ledger.closeMonth', { month: '2026-10', counts: status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen })) }, finance);
});
afterAll(() => core.close());

describe('the statement on screen, a page at a time', () => {
  it('pages through every fund: each line once, in order, balances from scratch, figures as printed', async () => {
    const full = monthlyStatement(core.app.db, MONTH); // what the PDF and Excel jobs lay out
    const pageSize = 37;
    const screen = await core.ok('ledger.statement', { month: MONTH, pageSize }, finance);
    expect(screen.totals).toEqual(full.totals);
    expect(screen.materials).toEqual(full.materials);
    expect(screen.funds.map((f) => f.fundId)).toEqual(full.funds.map((f) => f.fundId));
    expect(full.funds.reduce((n, f) => n + f.lines.length, 0)).toBeGreaterThan(700);
    for (const printed of full.funds) {
      const shown = screen.funds.find((f) => f.fundId === printed.fundId)!;
      const { lines: firstPage, lineCount, page, ...figures } = shown;
      const { lines: printedLines, ...printedFigures } = printed;
      expect({ ...figures, lineCount, page }).toEqual({ ...printedFigures, lineCount: printedLines.length, page: 1, pageSize, fundId: printed.fundId });
      expect(firstPage.length).toBe(Math.min(pageSize, printedLines.length));

      const paged: StatementBalancedLine[] = [];
      const pages = Math.ceil(lineCount / pageSize);
      for (let p = 1; p <= pages; p++) {
        const r = await core.ok('ledger.statementLines', { month: MONTH, fundId: printed.fundId, page: p, pageSize }, finance);
        expect(r.lineCount).toBe(lineCount);
        expect(r.lines.length).toBe(p < pages ? pageSize : lineCount - (pages - 1) * pageSize);
        if (p === 1) expect(r.lines).toEqual(firstPage);
        paged.push(...r.lines);
      }
      // Past the end: an empty page, not an error.
      expect((await core.ok('ledger.statementLines', { month: MONTH, fundId: printed.fundId, page: pages + 1, pageSize }, finance)).lines).toEqual([]);

      expect(paged.map(({ balanceFen: _, ...l }) => l)).toEqual(printedLines);
      let balance = printed.openingFen;
      expect(paged.map((l) => l.balanceFen)).toEqual(printedLines.map((l) => (balance += l.receiptFen - l.paymentFen)));
      expect(paged.at(-1)!.balanceFen).toBe(printed.closingFen);
    }
  });

  it('a month without lines: figures and empty pages', async () => {
    const s = await core.ok('ledger.statement', { month: '2026-12' }, finance);
    expect(s.funds.length).toBe(4);
    for (const f of s.funds) expect(f).toMatchObject({ receiptsFen: 0, paymentsFen: 0, closingFen: f.openingFen, lineCount: 0, lines: [] });
  });

  it('reads the page and the lines before it in order from the statement index, the count from the kept counts, with no sort', () => {
    const db = core.app.db;
    const params = { month: MONTH, fundId: 2, offset: 370, limit: 37, fromEnd: 100, afterPage: 63 };
    for (const [name, sql] of Object.entries(STATEMENT_PAGE_SQL)) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
      const source = { count: 'month_line_counts USING PRIMARY KEY', monthNet: 'month_totals USING PRIMARY KEY' }[name] ?? 'USING COVERING INDEX journal_lines_statement';
      expect(plan, name).toContain(source);
      expect(plan, name).not.toContain('TEMP B-TREE');
    }
  });
});
