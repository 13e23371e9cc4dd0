// One worker thread for long work, so the door's thread keeps answering (issue 14). The worker is the
// built out/main/jobs-worker.js in the app, or electron/jobs/worker.ts under tsx when running from
// source (tests, bench). When neither can start, tasks run on the main thread as before: slower for
// everyone else, but the document is still produced (said once on the console).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { fontPaths } from '../pdf/fonts';
import type { DocumentArgs, OffThreadDocument } from './documents';
import type { JobRequest, WorkerMessage, WorkerSettings } from './protocol';
import { runTask, type Report, type TaskInput, type TaskName, type TaskOutput } from './tasks';

interface Pending {
  request: JobRequest;
  report: Report;
  resolve(value: unknown): void;
  reject(e: unknown): void;
}

export type JobsMode = 'worker' | 'source-worker' | 'in-process';

interface Entry {
  file: string;
  /** TypeScript source: the worker registers tsx before loading it. */
  source: boolean;
}

const BUILT = 'jobs-worker.js';

/** The built worker beside the main bundle (out/main, or out/main/chunks for shared code), else the TS source beside this file. */
export function workerEntry(): Entry | null {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const dir of [here, path.dirname(here)]) {
    const built = path.join(dir, BUILT);
    if (fs.existsSync(built)) return { file: built, source: false };
  }
  const source = path.join(here, 'worker.ts');
  return fs.existsSync(source) ? { file: source, source: true } : null;
}

// A source worker: register tsx (found from the source tree) in the thread, then load the TS entry.
const SOURCE_BOOT = `
const { workerData } = require('node:worker_threads');
const path = require('node:path');
require(require.resolve('tsx/cjs/api', { paths: [path.dirname(workerData.entry)] })).register();
require(workerData.entry);
`;

let worker: Worker | null = null;
let ready = false;
let unavailable: string | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function fontDir(): string | undefined {
  try {
    return fontPaths().dir;
  } catch {
    return undefined; // the task reports the missing fonts itself
  }
}

function startWorker(): Worker | null {
  if (worker || unavailable) return worker;
  const entry = workerEntry();
  if (!entry) {
    giveUp('no worker file (out/main/jobs-worker.js or electron/jobs/worker.ts)');
    return null;
  }
  const settings: WorkerSettings = { fontDir: fontDir() };
  const w = entry.source
    ? new Worker(SOURCE_BOOT, { eval: true, workerData: { ...settings, entry: entry.file } })
    : new Worker(entry.file, { workerData: settings });
  worker = w;
  ready = false;
  w.on('message', (m: WorkerMessage) => onMessage(m));
  w.on('error', (e) => onGone(w, e));
  w.on('exit', (code) => onGone(w, new Error(`worker exited with code ${code}`)));
  w.unref(); // an idle worker never keeps the process alive
  return w;
}

function giveUp(reason: string): void {
  unavailable = reason;
  console.error(`[jobs] long work runs on the main thread: ${reason}`);
}

function onMessage(m: WorkerMessage): void {
  if ('ready' in m) {
    ready = true;
    return;
  }
  const job = pending.get(m.id);
  if (!job) return;
  if ('progress' in m) return job.report(m.progress);
  pending.delete(m.id);
  if (pending.size === 0) worker?.unref();
  if ('result' in m) job.resolve(m.result);
  else job.reject(m.error.code ? new AppError(m.error.code, m.error.message) : new Error(m.error.message));
}

/** A worker that never got ready is given up for good and its jobs run here; one that died mid-job fails them. */
function onGone(w: Worker, e: unknown): void {
  if (worker !== w) return;
  worker = null;
  const jobs = [...pending.values()];
  pending.clear();
  if (!ready) {
    giveUp(`worker did not start (${e instanceof Error ? e.message : String(e)})`);
    for (const job of jobs) runTask(job.request.task, job.request.input, job.report).then(job.resolve, job.reject);
    return;
  }
  console.error('[jobs] worker stopped', e);
  for (const job of jobs) job.reject(new AppError('INTERNAL', '后台任务意外中止，请重试。如反复出现请联系管理员。'));
}

/** Runs a task on the worker thread (or here, when no worker can start); `report` hears its progress. */
export function runJob<K extends TaskName>(task: K, input: TaskInput<K>, report: Report = () => {}): Promise<TaskOutput<K>> {
  const w = startWorker();
  if (!w) return runTask(task, input, report);
  const request: JobRequest = { id: nextId++, task, input };
  return new Promise<TaskOutput<K>>((resolve, reject) => {
    pending.set(request.id, { request, report, resolve: resolve as (v: unknown) => void, reject });
    w.ref(); // a job in flight keeps the process alive until it answers
    w.postMessage(request);
  });
}

/** Lays out and renders a registered document on the worker; answers the PDF in base64. */
export function renderOffThread<D extends OffThreadDocument>(document: D, ...args: DocumentArgs<D>): Promise<string> {
  return runJob('document', { document, args });
}

/**
 * Starts the worker ahead of need (loading its code takes a second or more), e.g. when the page that
 * prints a big document opens. Does nothing when it runs already or cannot start.
 */
export function warmJobs(): void {
  startWorker();
}

/** Where long work runs now (for the bench and tests). */
export function jobsMode(): JobsMode {
  if (unavailable) return 'in-process';
  const entry = workerEntry();
  return entry === null ? 'in-process' : entry.source ? 'source-worker' : 'worker';
}

/** Stops the worker (tests, shutdown); the next job starts a new one. */
export async function stopJobs(): Promise<void> {
  const w = worker;
  worker = null;
  for (const job of pending.values()) job.reject(new AppError('INTERNAL', '程序正在退出，后台任务已停止。'));
  pending.clear();
  if (w) await w.terminate();
}
