/**
 * Opening an archive: a native folder dialog in the app; where there is none (a browser under
 * `scrollback serve`, where chooseFolder answers null) the caller shows a path box instead. A
 * failure stays here, to be shown where the user asked (the path box keeps what they typed).
 */
import { useCallback, useState } from 'react';
import type { ApiError } from '../../shared/api';
import { api } from '../api';
import { asApiError } from '../app/errors';

export interface OpenArchive {
  /** Set when the host has no folder dialog: show a path box. */
  askPath: boolean;
  busy: boolean;
  error: ApiError | null;
  chooseFolder: () => void;
  openPath: (path: string) => void;
  openSample: () => void;
  /** Closes the path box and forgets the failure. */
  cancel: () => void;
}

export function useOpenArchive(onOpened: () => void): OpenArchive {
  const [askPath, setAskPath] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    (open: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      open().then(
        () => {
          setBusy(false);
          setAskPath(false);
          onOpened();
        },
        (failure: unknown) => {
          setBusy(false);
          setError(asApiError(failure));
        },
      );
    },
    [onOpened],
  );

  const chooseFolder = useCallback(() => {
    setError(null);
    api.chooseFolder({}).then(
      ({ path }) => {
        if (path === null) setAskPath(true);
        else run(() => api.openArchive({ path }));
      },
      () => setAskPath(true),
    );
  }, [run]);

  return {
    askPath,
    busy,
    error,
    chooseFolder,
    openPath: (path: string) => run(() => api.openArchive({ path: path.trim() })),
    openSample: () => run(() => api.openSample({})),
    cancel: () => {
      setAskPath(false);
      setError(null);
    },
  };
}
