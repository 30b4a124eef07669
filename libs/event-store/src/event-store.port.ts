import type { JsonObject } from '@app/common';

/**
 * The append-only log: the engine's only shared state. Semantics are fixed
 * here and checked for every adapter by `eventStoreContract`
 * (see docs/adr/0002-event-store-port.md).
 *
 * Conventions:
 * - Stream revisions are 0-based: the first event of a stream has revision 0.
 *   A stream's revision is the revision of its last event.
 * - Global positions are opaque, strictly increasing bigints. A checkpoint is
 *   the position of the last event a reader has handled; reads and
 *   subscriptions start *after* it.
 */
export const NO_STREAM = 'no_stream';
export const ANY = 'any';

/** What the writer believes the stream's revision is before the append. */
export type ExpectedRevision = typeof NO_STREAM | typeof ANY | number;

/** A stream's revision as it is: `no_stream` when it has no events. */
export type CurrentRevision = typeof NO_STREAM | number;

export interface NewEvent {
  /** UUID chosen by the caller, so a retried append is recognised and not written twice. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  readonly revision: number;
  readonly position: bigint;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** The store's clock when the event was written (not the domain's `occurredAt`). */
  readonly recordedAt: Date;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The stream's revision after the append: pass it as `expectedRevision` next time. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of the batch. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the first event forwards, the last event backwards. */
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive checkpoint; omit to read from the start of the log. */
  readonly after?: bigint;
  readonly maxCount?: number;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Everything written before this point has been delivered; later events arrive live. */
  | { readonly kind: 'caughtUp'; readonly position: bigint | undefined };

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint; omit to start from the beginning of the log. */
  readonly after?: bigint;
}

/**
 * An async iterable over the whole log: first the catch-up phase, then one
 * `caughtUp` message, then live events. Pull-based, so a slow consumer is
 * never flooded. Ends when `close()` is called or the store is closed.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends a batch atomically. Throws `ConcurrencyError` when the stream is
   * not at `expectedRevision`, and `InvalidEventStoreInputError` for bad input
   * (nothing is written in either case). A batch whose event ids were already
   * appended by the same call returns the original result without writing.
   */
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;

  /** Reads lazily, page by page. A stream with no events yields nothing. */
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** The whole log in global order, lazily. System events are excluded. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeToAllOptions): Subscription;

  /** Position of the newest event in the log, or `undefined` when the log is empty. */
  headPosition(): Promise<bigint | undefined>;

  /** Ends every subscription and releases the connection. Idempotent. */
  close(): Promise<void>;
}

/** Nest injection token for the configured `EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');
