import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from './auth/session';
import { onCasesChanged, startLiveUpdates } from './live';

/**
 * The live client against a scripted event stream: what it hears from the
 * parser (multi-line data, the server's retry) and what it does after the
 * connection drops. The server's side is test/live.e2e.spec.ts.
 */
describe('live updates in the browser', () => {
  const stored = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    vi.unstubAllGlobals();
  });

  /** Each connection answers with the next script, then ends, as a dropped connection does. */
  function serverSending(...scripts: string[]) {
    const connectedAt: number[] = [];
    vi.stubGlobal('fetch', async () => {
      connectedAt.push(Date.now());
      const script = scripts.shift() ?? 'event: ready\ndata: {}\n\n';
      return new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(script));
            controller.close();
          },
        }),
        { headers: { 'Content-Type': 'text/event-stream' } },
      );
    });
    return connectedAt;
  }

  it('given a change whose data spans two data lines, then the case is announced; after the drop it reconnects once the server’s retry has passed, and every view refetches', async () => {
    saveSession({ accessToken: 'token-1' });
    const connectedAt = serverSending(
      'retry: 300\nevent: ready\ndata: {}\n\nevent: changed\nid: 7\ndata: {"position":"7",\ndata: "caseIds":["c-1"]}\n\n',
      'event: ready\ndata: {}\n\n',
    );
    const heard: string[] = [];
    const unsubscribe = [
      onCasesChanged(() => heard.push('c-1'), ['c-1']),
      onCasesChanged(() => heard.push('c-2'), ['c-2']),
    ];
    stop = startLiveUpdates();
    await vi.waitFor(() => expect(connectedAt).toHaveLength(2), { timeout: 3000 });
    await vi.waitFor(() => expect(heard).toEqual(['c-1', 'c-1', 'c-2']));
    // The server's 300 ms, not the client's own first pause of a second.
    expect(connectedAt[1] - connectedAt[0]).toBeGreaterThanOrEqual(290);
    expect(connectedAt[1] - connectedAt[0]).toBeLessThan(900);
    unsubscribe.forEach((off) => off());
  });
});
