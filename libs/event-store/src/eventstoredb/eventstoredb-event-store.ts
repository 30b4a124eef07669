import {
  ANY as VENDOR_ANY,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM as VENDOR_NO_STREAM,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AppendStreamState,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, EventStoreClosedError, StreamDeletedError } from '../errors';
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
import { knownPosition, toPosition, toRecorded } from './eventstoredb-mapping';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { translateError } from './translate-error';

/** `esdb://` still works but makes the client warn on every connection; it means the same as `kurrentdb://`. */
const currentScheme = (connectionString: string) =>
  connectionString.replace(/^esdb(\+discover)?:\/\//, 'kurrentdb$1://');

function toVendorState(expected: ExpectedRevision): AppendStreamState {
  if (expected === NO_STREAM) return VENDOR_NO_STREAM;
  if (expected === ANY) return VENDOR_ANY;
  return BigInt(expected);
}

/**
 * The port over KurrentDB / EventStoreDB with the maintained
 * `@kurrent/kurrentdb-client` (docs/adr/0014-kurrentdb-client-and-operations.md).
 *
 * Every read asks the server for no more than it will use (`maxCount`), so
 * a reader that stops early never leaves a call open on the connection;
 * system events are filtered on the server.
 */
export interface EventStoreDbOptions {
  /**
   * Puts every stream of this log under a prefix on the server, so several
   * logs (a test environment beside production, a suite's runs) can share
   * one cluster without seeing each other. Callers never see it.
   */
  readonly streamPrefix?: string;
}

const STREAM_PREFIX = /^[a-z0-9][a-z0-9.-]{0,62}-$/;

export class EventStoreDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private readonly prefix: string;
  private closed = false;

  constructor(connectionString: string, options: EventStoreDbOptions = {}) {
    this.prefix = options.streamPrefix ?? '';
    if (this.prefix !== '' && !STREAM_PREFIX.test(this.prefix)) {
      throw new RangeError('a stream prefix is 2-64 lower-case letters, digits, "." or "-", ending in "-"');
    }
    this.client = KurrentDBClient.connectionString(currentScheme(connectionString));
  }

  /** This log's streams on the server: a prefix when one is set, else everything but the server's own. */
  private ownStreams() {
    return this.prefix === '' ? excludeSystemEvents() : streamNameFilter({ prefixes: [this.prefix] });
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
    let result;
    try {
      result = await this.client.appendToStream(
        this.prefix + streamName,
        prepared.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
        { streamState: toVendorState(options.expectedRevision) },
      );
    } catch (error) {
      throw translateError(error, streamName, options.expectedRevision);
    }
    // With throwOnAppendFailure=false in the connection string the client reports a refusal instead of
    // throwing, and its revision then is not the stream's (batch appends say one past it): ask the stream.
    if (!result.success) {
      throw new ConcurrencyError(
        streamName,
        options.expectedRevision,
        await this.currentRevision(streamName),
      );
    }
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // A soft-deleted stream reads as empty but takes a no-stream append at its old revision: refuse to go on from there.
    if (options.expectedRevision === NO_STREAM && nextExpectedRevision !== prepared.length - 1) {
      throw new StreamDeletedError(streamName);
    }
    return {
      nextExpectedRevision,
      position:
        result.position?.commit ?? (await this.positionOfRevision(streamName, result.nextExpectedRevision)),
    };
  }

  private async currentRevision(streamName: string): Promise<number | typeof NO_STREAM> {
    for await (const event of this.readStream(streamName, { direction: 'backwards', maxCount: 1 })) {
      return event.revision;
    }
    return NO_STREAM;
  }

  /** Idempotent retries come back from the server without a position; look it up. */
  private async positionOfRevision(streamName: string, revision: bigint): Promise<bigint> {
    for await (const resolved of this.client.readStream(streamName, {
      fromRevision: revision,
      maxCount: 1,
    })) {
      const position = resolved.event?.position?.commit;
      if (position !== undefined && knownPosition(position)) return position;
    }
    throw translateError(new Error(`the server gave no position for ${streamName} at revision ${revision}`));
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    assertStreamName(streamName);
    assertReadStreamOptions(options);
    const backwards = options.direction === 'backwards';
    const prefix = this.prefix;
    const read = () =>
      this.client.readStream(prefix + streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
    return (async function* () {
      try {
        for await (const resolved of read()) if (resolved.event) yield toRecorded(resolved.event, { prefix });
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
    const prefix = this.prefix;
    const filter = this.ownStreams();
    return (async function* () {
      if (limit === 0) return;
      try {
        // fromPosition is inclusive for reads; the port's `after` is not, so one more is asked for and skipped.
        const read = client.readAll({
          fromPosition: after === undefined ? START : toPosition(after),
          maxCount: after === undefined ? limit : Math.min(limit + 1, Number.MAX_SAFE_INTEGER),
          filter,
        });
        let delivered = 0;
        for await (const resolved of read) {
          const event = resolved.event;
          if (!event) continue;
          if (after !== undefined && event.position.commit <= after) continue;
          yield toRecorded(event, { positionRequired: true, prefix });
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
      filter: this.ownStreams(),
    });
    const subscription = new EventStoreDbSubscription(
      vendor,
      options.after,
      this.headPosition(),
      this.prefix,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | undefined> {
    this.assertOpen();
    try {
      const read = this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        filter: this.ownStreams(),
      });
      for await (const resolved of read) if (resolved.event) return resolved.event.position.commit;
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
