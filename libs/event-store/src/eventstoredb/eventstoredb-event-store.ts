import {
  ANY as ESDB_ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM as ESDB_NO_STREAM,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  jsonEvent,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import { EventStoreClosedError } from '../errors';
import {
  ANY,
  NO_STREAM,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../event-store.port';
import {
  assertExpectedRevision,
  assertReadAllOptions,
  assertReadStreamOptions,
  assertStreamName,
  prepareEvents,
} from '../validation';
import { isSystemEvent, toPosition, toRecorded } from './eventstoredb-mapping';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { translateError } from './translate-error';

function toVendorExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === NO_STREAM) return ESDB_NO_STREAM;
  if (expected === ANY) return ESDB_ANY;
  return BigInt(expected);
}

export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closed = false;

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertStreamName(streamName);
    assertExpectedRevision(options?.expectedRevision);
    const prepared = prepareEvents(events);
    try {
      const result = await this.client.appendToStream(
        streamName,
        prepared.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
        { expectedRevision: toVendorExpected(options.expectedRevision) },
      );
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        position:
          result.position?.commit ?? (await this.positionOfRevision(streamName, result.nextExpectedRevision)),
      };
    } catch (error) {
      throw translateError(error, streamName, options.expectedRevision);
    }
  }

  /** Idempotent retries come back from the server without a position; look it up. */
  private async positionOfRevision(streamName: string, revision: bigint): Promise<bigint> {
    for await (const resolved of this.client.readStream(streamName, {
      fromRevision: revision,
      maxCount: 1,
    })) {
      if (resolved.event?.position) return resolved.event.position.commit;
    }
    return -1n;
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    assertStreamName(streamName);
    assertReadStreamOptions(options);
    const backwards = options.direction === 'backwards';
    const read = () =>
      this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
        ...(options.maxCount !== undefined ? { maxCount: BigInt(options.maxCount) } : {}),
      });
    return (async function* () {
      try {
        for await (const resolved of read()) if (resolved.event) yield toRecorded(resolved.event);
      } catch (error) {
        if (error instanceof StreamNotFoundError) return;
        throw translateError(error, streamName);
      }
    })();
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    assertReadAllOptions(options);
    const { after } = options;
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const client = this.client;
    return (async function* () {
      if (limit === 0) return;
      let delivered = 0;
      try {
        // fromPosition is inclusive for reads; the port's `after` is not.
        const read = client.readAll({ fromPosition: after === undefined ? START : toPosition(after) });
        for await (const resolved of read) {
          const event = resolved.event;
          if (!event || isSystemEvent(event)) continue;
          if (after !== undefined && event.position.commit <= after) continue;
          yield toRecorded(event);
          if (++delivered >= limit) return;
        }
      } catch (error) {
        throw translateError(error);
      }
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    assertReadAllOptions(options);
    const vendor = this.client.subscribeToAll({
      fromPosition: options.after === undefined ? START : toPosition(options.after),
      filter: excludeSystemEvents(),
    });
    const subscription = new EventStoreDbSubscription(vendor, options.after, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | undefined> {
    this.assertOpen();
    try {
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END })) {
        if (resolved.event && !isSystemEvent(resolved.event)) return resolved.event.position.commit;
      }
      return undefined;
    } catch (error) {
      throw translateError(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
