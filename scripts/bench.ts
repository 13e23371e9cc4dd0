// npm run bench: one line per measure, `bench <name> <median ms> ms floor <ms> ms ratio <x>`,
// where the floor is the raw SQL doing the same work. Data is generated deterministically.
import { benchCampaignBuild, benchSignSheet } from '../test/bench/campaigns';
import { benchFiles, loadFiles } from '../test/bench/files';
import { benchHistory } from '../test/bench/history';
import { benchStatementOffThread } from '../test/bench/jobs';
import { benchExportsOffThread } from '../test/bench/jobsExports';
import { benchLedger, loadJournal } from '../test/bench/ledger';
import { benchLoginPage } from '../test/bench/loginPage';
import { benchMonitoring } from '../test/bench/monitoring';
import { benchPetitions } from '../test/bench/petitions';
import { benchScale } from '../test/bench/scale';
import { measure } from '../test/bench/measure';
import { makeCore } from '../test/fixtures/core';

const FILE_COUNT = Number(process.env.BENCH_FILES ?? 200_000);

async function main(): Promise<void> {
  // BENCH_ONLY=jobs: only the statement PDF off the door's thread.
  if (process.env.BENCH_ONLY === 'jobs') return benchStatementOffThread();
  // BENCH_ONLY=jobs-exports: door latency during a big stock ledger PDF and audit export, on the door's thread and on the worker.
  if (process.env.BENCH_ONLY === 'jobs-exports') return benchExportsOffThread();
  // BENCH_ONLY=scale: only the lists and search at 1M files and 5M audit rows.
  if (process.env.BENCH_ONLY === 'scale') return benchScale();
  // BENCH_ONLY=monitoring: only the revisit lists and counts at 1M files (BENCH_MONITORING_FILES).
  if (process.env.BENCH_ONLY === 'monitoring') return benchMonitoring();
  // BENCH_ONLY=petitions: only the petition list, every sort and filter, page 1 and 500, at 200k petitions (BENCH_PETITIONS).
  if (process.env.BENCH_ONLY === 'petitions') return benchPetitions();
  // BENCH_ONLY=campaigns: only building a campaign list from BENCH_FILES files.
  if (process.env.BENCH_ONLY === 'campaigns') return benchCampaignsOnly();
  // BENCH_ONLY=history: only the decades of closed books (BENCH_YEARS, BENCH_MONTH_LINES).
  if (process.env.BENCH_ONLY === 'history') return benchHistoryOnly();
  // The login page in Chromium (needs `npm run build`); BENCH_ONLY=login-page measures only this.
  const door = await makeCore();
  try {
    await benchLoginPage(door);
  } finally {
    door.close();
  }
  if (process.env.BENCH_ONLY === 'login-page') return;
  const core = await makeCore();
  try {
    const staff = await core.tokenFor(['staff']);
    const db = core.app.db;

    // The spine: a read through dispatch (session, settings, validation, transaction) vs its bare query.
    const me = db.prepare('SELECT * FROM users WHERE id = ?');
    await measure('auth.me', () => core.ok('auth.me', {}, staff), () => me.get(2));

    loadFiles(core, FILE_COUNT, 1);
    db.pragma('optimize');
    await benchFiles(core, staff, FILE_COUNT);
    await benchCampaignBuild(core, staff, FILE_COUNT);
    await benchSignSheet();

    loadJournal(core, Number(process.env.BENCH_JOURNAL_LINES ?? 50_000));
    await benchLedger(core, await core.tokenFor(['finance']));
  } finally {
    core.close();
  }
  await benchHistoryOnly();
  // A 20,000-line statement PDF while the door answers other calls (issue 14).
  await benchStatementOffThread();
  // Lists and search at 1M files and 5M audit rows, each beside its floor and its limit (issue 14).
  await benchScale();
  // The petition list at 200k petitions, 40% open (issue 14).
  await benchPetitions();
}

/** Decades of closed months (30 years × 2,000 lines a month by default; a county union is BENCH_MONTH_LINES=50000). */
async function benchHistoryOnly(): Promise<void> {
  const books = await makeCore();
  try {
    await benchHistory(books, Number(process.env.BENCH_YEARS ?? 30), Number(process.env.BENCH_MONTH_LINES ?? 2_000));
  } finally {
    books.close();
  }
}

async function benchCampaignsOnly(): Promise<void> {
  const core = await makeCore();
  try {
    const staff = await core.tokenFor(['staff']);
    loadFiles(core, FILE_COUNT, 1);
    core.app.db.pragma('optimize');
    await benchCampaignBuild(core, staff, FILE_COUNT);
  } finally {
    core.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
