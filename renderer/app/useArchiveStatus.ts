/**
 * What is open and how far loading has come. Events push changes as they happen; while an
 * archive is loading the status is also polled, so progress shows even where events do not arrive.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArchiveStatus } from '../../shared/api';
import { api, onApiEvent } from '../api';

const POLL_MS = 400;

export function useArchiveStatus(): {
  status: ArchiveStatus | null;
  refresh: () => void;
  changed: number;
} {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  /** Bumped when the service says conversations changed on disk, so views reload. */
  const [changed, setChanged] = useState(0);

  const refresh = useCallback(() => {
    api.getStatus({}).then(setStatus, () => setStatus({ state: 'empty' }));
  }, []);

  useEffect(() => {
    refresh();
    return onApiEvent((event) => {
      if (event.type === 'status') setStatus(event.status);
      else setChanged((count) => count + 1);
    });
  }, [refresh]);

  const loading = status?.state === 'loading';
  useEffect(() => {
    if (!loading) return;
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [loading, refresh]);

  return { status, refresh, changed };
}
