// Timing helpers for `npm run bench`: median of many runs, beside the raw-SQL floor doing the same work.
export interface Measure {
  name: string;
  medianMs: number;
  floorMs: number;
  ratio: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Alternates the measured path and its floor so both see the same machine state. */
export async function measure(name: string, fn: () => unknown, floor: () => unknown, runs = 300, warmup = 30): Promise<Measure> {
  for (let i = 0; i < warmup; i++) (await fn(), await floor());
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await time(fn));
    b.push(await time(floor));
  }
  const m = { name, medianMs: median(a), floorMs: median(b), ratio: median(a) / median(b) };
  console.log(`bench ${name} ${m.medianMs.toFixed(3)} ms floor ${m.floorMs.toFixed(3)} ms ratio ${m.ratio.toFixed(2)}`);
  return m;
}

export function sameIds(label: string, a: { id: number }[], b: { id: number }[]): void {
  const x = a.map((r) => r.id).join(',');
  const y = b.map((r) => r.id).join(',');
  if (x !== y) throw new Error(`${label}: the app and the floor returned different rows (${x} vs ${y})`);
}
