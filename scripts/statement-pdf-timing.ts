// Times one 月度收支明细表 PDF of N generated lines (issue 14): layout and writing separately.
//   npx tsx scripts/statement-pdf-timing.ts [lines] [out.pdf]
import fs from 'node:fs';
import { monthlyStatementDoc } from '../electron/pdf/documents/monthlyStatement';
import { renderPdf } from '../electron/pdf/render';
import { largeMonthlyStatement, SAMPLE_FINANCE_CENTRE } from '../electron/pdf/samples';

const lines = Number(process.argv[2] ?? 20_000);
const out = process.argv[3];

async function main(): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = monthlyStatementDoc(largeMonthlyStatement(lines), SAMPLE_FINANCE_CENTRE, { preparedBy: '周丽华', auditAnchor: { rowCount: 123456, lastHash: 'ab'.repeat(32) } });
  const t1 = performance.now();
  let laidOut = 0;
  const bytes = await renderPdf(doc, { onWriting: () => (laidOut ||= performance.now()) });
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  console.log(`${lines} lines: definition ${(t1 - t0).toFixed(0)} ms, layout ${((laidOut || t2) - t1).toFixed(0)} ms, writing ${(t2 - (laidOut || t2)).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), ${(bytes.length / 1e6).toFixed(2)} MB`);
  if (out) fs.writeFileSync(out, bytes);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
