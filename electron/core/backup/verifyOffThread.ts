// Checking a copy reads the whole file (integrity_check, the audit chain): about 2 s per GB, so it runs
// on the jobs worker and the door keeps answering meanwhile (issue 11's leftover).
import { MIGRATIONS, type Migration } from '../../db/migrations';
import { runJob } from '../../jobs/pool';
import type { CopyCheck } from './verify';

export function verifyCopyOffThread(file: string, known: readonly Pick<Migration, 'id'>[] = MIGRATIONS): Promise<CopyCheck> {
  return runJob('verifyCopy', { file, knownIds: known.map((m) => m.id) });
}
