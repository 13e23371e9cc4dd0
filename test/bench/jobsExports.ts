// Door latency while a big export is made (issue 14): a BENCH_STOCK_ROWS-row 物资收发存月报 PDF and a
// BENCH_AUDIT_EXPORT_ROWS-row audit log workbook, each made the old way (read and written on the
// door's thread) and through the channel (on the jobs worker), while a second client keeps calling
// auth.me through the browser door. Prints the p99 of that call during each beside the idle door's.
import { appendAudit } from '../../electron/core/audit/chain';
import { settingsOn } from '../../electron/core/settings/store';
import { runTask } from '../../electron/jobs/tasks';
import { jobsMode } from '../../electron/jobs/pool';
import { startBrowserDoor } from '../../electron/server';
import { localDate } from '../../shared/dates';
import { makeCore, type TestCore } from '../fixtures/core';
import { percentile, post, timedCall } from './jobs';
import { loadStock } from './stock';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function loadAudit(core: TestCore, rows: number): void {
  const db = core.app.db;
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      appendAudit(db, { at: new Date(Date.UTC(2026, 10, 1 + (i % 28), 2, 0, i % 60)).toISOString(), userId: 1, username: 'admin', channel: 'files.update', outcome: 'ok', code: null, summary: `修改档案 第 ${i} 次：地址、电话`, entityType: 'worker_file', entityId: 1 + (i % 500) });
    }
  })();
}

/** p99 of auth.me through the door while `work` runs; `work` may hold the door's thread (the old way). */
async function during(url: string, token: string, work: () => Promise<unknown>): Promise<{ ms: number; p99: number; calls: number; max: number }> {
  let done = false;
  const latencies: number[] = [];
  const caller = (async () => {
    while (!done) {
      const t0 = performance.now();
      // A door held up for minutes may drop the waiting call (headers timeout): it waited all the same.
      await post(url, 'auth.me', {}, token).catch(() => undefined);
      latencies.push(performance.now() - t0);
      await pause(5);
    }
  })();
  await pause(50);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  done = true;
  await caller;
  return { ms, p99: percentile(latencies, 0.99), calls: latencies.length, max: Math.max(...latencies) };
}

function line(name: string, r: { ms: number; p99: number; calls: number; max: number }, floor: number): void {
  console.log(`bench ${name} ${r.p99.toFixed(3)} ms floor ${floor.toFixed(3)} ms ratio ${(r.p99 / floor).toFixed(2)} (idle door p99; ${r.calls} calls; the export took ${r.ms.toFixed(0)} ms)`);
  // The longest wait is the freeze a user sees: one call held for the whole of a synchronous stretch.
  console.log(`bench ${name.replace('.p99.', '.max.')} ${r.max.toFixed(1)} ms`);
}

export async function benchExportsOffThread(stockRows = Number(process.env.BENCH_STOCK_ROWS ?? 4_000), auditRows = Number(process.env.BENCH_AUDIT_EXPORT_ROWS ?? 49_000)): Promise<void> {
  const core = await makeCore();
  const door = await startBrowserDoor(core.app, { staticDir: 'out/renderer' });
  try {
    const finance = await core.tokenFor(['finance']);
    const staff = await core.tokenFor(['staff']);
    loadStock(core, Math.ceil(stockRows / 2), 2);
    loadAudit(core, auditRows);
    console.log(`# exports off the door thread (${jobsMode()}): ${stockRows}-row stock ledger PDF, ${auditRows}-row audit export`);
    await core.ok('audit.verify', {}, core.adminToken); // starts the worker and loads its code

    const idle: number[] = [];
    for (let i = 0; i < 300; i++) (idle.push(await timedCall(door.url, staff)), await pause(5));
    const floor = percentile(idle, 0.99);

    const settings = settingsOn(core.app.db, localDate(core.clock.now()));
    const dbFile = core.app.db.name;
    const stockArgs = { month: '2026-11', centre: { ...settings, printedAt: core.clock.now() }, preparedBy: '测试' };
    const auditArgs = { filter: {}, scope: '全部日期', centreName: settings.centreName };

    if (stockRows > 0) {
      const stockBefore = await during(door.url, staff, () => runTask('export', { dbFile, kind: 'stockLedgerPdf', args: stockArgs }, () => {}));
      line(`door.auth.me.p99.duringStockLedgerPdf.${stockRows}rows.onDoorThread`, stockBefore, floor);
      const stockAfter = await during(door.url, staff, async () => {
        const r = await post(door.url, 'materials.ledgerPdf', { month: '2026-11', jobId: 'bench-stock-ledger' }, finance);
        if (!r.ok) throw new Error(`stock ledger refused: ${JSON.stringify(r.error)}`);
      });
      line(`door.auth.me.p99.duringStockLedgerPdf.${stockRows}rows.onWorker`, stockAfter, floor);
      console.log(`bench door.auth.me.p99.duringStockLedgerPdf.onWorker limit 100 ms ${stockAfter.p99 <= 100 ? 'within' : 'OVER THE LIMIT'}`);
    }

    const auditBefore = await during(door.url, staff, () => runTask('export', { dbFile, kind: 'auditXlsx', args: auditArgs }, () => {}));
    line(`door.auth.me.p99.duringAuditXlsx.${auditRows}rows.onDoorThread`, auditBefore, floor);
    const auditAfter = await during(door.url, staff, async () => {
      const r = await post(door.url, 'audit.exportXlsx', { jobId: 'bench-audit-export' }, core.adminToken);
      if (!r.ok) throw new Error(`audit export refused: ${JSON.stringify(r.error)}`);
    });
    line(`door.auth.me.p99.duringAuditXlsx.${auditRows}rows.onWorker`, auditAfter, floor);
    console.log(`bench door.auth.me.p99.duringAuditXlsx.onWorker limit 100 ms ${auditAfter.p99 <= 100 ? 'within' : 'OVER THE LIMIT'}`);
  } finally {
    await door.close();
    core.close();
  }
}
