let first: Promise<void> = Promise.resolve();

/**
 * The first view's data, loading: what the header asks for besides (the
 * unread count, the sign-in's renewal) waits until it has come or failed, so
 * the server's one thread answers the task list first (bench/web).
 */
export function firstViewLoading(loading: Promise<unknown>): void {
  first = loading.then(
    () => undefined,
    () => undefined,
  );
}

/** Runs `start` once the first view's data has come; the returned function cancels it if it has not run yet. */
export function afterFirstView(start: () => void): () => void {
  let cancelled = false;
  void first.then(() => {
    if (!cancelled) start();
  });
  return () => {
    cancelled = true;
  };
}
