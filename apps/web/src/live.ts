import { useEffect, useState } from 'react';
import { createParser, type EventSourceMessage, type ParserCallbacks } from 'eventsource-parser';
import { currentToken } from './auth/session';

/**
 * One server-sent-events connection per tab (GET /api/live), read with
 * fetch because EventSource cannot send the bearer token, and parsed with
 * eventsource-parser (multi-line data, id, retry). It says which cases
 * changed; views refetch through the logged API routes.
 */
type Listener = (caseIds: readonly string[] | 'all') => void;
const listeners = new Set<Listener>();
let connection: AbortController | undefined;
let status: 'ansluten' | 'frånkopplad' = 'frånkopplad';
const statusListeners = new Set<() => void>();
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30_000;

function setStatus(next: typeof status): void {
  status = next;
  for (const listener of statusListeners) listener();
}

function notify(caseIds: readonly string[] | 'all'): void {
  for (const listener of listeners) listener(caseIds);
}

async function connect(signal: AbortSignal, callbacks: ParserCallbacks): Promise<void> {
  const response = await fetch('/api/live', {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${currentToken() ?? ''}` },
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`live: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createParser(callbacks);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parser.feed(value);
  }
}

/**
 * Keeps the connection while signed in, reconnecting after the server's
 * `retry` with a growing pause. Changes made while disconnected were not
 * heard, so a reconnect tells every view to refetch.
 */
export function startLiveUpdates(): () => void {
  connection?.abort();
  const controller = new AbortController();
  connection = controller;
  let retryMs = FIRST_RETRY_MS;
  let connectedBefore = false;
  const onMessage = (message: EventSourceMessage) => {
    if (message.event === 'ready') {
      if (connectedBefore) notify('all');
      connectedBefore = true;
      setStatus('ansluten');
    }
    if (message.event !== 'changed') return;
    notify((JSON.parse(message.data) as { caseIds: string[] }).caseIds);
  };
  void (async () => {
    for (let attempt = 0; !controller.signal.aborted; attempt++) {
      try {
        await connect(controller.signal, {
          onEvent: (message) => {
            if (message.event === 'ready') attempt = 0;
            onMessage(message);
          },
          onRetry: (ms) => {
            retryMs = ms;
          },
        });
      } catch {
        // Dropped or refused: wait and try again, unless signed out.
      }
      setStatus('frånkopplad');
      if (controller.signal.aborted || !currentToken()) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(LONGEST_RETRY_MS, retryMs * 2 ** attempt)));
    }
  })();
  return () => controller.abort();
}

/** Calls back when any of `caseIds` changes (or any case, when `caseIds` is undefined). */
export function onCasesChanged(callback: () => void, caseIds?: readonly string[]): () => void {
  const listener: Listener = (changed) => {
    if (changed === 'all' || !caseIds || changed.some((id) => caseIds.includes(id))) callback();
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
