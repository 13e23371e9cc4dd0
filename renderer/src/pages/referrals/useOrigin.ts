import { useEffect, useMemo, useState } from 'react';
import { invoke } from '../../api';
import { useHashPath } from '../../router';
import { queryIds } from './referralLabels';
import type { PickedWorker } from './WorkerPicker';

export interface Origin {
  /** The petition (信访) the page was opened from, with its number once loaded. */
  petition: { id: number; number: string } | null;
  /** The worker file named by ?file= (or, failing that, the petition's own file). */
  worker: PickedWorker | null;
  /** Something in the query string, even if not loaded yet. */
  present: boolean;
  /** True once both look-ups have answered. */
  ready: boolean;
}

/** Reads '?petition=<id>&file=<id>' from the hash route and looks both up; `activeOnly` ignores an exited file. */
export function useOrigin(activeOnly: boolean): Origin {
  const path = useHashPath();
  const { petitionId, fileId } = useMemo(() => queryIds(path), [path]);
  const [petition, setPetition] = useState<Origin['petition']>(null);
  const [worker, setWorker] = useState<PickedWorker | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    setReady(false);
    setPetition(null);
    setWorker(null);
    void (async () => {
      let fid = fileId;
      if (petitionId) {
        const p = await invoke('petitions.get', { id: petitionId }).catch(() => null);
        if (!live) return;
        setPetition({ id: petitionId, number: p?.number ?? `编号 ${petitionId}` });
        fid ??= p?.fileId ?? null;
      }
      if (fid) {
        const f = await invoke('files.get', { id: fid }).catch(() => null);
        if (!live) return;
        if (f && (f.status === 'active' || !activeOnly)) setWorker({ id: f.id, name: f.name });
      }
      if (live) setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [petitionId, fileId, activeOnly]);

  return { petition, worker, present: petitionId !== null || fileId !== null, ready };
}
