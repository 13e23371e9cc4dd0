// Progress of a long call (big PDF or workbook, audit check) that runs on the program's worker thread:
// the call carries a job id the page chose, and the page asks jobs.progress about it while waiting.
import { Progress, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { JobProgress } from '../../../shared/contract/jobs';
import { invoke } from '../api';

const POLL_MS = 400;

function newJobId(): string {
  const c = globalThis.crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `track(call)` runs `call(jobId)` and keeps `progress` current until it answers (null while idle or quick). */
export function useJobProgress() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const track = useCallback(async <T,>(call: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = newJobId();
    let running = true;
    void (async () => {
      while (running) {
        await sleep(POLL_MS);
        if (!running) return;
        try {
          const p = await invoke('jobs.progress', { jobId });
          if (running && p.known) setProgress(p);
        } catch {
          // a missed poll only leaves the bar where it was
        }
      }
    })();
    try {
      return await call(jobId);
    } finally {
      running = false;
      setProgress(null);
    }
  }, []);
  return { progress, track };
}

export function JobProgressBar({ progress, label }: { progress: JobProgress | null; label: string }) {
  if (!progress) return null;
  return (
    <div data-testid="job-progress" style={{ maxWidth: 480, margin: '8px 0 16px' }}>
      <Typography.Text type="secondary">
        {label}：{progress.detail}
      </Typography.Text>
      <Progress percent={progress.percent} status="active" size="small" />
    </div>
  );
}
