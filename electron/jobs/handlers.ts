import type { jobChannels } from '../../shared/contract/jobs';
import type { HandlerMap } from '../core/handler';
import { jobProgress } from './progress';

export const jobHandlers: HandlerMap<keyof typeof jobChannels> = {
  'jobs.progress': ({ user }, { jobId }) => jobProgress(user!.id, jobId),
};
