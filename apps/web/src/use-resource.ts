import { useCallback, useEffect, useRef, useState } from 'react';
import { onCasesChanged } from './live';

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Several changes in a burst (one command emits a few events) cause one refetch. */
const SETTLE_MS = 150;

/**
 * Loads with `load` and loads again when `deps` change or, live, when a
 * watched case changes (`live: 'any'` for lists, a case id for one case).
 * The previous answer stays on screen while the next one loads.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  live?: 'any' | string,
): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error: unknown) =>
        !controller.signal.aborted && setState((previous) => ({ ...previous, error, loading: false })),
    );
    return () => controller.abort();
  }, [...deps, version]);

  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onCasesChanged(
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => setVersion((n) => n + 1), SETTLE_MS);
      },
      live === 'any' ? undefined : [live],
    );
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [live]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
