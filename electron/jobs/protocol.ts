// Messages between the pool (main thread) and the worker thread.
import type { ErrorCode } from '../../shared/errors';
import type { StageReport, TaskInput, TaskName } from './tasks';

export interface WorkerSettings {
  /** The fonts directory the main process found. */
  fontDir?: string;
}

export interface JobRequest<K extends TaskName = TaskName> {
  id: number;
  task: K;
  input: TaskInput<K>;
}

export type WorkerMessage =
  | { ready: true }
  | { id: number; progress: StageReport }
  | { id: number; result: unknown }
  | { id: number; error: { code: ErrorCode | null; message: string } };
