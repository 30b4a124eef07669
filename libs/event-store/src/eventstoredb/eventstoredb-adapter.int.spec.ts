import { KurrentDBClient, jsonEvent } from '@kurrent/kurrentdb-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_STREAM, type EventStore } from '../event-store.port';
import { newEvent, newEvents, readStreamIds, uniqueStream } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTOREDB_CONNECTION_STRING;
const skipReason = connectionString ? undefined : 'EVENTSTOREDB_CONNECTION_STRING is not set';
const withOption = (option: string) =>
  `${connectionString}${connectionString?.includes('?') ? '&' : '?'}${option}`;

/** What the review of the adapter against the client's and the server's source asked to be proven on a server. */
describe.skipIf(skipReason !== undefined)(
  skipReason ? `EventStoreDB adapter (skipped: ${skipReason})` : 'EventStoreDB adapter',
  () => {
    let store: EventStore;
    let raw: KurrentDBClient;
    beforeAll(() => {
      store = new EventStoreDbEventStore(connectionString ?? '');
      raw = KurrentDBClient.connectionString((connectionString ?? '').replace(/^esdb/, 'kurrentdb'));
    });
    afterAll(async () => {
      await store.close();
      await raw.dispose();
    });

    it('given 1,000 reads that stop early, then none is left open: the connection still answers at once', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, newEvents(20), { expectedRevision: NO_STREAM });
      for (let i = 0; i < 1000; i++) {
        if (i % 3 === 0) await store.headPosition();
        if (i % 3 === 1) for await (const _event of store.readAll({ maxCount: 5 })) break;
        if (i % 3 === 2) for await (const _event of store.readStream(stream)) break;
      }
      // The server allows 100 concurrent calls per connection: had the reads stayed open, this would stall.
      const started = Date.now();
      expect(await readStreamIds(store, stream)).toHaveLength(20);
      expect(Date.now() - started).toBeLessThan(2000);
    }, 120_000);

    it('given throwOnAppendFailure=false, then a wrong expected revision is still a ConcurrencyError, never a silent success', async () => {
      const lenient = new EventStoreDbEventStore(withOption('throwOnAppendFailure=false'));
      try {
        const stream = uniqueStream();
        await lenient.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
        await expect(
          lenient.appendToStream(stream, [newEvent()], { expectedRevision: 5 }),
        ).rejects.toMatchObject({
          code: 'EVENT_STORE.CONCURRENCY',
          actualRevision: 0,
        });
        expect(await readStreamIds(lenient, stream)).toHaveLength(1);
      } finally {
        await lenient.close();
      }
    });

    it('given a stream deleted behind the app (soft), then it reads as empty but cannot be started again from revision 0', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, newEvents(3), { expectedRevision: NO_STREAM });
      await raw.deleteStream(stream);
      expect(await readStreamIds(store, stream)).toEqual([]);
      await expect(
        store.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM }),
      ).rejects.toMatchObject({
        code: 'EVENT_STORE.STREAM_DELETED',
      });
    });

    it('given a tombstoned stream, then appending to it is EVENT_STORE.STREAM_DELETED', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, newEvents(1), { expectedRevision: NO_STREAM });
      await raw.tombstoneStream(stream);
      await expect(store.appendToStream(stream, [newEvent()], { expectedRevision: 0 })).rejects.toMatchObject(
        {
          code: 'EVENT_STORE.STREAM_DELETED',
        },
      );
    });

    it.each(['kurrentdb', 'kdb', 'kurrent', 'esdb'])(
      'given a %s:// connection string, then the adapter connects',
      async (scheme) => {
        const other = new EventStoreDbEventStore(
          (connectionString ?? '').replace(/^[a-z]+(\+discover)?:/, `${scheme}:`),
        );
        try {
          const stream = uniqueStream();
          await other.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
          expect(await readStreamIds(other, stream)).toHaveLength(1);
        } finally {
          await other.close();
        }
      },
    );

    it('given no stream prefix (the default), then a subscription sees new events of every stream, under their own names', async () => {
      const stream = uniqueStream();
      const head = await store.headPosition();
      const subscription = store.subscribeToAll(head === undefined ? {} : { after: head });
      const { position } = await store.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
      for await (const message of subscription) {
        if (message.kind === 'event' && message.event.position === position) {
          expect(message.event.streamName).toBe(stream);
          break;
        }
      }
      await subscription.close();
    });

    it('given system events in the log, then reads of the whole log and the head skip them on the server', async () => {
      const stream = uniqueStream();
      const { position } = await store.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
      // Stream metadata is written to $$<stream>, a system stream, after our event.
      await raw.setStreamMetadata(stream, { maxAge: 86_400 });
      await raw.appendToStream(stream, [jsonEvent({ type: 'Noted', data: {} })]);
      const seen: string[] = [];
      for await (const event of store.readAll({ after: position, maxCount: 1000 }))
        seen.push(event.streamName);
      expect(seen).toContain(stream);
      expect(seen.filter((name) => name.startsWith('$'))).toEqual([]);
      expect(await store.headPosition()).toBeGreaterThan(position);
    });
  },
);
