import { useEffect, useState } from 'react';
import { api } from './api/client';
import type { UnreadCount } from './api/types';
import { onCasesChanged } from './live';
import { afterFirstView } from './first-view';

const listeners = new Set<() => void>();

/** Tells the header's count that the reader marked something read here. */
export function inboxChanged(): void {
  for (const listener of listeners) listener();
}

/**
 * How many notifications the reader has not read, for the menu: fetched
 * again when a case changes (a step may notify) or the inbox marks some
 * read. The count carries no case data, so asking is no access-log entry.
 */
export function useUnreadCount(enabled: boolean): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!enabled) return undefined;
    let current = new AbortController();
    const load = () => {
      current.abort();
      current = new AbortController();
      api<UnreadCount>('/api/notifications/unread', { signal: current.signal }).then(
        (answer) => setUnread(answer.unread),
        () => undefined,
      );
    };
    const cancelFirst = afterFirstView(load);
    listeners.add(load);
    const stopLive = onCasesChanged(load);
    return () => {
      cancelFirst();
      current.abort();
      listeners.delete(load);
      stopLive();
    };
  }, [enabled]);
  return unread;
}
