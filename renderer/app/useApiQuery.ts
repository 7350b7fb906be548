/**
 * One API read as React state: the value, the error, and whether it is loading. A newer request
 * always wins over an older one that answers late (switching days quickly must not show the
 * day clicked first).
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../shared/api';
import { asApiError } from './errors';

export interface QueryState<T> {
  data: T | undefined;
  /** The key `data` was loaded for (older than the asked key while a new answer is on its way). */
  dataKey: string | null;
  error: ApiError | null;
  loading: boolean;
}

/** `load` null means nothing to ask (no conversation chosen yet). `key` says when to ask again. */
export function useApiQuery<T>(key: string | null, load: (() => Promise<T>) | null): QueryState<T> {
  const [state, setState] = useState<QueryState<T> & { key: string | null }>({
    data: undefined,
    dataKey: null,
    error: null,
    loading: false,
    key: null,
  });

  useEffect(() => {
    if (key === null || load === null) {
      setState({ data: undefined, dataKey: null, error: null, loading: false, key });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null, key }));
    load().then(
      (data) => {
        if (current) setState({ data, dataKey: key, error: null, loading: false, key });
      },
      (error: unknown) => {
        if (current)
          setState({
            data: undefined,
            dataKey: null,
            error: asApiError(error),
            loading: false,
            key,
          });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure every render; `key` says everything it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Data of an older key is stale: keep showing it while loading (no flash), but say so.
  return {
    data: state.data,
    dataKey: state.dataKey,
    error: state.error,
    loading: state.loading || state.key !== key,
  };
}
