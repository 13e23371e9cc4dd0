// Long work (big PDFs and workbooks, the audit chain check) runs off the door's thread. The page names
// the job with an id of its own choosing, passes it with the long call, and polls jobs.progress with it
// while that call is still running.
import { z } from 'zod';
import { channel } from './define';

/** Chosen by the page (e.g. crypto.randomUUID()); only the caller who started the job can read it. */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '任务编号格式不正确');

export type JobStage = 'queued' | 'reading' | 'layout' | 'writing' | 'checking' | 'done' | 'failed';

export const JOB_STAGE_LABELS: Record<JobStage, string> = {
  queued: '排队等候',
  reading: '读取数据',
  layout: '排版（按以往速度估计）',
  writing: '生成文件',
  checking: '逐条校验',
  done: '已完成',
  failed: '未完成',
};

export interface JobProgress {
  /** false: no such job for this user (not started yet, finished long ago, or another user's). */
  known: boolean;
  stage: JobStage;
  /** 0–100; during layout an estimate from earlier runs, otherwise counted. */
  percent: number;
  /** What is being counted, e.g. 校验审计日志 12000 / 50000 条. */
  detail: string;
}

export const jobChannels = {
  'jobs.progress': channel<JobProgress>()({
    title: '查看后台任务进度',
    input: z.object({ jobId }).strict(),
    access: 'any',
    kind: 'read',
  }),
} as const;
