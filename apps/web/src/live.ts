import { useEffect, useState } from 'react';
import { currentToken } from './auth/session';

/**
 * One server-sent-events connection per tab (GET /api/live), read with
 * fetch because EventSource cannot send the bearer token. It says which
 * cases changed; views refetch through the logged API routes.
 */
type Listener = (caseIds: readonly string[]) => void;
const listeners = new Set<Listener>();
let connection: AbortController | undefined;
let status: 'ansluten' | 'frånkopplad' = 'frånkopplad';
const statusListeners = new Set<() => void>();

function setStatus(next: typeof status): void {
  status = next;
  for (const listener of statusListeners) listener();
}

function dispatch(block: string): void {
  const type = /^event: ?(.*)$/m.exec(block)?.[1];
  const data = /^data: ?(.*)$/m.exec(block)?.[1];
  if (type === 'ready') setStatus('ansluten');
  if (type !== 'changed' || !data) return;
  const { caseIds } = JSON.parse(data) as { caseIds: string[] };
  for (const listener of listeners) listener(caseIds);
}

async function connect(signal: AbortSignal): Promise<void> {
  const response = await fetch('/api/live', {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${currentToken() ?? ''}` },
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`live: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) dispatch(block);
  }
}

/** Keeps the connection while signed in; reconnects with a growing pause when it drops. */
export function startLiveUpdates(): () => void {
  connection?.abort();
  const controller = new AbortController();
  connection = controller;
  void (async () => {
    for (let attempt = 0; !controller.signal.aborted; attempt++) {
      try {
        await connect(controller.signal);
        attempt = 0;
      } catch {
        // Dropped or refused: wait and try again, unless signed out.
      }
      setStatus('frånkopplad');
      if (controller.signal.aborted || !currentToken()) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
    }
  })();
  return () => controller.abort();
}

/** Calls back when any of `caseIds` changes (or any case, when `caseIds` is undefined). */
export function onCasesChanged(callback: () => void, caseIds?: readonly string[]): () => void {
  const listener: Listener = (changed) => {
    if (!caseIds || changed.some((id) => caseIds.includes(id))) callback();
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveStatus(): typeof status {
  const [, rerender] = useState(0);
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    statusListeners.add(listener);
    return () => void statusListeners.delete(listener);
  }, []);
  return status;
}
