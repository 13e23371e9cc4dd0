// Worker-thread entry (built to out/main/jobs-worker.js; run from source under tsx in tests): runs the
// tasks the pool posts and answers with progress, a result or an error. One message in, many out.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { useFontDir } from '../pdf/fonts';
import type { JobRequest, WorkerMessage, WorkerSettings } from './protocol';
import { runTask } from './tasks';

const port = parentPort;
if (!port) throw new Error('electron/jobs/worker.ts runs only as a worker thread');
const settings = (workerData ?? {}) as WorkerSettings;
if (settings.fontDir) useFontDir(settings.fontDir);

const post = (m: WorkerMessage) => port.postMessage(m);

port.on('message', (req: JobRequest) => {
  runTask(req.task, req.input, (progress) => post({ id: req.id, progress })).then(
    (result) => post({ id: req.id, result }),
    (e: unknown) =>
      post({
        id: req.id,
        error: e instanceof AppError ? { code: e.code, message: e.message } : { code: null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
      }),
  );
});
post({ ready: true });
