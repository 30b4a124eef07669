import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from './errors';
import { NO_STREAM, type EventStore } from './event-store.port';
import { chainEvents, chainStart } from './hash-chain';

/** The one stream that names the log itself; an ordinary stream, so every adapter has it. */
export const STORE_IDENTITY_STREAM = 'store-identity';
const STORE_IDENTIFIED = 'StoreIdentified';

/**
 * A random id the log carries from its first use on, written once by
 * whoever gets there first. Read models record it with their checkpoint: a
 * position means something only in the log it came from, so another file,
 * another server, or a fresh one under the same data directory is noticed
 * instead of being read from a foreign position.
 */
export async function storeIdentity(store: EventStore): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    for await (const first of store.readStream(STORE_IDENTITY_STREAM, { maxCount: 1 })) {
      return String(first.data.storeId);
    }
    const { events } = chainEvents(STORE_IDENTITY_STREAM, 0, chainStart(STORE_IDENTITY_STREAM), [
      {
        id: randomUUID(),
        type: STORE_IDENTIFIED,
        data: { storeId: randomUUID() },
        metadata: { occurredAt: new Date().toISOString() },
      },
    ]);
    try {
      await store.appendToStream(STORE_IDENTITY_STREAM, events, { expectedRevision: NO_STREAM });
    } catch (error) {
      // Another node named the log at the same moment: its name is the one.
      if (!(error instanceof ConcurrencyError) || attempt > 0) throw error;
    }
  }
}
