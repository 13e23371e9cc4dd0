// Books with decades of closed months behind them: what posting, the lists behind every payment
// dialog, month status, trial balance, statement and close cost when history is long.
import { takeSnapshot, storeSnapshot } from '../../electron/core/ledger/periods';
import { STATEMENT_PAGE_SQL } from '../../electron/core/ledger/reports';
import { nextMonth } from '../../shared/months';
import { TEST_PASSWORD, type TestCore } from '../fixtures/core';
import { shanghai } from '../fixtures/petitions';
import { createRng } from '../fixtures/people';
import { measure } from './measure';

export interface History {
  firstMonth: string;
  openMonth: string;
  lines: number;
}

/**
 * `years` of months with `perMonth` journal lines each, written straight to the tables; every month
 * but the last is closed with its snapshot, as month-end closing would leave them.
 */
export function loadHistory(core: TestCore, years: number, perMonth: number, userId: number): History {
  const db = core.app.db;
  const rng = createRng(30);
  const entry = db.prepare("INSERT INTO journal_entries (number, date, month, memo, kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, '2000-01-01T00:00:00Z')");
  const line = db.prepare('INSERT INTO journal_lines (entry_id, account_id, fund_id, month, date, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const close = db.prepare("INSERT INTO month_events (month, action, by_user, at, reason, has_snapshot) VALUES (?, 'close', ?, '2000-01-01T00:00:00Z', '', 1)");
  const months = years * 12;
  let month = `${2026 - years}-12`;
  const firstMonth = month;
  let n = 0;
  for (let m = 0; m < months; m++) {
    db.transaction(() => {
      if (m === 0) {
        // Opening balances: ¥1,000,000 in cash and in the bank for each fund, against the grant income account.
        for (let fund = 1; fund <= 4; fund++) {
          const id = Number(entry.run(`PZ-H-${n++}`, `${month}-01`, month, '期初余额', 'opening', userId).lastInsertRowid);
          for (const money of [1, 2]) line.run(id, money, fund, month, `${month}-01`, 100_000_000, 0);
          line.run(id, 4, fund, month, `${month}-01`, 0, 200_000_000);
        }
      }
      for (let i = 0; i < perMonth / 2; i++) {
        const fund = rng.int(1, 4);
        const date = `${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const money = rng.next() < 0.5 ? 1 : 2;
        // Donations a little larger than payments on average, so no fund runs dry over the decades.
        const donation = rng.next() < 0.5;
        const amount = donation ? rng.int(100, 200_000) : rng.int(100, 199_000);
        const id = Number(entry.run(`PZ-H-${n++}`, date, month, donation ? '收到捐款' : '发放救助', donation ? 'donation' : 'relief_payment', userId).lastInsertRowid);
        if (donation) (line.run(id, money, fund, month, date, amount, 0), line.run(id, 3, fund, month, date, 0, amount));
        else (line.run(id, 5, fund, month, date, amount, 0), line.run(id, money, fund, month, date, 0, amount));
      }
      if (m < months - 1) {
        const snap = takeSnapshot(db, month);
        storeSnapshot(db, Number(close.run(month, userId).lastInsertRowid), snap);
      }
    })();
    if (m < months - 1) month = nextMonth(month);
    if (m % 12 === 11) process.stderr.write(`\r生成账簿 generating books ${(m + 1) / 12}/${years} years`);
  }
  process.stderr.write('\n');
  return { firstMonth, openMonth: month, lines: n * 2 };
}

export async function benchHistory(core: TestCore, years: number, perMonth: number): Promise<void> {
  const db = core.app.db;
  await core.tokenFor(['finance']);
  await core.tokenFor(['chair']);
  const financeId = (db.prepare("SELECT id FROM users WHERE username = 'u_finance'").get() as { id: number }).id;
  const h = loadHistory(core, years, perMonth, financeId);
  db.pragma('optimize');
  console.log(`# books: ${years} years × ${perMonth} lines a month = ${h.lines} lines, closed through the month before ${h.openMonth}`);
  // Today is the first days of the month after the open one, so the open month can be closed.
  core.clock.set(shanghai(`${nextMonth(h.openMonth)}-02`));
  const finance = (await core.ok('auth.login', { username: 'u_finance', password: TEST_PASSWORD })).token;
  const chair = (await core.ok('auth.login', { username: 'u_chair', password: TEST_PASSWORD })).token;
  const donorId = (await core.ok('ledger.addDonor', { kind: 'unit', name: '红星机械厂', contact: '', phone: '', address: '' }, finance)).id;
  const today = `${nextMonth(h.openMonth)}-02`;

  // Floors: the raw statements doing the same work without the core.
  const insertEntry = db.prepare("INSERT INTO journal_entries (number, date, month, memo, kind, created_by, created_at) VALUES (?, ?, ?, '捐款', 'donation', ?, '2000-01-01T00:00:00Z')");
  const insertLine = db.prepare('INSERT INTO journal_lines (entry_id, account_id, fund_id, month, date, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let k = 0;
  const rawPosting = () =>
    db.transaction(() => {
      const id = Number(insertEntry.run(`PZ-F-${k++}`, today, today.slice(0, 7), financeId).lastInsertRowid);
      insertLine.run(id, 1, 4, today.slice(0, 7), today, 100, 0);
      insertLine.run(id, 3, 4, today.slice(0, 7), today, 0, 100);
    }).immediate();
  await measure(`ledger.donate@${years}y`, () => core.ok('ledger.donate', { donorId, date: today, amountFen: 100, method: 'cash', fundId: 4 }, finance), rawPosting, 200);

  const accounts = db.prepare('SELECT * FROM accounts ORDER BY code');
  const funds = db.prepare('SELECT * FROM funds ORDER BY id');
  await measure(`ledger.funds@${years}y`, () => core.ok('ledger.funds', {}, finance), () => funds.all(), 100);
  await measure(`ledger.accounts@${years}y`, () => core.ok('ledger.accounts', {}, finance), () => accounts.all(), 100);

  const monthLines = db.prepare('SELECT account_id, sum(debit_fen), sum(credit_fen) FROM month_totals WHERE month = ? GROUP BY account_id');
  // The statement on screen: figures from snapshots and month_totals, 50 lines a fund from the index.
  const statementPage = db.prepare(STATEMENT_PAGE_SQL.page);
  const statementFunds = (await core.ok('ledger.statement', { month: h.openMonth, pageSize: 50 }, finance)).funds;
  const firstPages = () => statementFunds.forEach((f) => statementPage.all({ month: h.openMonth, fundId: f.fundId, offset: 0, limit: 50 }));
  const biggest = statementFunds.reduce((a, b) => (b.lineCount > a.lineCount ? b : a));
  const lastPage = Math.ceil(biggest.lineCount / 50);
  await measure(`ledger.trialBalance@${years}y`, () => core.ok('ledger.trialBalance', { month: h.openMonth }, finance), () => monthLines.all(h.openMonth), 50);
  await measure(`ledger.statement@${years}y`, () => core.ok('ledger.statement', { month: h.openMonth, pageSize: 50 }, finance), firstPages, 30);
  await measure(
    `ledger.statementLines.page${lastPage}@${years}y`,
    () => core.ok('ledger.statementLines', { month: h.openMonth, fundId: biggest.fundId, page: lastPage, pageSize: 50 }, finance),
    () => statementPage.all({ month: h.openMonth, fundId: biggest.fundId, offset: 0, limit: 50 }),
    30,
  );
  const yearTotals = db.prepare('SELECT account_id, sum(debit_fen), sum(credit_fen) FROM month_totals WHERE month >= ? AND month <= ? GROUP BY account_id');
  await measure(`reports.incomeExpenditure@${years}y`, () => core.ok('reports.incomeExpenditure', { month: h.openMonth }, finance), () => yearTotals.all(`${h.openMonth.slice(0, 4)}-01`, h.openMonth), 50);
  await measure(`ledger.monthStatus@${years}y`, () => core.ok('ledger.monthStatus', { month: h.openMonth }, finance), () => monthLines.all(h.openMonth), 50);

  // Close and reopen the open month (the reopen is the chair's): each pair is one measured run.
  const status = await core.ok('ledger.monthStatus', { month: h.openMonth }, finance);
  const counts = status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen }));
  await measure(
    `ledger.closeMonth+reopen@${years}y`,
    async () => {
      await core.ok('ledger.closeMonth', { month: h.openMonth, counts }, finance);
      await core.ok('ledger.reopenMonth', { month: h.openMonth, reason: '基准测试' }, chair);
    },
    () => monthLines.all(h.openMonth),
    10,
  );
}
