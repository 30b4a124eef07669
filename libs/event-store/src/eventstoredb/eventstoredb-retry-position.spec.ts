import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NO_STREAM } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * An idempotent retry comes back from the server with no position, and the
 * adapter looks the position up by revision. When even that finds none, the
 * append must fail rather than report a position that does not exist. The
 * server never answers that way on purpose, so the client's two calls are
 * replaced here; the client connects lazily, so no server is needed.
 */
describe('EventStoreDB adapter: the position of a retried append', () => {
  const storeAnswering = (readBack: () => AsyncIterable<unknown>) => {
    const store = new EventStoreDbEventStore('kurrentdb://127.0.0.1:1?tls=false');
    const client = (store as unknown as { client: Record<string, unknown> }).client;
    client.appendToStream = async () => ({ success: true, nextExpectedRevision: 0n, position: undefined });
    client.readStream = readBack;
    return store;
  };
  const event = () => ({ id: randomUUID(), type: 'Noted', data: { n: 1 }, metadata: {} });

  it('given the server gives no position and the event at that revision has none either, then the append fails, saying so', async () => {
    const store = storeAnswering(async function* () {});
    await expect(
      store.appendToStream('case-r1', [event()], { expectedRevision: NO_STREAM }),
    ).rejects.toMatchObject({
      code: 'EVENT_STORE.UNAVAILABLE',
      message: expect.stringContaining('gave no position for case-r1 at revision 0'),
    });
    await store.close();
  });

  it('given the server gives no position, then the position of the event at that revision is the answer', async () => {
    const store = storeAnswering(async function* () {
      yield { event: { position: { commit: 42n, prepare: 42n } } };
    });
    const result = await store.appendToStream('case-r2', [event()], { expectedRevision: NO_STREAM });
    expect(result).toEqual({ nextExpectedRevision: 0, position: 42n });
    await store.close();
  });
});
