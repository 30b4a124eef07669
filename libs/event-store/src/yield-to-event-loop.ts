/**
 * better-sqlite3 is synchronous, so a reader that only awaits between pages
 * would run on microtasks alone and starve timers and I/O until it finished.
 * Readers call this once per page to let the rest of the process breathe.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
