/**
 * What is open and how far loading has come. Events push changes as they happen; while an
 * archive is loading the status is also polled, so progress shows even where events do not arrive.
 * Files changed on disk arrive as 'changed' events, counted per conversation (archiveChanges.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchiveStatus } from '../../shared/api';
import { api, onApiEvent } from '../api';
import { NO_CHANGES, withArchiveOpened, withChange, type ArchiveChanges } from './archiveChanges';

const POLL_MS = 400;

export function useArchiveStatus(): {
  status: ArchiveStatus | null;
  refresh: () => void;
  /** The archive was read again as a whole (conversations merged, another time zone): every
   *  view fetches what it shows again, and the status follows. */
  reread: () => void;
  changes: ArchiveChanges;
} {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [changes, setChanges] = useState<ArchiveChanges>(NO_CHANGES);
  /** The archive shown: set by a 'ready' status, cleared by any other. */
  const shownRoot = useRef<string | null>(null);

  // An archive opened says 'loading' before 'ready'; a refresh after a change only 'ready', and
  // the same 'ready' may come twice (asked for, and pushed when the event stream connects).
  const apply = useCallback((next: ArchiveStatus) => {
    const root = next.state === 'ready' ? next.archive.root : null;
    if (root !== null && root !== shownRoot.current) setChanges(withArchiveOpened);
    shownRoot.current = root;
    setStatus(next);
  }, []);

  const refresh = useCallback(() => {
    api.getStatus({}).then(apply, () => apply({ state: 'empty' }));
  }, [apply]);

  useEffect(() => {
    refresh();
    return onApiEvent((event) => {
      if (event.type === 'status') apply(event.status);
      else if (event.type === 'changed')
        setChanges((previous) => withChange(previous, event.conversations));
    });
  }, [refresh, apply]);

  const reread = useCallback(() => {
    setChanges(withArchiveOpened);
    refresh();
  }, [refresh]);

  const loading = status?.state === 'loading';
  useEffect(() => {
    if (!loading) return;
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [loading, refresh]);

  return { status, refresh, reread, changes };
}
