// What the page sees of a running job (jobs.progress): its stage and a percent. Kept in memory for the
// caller that started it; finished jobs are forgotten after a few minutes.
import { JOB_STAGE_LABELS, type JobProgress, type JobStage } from '../../shared/contract/jobs';
import { runJob } from './pool';
import type { StageReport, TaskInput, TaskName, TaskOutput } from './tasks';

interface JobRecord {
  ownerId: number;
  /** Which document's layout speed to learn from and estimate with (the statement's lines are not a ledger's rows). */
  rateKey: string;
  stage: JobStage;
  done: number;
  total: number;
  stageStartedAt: number;
  finishedAt: number | null;
  unit?: string;
}

const KEEP_FINISHED_MS = 5 * 60_000;
const MAX_RECORDS = 500;
/** Percent range of each stage on the bar. */
const RANGE: Record<JobStage, [number, number]> = {
  queued: [0, 0],
  reading: [1, 5],
  layout: [5, 75],
  writing: [75, 99],
  checking: [1, 99],
  done: [100, 100],
  failed: [100, 100],
};

const records = new Map<string, JobRecord>();
/** Layout time per line of each kind of document, learned from finished layouts in this process (pdfmake reports nothing while it lays out). */
const layoutMsPerLine = new Map<string, number>();
const FIRST_GUESS_MS_PER_LINE = 0.5;
const msPerLine = (key: string) => layoutMsPerLine.get(key) ?? FIRST_GUESS_MS_PER_LINE;

const now = () => performance.now();

function forgetOld(at: number): void {
  for (const [id, r] of records) {
    if (records.size > MAX_RECORDS || (r.finishedAt !== null && at - r.finishedAt > KEEP_FINISHED_MS)) records.delete(id);
  }
}

function onReport(r: JobRecord, report: StageReport): void {
  const at = now();
  if (r.stage === 'layout' && report.stage !== 'layout' && r.total > 0) {
    const observed = (at - r.stageStartedAt) / r.total;
    layoutMsPerLine.set(r.rateKey, msPerLine(r.rateKey) * 0.5 + observed * 0.5);
  }
  if (report.stage !== r.stage) r.stageStartedAt = at;
  r.stage = report.stage;
  r.done = report.done ?? 0;
  r.total = report.total ?? 0;
  r.unit = report.unit;
}

function percentOf(r: JobRecord, at: number): number {
  const [from, to] = RANGE[r.stage];
  let fraction = 0;
  if (r.stage === 'layout') fraction = r.total > 0 ? Math.min(0.95, (at - r.stageStartedAt) / (r.total * msPerLine(r.rateKey))) : 0;
  else if (r.total > 0) fraction = Math.min(1, r.done / r.total);
  return Math.round(from + (to - from) * fraction);
}

function detailOf(r: JobRecord): string {
  if (r.stage === 'checking' && r.total > 0 && r.unit) return `已校验 ${r.done} / ${r.total} ${r.unit}`;
  if (r.stage === 'checking' && r.total > 0) return `已校验至第 ${r.done} 号记录，共 ${r.total} 号`;
  if (r.stage === 'layout' && r.total > 0) return `共 ${r.total} 行`;
  return '';
}

/** Progress of the caller's own job; unknown for another user's id. */
export function jobProgress(ownerId: number, jobId: string): JobProgress {
  const r = records.get(jobId);
  if (!r || r.ownerId !== ownerId) return { known: false, stage: 'queued', percent: 0, detail: '' };
  const detail = detailOf(r);
  return { known: true, stage: r.stage, percent: percentOf(r, now()), detail: detail ? `${JOB_STAGE_LABELS[r.stage]}：${detail}` : JOB_STAGE_LABELS[r.stage] };
}

/** Runs a task off the door's thread, recording its progress under `jobId` (when the page gave one) for `ownerId`. */
export async function runTracked<K extends TaskName>(ownerId: number, jobId: string | undefined, task: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
  if (jobId === undefined) return runJob(task, input);
  const at = now();
  forgetOld(at);
  const kind = (input as { kind?: unknown }).kind;
  const r: JobRecord = { ownerId, rateKey: typeof kind === 'string' ? `${task}:${kind}` : task, stage: 'queued', done: 0, total: 0, stageStartedAt: at, finishedAt: null };
  records.set(jobId, r);
  try {
    const out = await runJob(task, input, (report) => onReport(r, report));
    onReport(r, { stage: 'done' });
    return out;
  } catch (e) {
    onReport(r, { stage: 'failed' });
    throw e;
  } finally {
    r.finishedAt = now();
  }
}
