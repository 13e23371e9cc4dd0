import { monthlyStatementDoc } from '../../electron/pdf/documents/monthlyStatement';
import { donationReceiptDoc } from '../../electron/pdf/documents/donationReceipt';
import { renderPdf } from '../../electron/pdf/render';
import { largeMonthlyStatement, SAMPLE_FINANCE_CENTRE, sampleDonation, sampleDonationReceipt } from '../../electron/pdf/samples';
import { monthlyStatement, STATEMENT_PAGE_SQL, statementOnScreen } from '../../electron/core/ledger/reports';
import type { TestCore } from '../fixtures/core';
import { createRng } from '../fixtures/people';
import { measure } from './measure';

const MONTH = '2026-11';

/** A month of `lines` journal lines (donations in, payments out, four funds), written straight to the tables. */
export function loadJournal(core: TestCore, lines: number): void {
  const db = core.app.db;
  const rng = createRng(7);
  const entry = db.prepare("INSERT INTO journal_entries (number, date, month, memo, kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, 1, '2026-11-30T00:00:00Z')");
  const line = db.prepare('INSERT INTO journal_lines (entry_id, account_id, fund_id, month, date, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const opening = db.prepare("INSERT INTO journal_entries (number, date, month, memo, kind, created_by, created_at) VALUES (?, '2026-10-31', '2026-10', '期初', 'opening', 1, '2026-10-31T00:00:00Z')");
  db.transaction(() => {
    for (let fund = 1; fund <= 4; fund++) {
      const id = Number(opening.run(`PZ-2026-O${fund}`).lastInsertRowid);
      line.run(id, 2, fund, '2026-10', '2026-10-31', 100_000_000, 0);
      line.run(id, 3, fund, '2026-10', '2026-10-31', 0, 100_000_000);
    }
    for (let i = 0; i < lines / 2; i++) {
      const fund = rng.int(1, 4);
      const day = String(rng.int(1, 30)).padStart(2, '0');
      const amount = rng.int(100, 200_000);
      const donation = rng.next() < 0.5;
      const id = Number(entry.run(`PZ-2026-B${i}`, `${MONTH}-${day}`, MONTH, donation ? '收到捐款' : '发放救助', donation ? 'donation' : 'relief_payment').lastInsertRowid);
      const money = rng.next() < 0.5 ? 1 : 2;
      if (donation) {
        line.run(id, money, fund, MONTH, `${MONTH}-${day}`, amount, 0);
        line.run(id, 3, fund, MONTH, `${MONTH}-${day}`, 0, amount);
      } else {
        line.run(id, 5, fund, MONTH, `${MONTH}-${day}`, amount, 0);
        line.run(id, money, fund, MONTH, `${MONTH}-${day}`, 0, amount);
      }
    }
  })();
}

export async function benchLedger(core: TestCore, token: string): Promise<void> {
  const db = core.app.db;
  // The floor: the same two statements the statement runs, raw.
  const figures = db.prepare(
    `SELECT f.id, coalesce(sum(CASE WHEN l.month < @month THEN l.debit_fen - l.credit_fen END), 0),
       coalesce(sum(CASE WHEN l.month = @month THEN l.debit_fen END), 0), coalesce(sum(CASE WHEN l.month = @month THEN l.credit_fen END), 0)
     FROM funds f LEFT JOIN journal_lines l ON l.fund_id = f.id AND l.month <= @month AND l.account_id IN (SELECT id FROM accounts WHERE kind IN ('cash', 'bank'))
     GROUP BY f.id`,
  );
  const details = db.prepare(
    `SELECT l.fund_id, l.date, e.number, e.memo, a.name, l.debit_fen, l.credit_fen FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
     JOIN accounts a ON a.id = l.account_id WHERE l.month = @month AND a.kind IN ('cash', 'bank') ORDER BY l.fund_id, l.date, l.entry_id, l.id`,
  );
  const s = monthlyStatement(db, MONTH);
  const lines = s.funds.reduce((n, f) => n + f.lines.length, 0);
  console.log(`# statement ${MONTH}: ${lines} money lines over ${s.funds.length} funds`);
  // The full statement is what the PDF and Excel jobs read (on the worker); the floor is its two raw reads.
  await measure('ledger.statement.full', () => monthlyStatement(db, MONTH), () => (figures.all({ month: MONTH }), details.all({ month: MONTH })), 30);
  // On screen: figures and 50 lines per fund. Its floor is reading 50 lines of each fund straight from the index.
  const pageSize = 50;
  const fundIds = s.funds.map((f) => f.fundId);
  const pageFloor = db.prepare(STATEMENT_PAGE_SQL.page);
  const firstPages = () => fundIds.forEach((fundId) => pageFloor.all({ month: MONTH, fundId, offset: 0, limit: pageSize }));
  await measure('ledger.statement.core', () => statementOnScreen(db, MONTH, pageSize), firstPages, 30);
  await measure('ledger.statement', () => core.ok('ledger.statement', { month: MONTH, pageSize }, token), firstPages, 30);
  // A late page of the biggest fund: its running balance sums the lines before it from the index.
  const busiest = s.funds.reduce((a, b) => (b.lines.length > a.lines.length ? b : a));
  const lastPage = Math.ceil(busiest.lines.length / pageSize);
  await measure(
    `ledger.statementLines.page${lastPage}`,
    () => core.ok('ledger.statementLines', { month: MONTH, fundId: busiest.fundId, page: lastPage, pageSize }, token),
    () => pageFloor.all({ month: MONTH, fundId: busiest.fundId, offset: 0, limit: pageSize }),
    30,
  );

  // PDFs: the floor is rendering an empty A4 page with the same renderer.
  const blank = () => renderPdf({ content: [{ text: ' ' }] });
  const big = largeMonthlyStatement(2000);
  await measure('pdf.statement.2000lines', () => renderPdf(monthlyStatementDoc(big, { ...SAMPLE_FINANCE_CENTRE, printedAt: new Date() }, { preparedBy: '周丽华' })), blank, 5);
  await measure(
    'pdf.donationReceipt',
    () => renderPdf(donationReceiptDoc(sampleDonation(), sampleDonationReceipt(), { ...SAMPLE_FINANCE_CENTRE, printedAt: new Date() }, { handler: '周丽华', reprint: false })),
    blank,
    30,
  );
}
