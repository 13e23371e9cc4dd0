// Checking a copy reads the whole file (integrity_check, the audit chain): about 2 s per GB, so it runs
// on the jobs worker and the door keeps answering meanwhile (issue 11's leftover).
import { MIGRATIONS, type Migration } from '../../db/migrations';
import { runJob } from '../../jobs/pool';
import { runTracked } from '../../jobs/progress';
import type { CopyCheck } from './verify';

/** Whose page follows the check, under which job id (jobs.progress). */
export interface VerifyTracking {
  ownerId: number;
  jobId?: string;
}

export function verifyCopyOffThread(file: string, known: readonly Pick<Migration, 'id'>[] = MIGRATIONS, track?: VerifyTracking): Promise<CopyCheck> {
  const input = { file, knownIds: known.map((m) => m.id) };
  return track ? runTracked(track.ownerId, track.jobId, 'verifyCopy', input) : runJob('verifyCopy', input);
}
