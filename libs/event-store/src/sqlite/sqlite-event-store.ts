import Database, { type Database as Db, type Statement, type Transaction } from 'better-sqlite3';
import { ConcurrencyError, EventStoreClosedError, InvalidEventStoreInputError } from '../errors';
import {
  ANY,
  NO_STREAM,
  type AppendOptions,
  type AppendResult,
  type CurrentRevision,
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
  type PreparedEvent,
} from '../validation';
import { yieldToEventLoop } from '../yield-to-event-loop';
import { createSchema, openPragmas } from './sqlite-schema';
import { SqliteSubscription } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:` (single process only). */
  readonly filename: string;
  /** Rows per query when reading lazily. */
  readonly pageSize?: number;
  /** How often a live subscription looks for events written by another process. */
  readonly pollIntervalMs?: number;
  readonly busyTimeoutMs?: number;
}

/**
 * A row as a tuple, in COLUMNS order: reads fetch raw rows, which costs
 * better-sqlite3 about half of building an object per row.
 */
type EventRow = [
  position: number,
  streamName: string,
  revision: number,
  eventId: string,
  type: string,
  data: string,
  metadata: string,
  recordedAt: number,
];
const REVISION = 2;
const POSITION = 0;

const COLUMNS = 'position, stream_name, revision, event_id, type, data, metadata, recorded_at';

function toRecorded([
  position,
  streamName,
  revision,
  eventId,
  type,
  data,
  metadata,
  recordedAt,
]: EventRow): RecordedEvent {
  return {
    id: eventId,
    type,
    streamName,
    revision,
    position: BigInt(position),
    data: JSON.parse(data),
    metadata: JSON.parse(metadata),
    recordedAt: new Date(recordedAt),
  };
}

interface PendingAppend {
  readonly streamName: string;
  readonly events: PreparedEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const NOTHING: AsyncIterable<RecordedEvent> = {
  async *[Symbol.asyncIterator]() {},
};

type AppendOutcome = { written: boolean; result: AppendResult } | { error: unknown };

export class SqliteEventStore implements EventStore {
  private readonly db: Db;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly appendTransaction: Transaction<SqliteEventStore['appendRows']>;
  private readonly groupTransaction: Transaction<SqliteEventStore['appendGroup']>;
  /** Appends waiting for the next group commit. */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  /**
   * Where each stream this connection appended to ends, valid while no
   * other connection has committed since `tailsVersion` (SQLite's
   * `data_version`, which a connection's own commits leave alone). A
   * command reads its case from the revision after the one it cached, which
   * is nearly always past the end: with this it costs a pragma, not a query.
   */
  private readonly ownTails = new Map<string, number>();
  private tailsVersion = -1;

  private readonly stmt: {
    streamRevision: Statement<[string], { revision: number | null }>;
    revisionOfEventId: Statement<[string, string], { revision: number }>;
    idsFrom: Statement<[string, number, number], { event_id: string; position: number; revision: number }>;
    insert: Statement<[string, number, string, string, string, string, number]>;
    readForwards: Statement<[string, number, number], EventRow>;
    readBackwards: Statement<[string, number, number], EventRow>;
    readAll: Statement<[number, number], EventRow>;
    head: Statement<[], { position: number | null }>;
    dataVersion: Statement<[], number>;
  };

  constructor(options: SqliteEventStoreOptions) {
    this.pageSize = options.pageSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.db = new Database(options.filename);
    openPragmas(this.db, options.busyTimeoutMs ?? 5000);
    createSchema(this.db);
    this.stmt = {
      streamRevision: this.db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_name = ?'),
      revisionOfEventId: this.db.prepare(
        'SELECT revision FROM events WHERE stream_name = ? AND event_id = ?',
      ),
      idsFrom: this.db.prepare(
        `SELECT event_id, position, revision FROM events
         WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      insert: this.db.prepare(
        `INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      readForwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${COLUMNS} FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?`,
        )
        .raw(true),
      readBackwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${COLUMNS} FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        )
        .raw(true),
      readAll: this.db
        .prepare<[number, number], EventRow>(
          `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
        )
        .raw(true),
      head: this.db.prepare('SELECT MAX(position) AS position FROM events'),
      dataVersion: this.db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
    this.appendTransaction = this.db.transaction(this.appendRows.bind(this));
    this.groupTransaction = this.db.transaction(this.appendGroup.bind(this));
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
    return new Promise((resolve, reject) => {
      this.pending.push({
        streamName,
        events: prepared,
        expected: options.expectedRevision,
        resolve,
        reject,
      });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /**
   * Group commit: every append that arrived before this turn of the event
   * loop is written in one transaction and acknowledged after its one
   * fsync. Each append runs in a savepoint of its own, in arrival order, so
   * one that fails (a stale revision, a reused id) rolls back alone and the
   * others see exactly what they would have seen one after another.
   */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      // IMMEDIATE takes the write lock up front, so two connections never deadlock upgrading a read.
      outcomes = this.groupTransaction.immediate(batch);
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    this.rememberTails(batch, outcomes);
    if (outcomes.some((outcome) => 'written' in outcome && outcome.written))
      for (const subscription of this.subscriptions) subscription.notify();
    outcomes.forEach((outcome, i) =>
      'error' in outcome ? batch[i].reject(outcome.error) : batch[i].resolve(outcome.result),
    );
  }

  private rememberTails(batch: readonly PendingAppend[], outcomes: readonly AppendOutcome[]): void {
    this.currentTails();
    outcomes.forEach((outcome, i) => {
      if ('result' in outcome && outcome.written)
        this.ownTails.set(batch[i].streamName, outcome.result.nextExpectedRevision);
    });
  }

  /** The tails this connection knows, emptied first if another connection has committed since. */
  private currentTails(): Map<string, number> {
    const version = this.stmt.dataVersion.get() as number;
    if (version !== this.tailsVersion) {
      this.ownTails.clear();
      this.tailsVersion = version;
    }
    return this.ownTails;
  }

  /** True when `fromRevision` is known to lie past the stream's end, without reading it. */
  private pastOwnTail(streamName: string, fromRevision: number): boolean {
    if (!this.ownTails.has(streamName)) return false;
    const tail = this.currentTails().get(streamName);
    return tail !== undefined && fromRevision > tail;
  }

  private appendGroup(batch: readonly PendingAppend[]): AppendOutcome[] {
    return batch.map((append) => {
      try {
        return this.appendTransaction(append.streamName, append.events, append.expected);
      } catch (error) {
        return { error };
      }
    });
  }

  private appendRows(
    streamName: string,
    events: PreparedEvent[],
    expected: ExpectedRevision,
  ): { written: boolean; result: AppendResult } {
    const current = this.currentRevision(streamName);
    const retried = this.findRetry(streamName, events, expected, current);
    if (retried) return { written: false, result: retried };
    if (expected !== ANY && expected !== current) {
      throw new ConcurrencyError(streamName, expected, current);
    }
    const first = current === NO_STREAM ? 0 : current + 1;
    const recordedAt = Date.now();
    let position = 0;
    events.forEach((event, i) => {
      try {
        const { lastInsertRowid } = this.stmt.insert.run(
          streamName,
          first + i,
          event.id,
          event.type,
          event.dataJson,
          event.metadataJson,
          recordedAt,
        );
        position = Number(lastInsertRowid);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new InvalidEventStoreInputError(
            `events[${i}].id`,
            'is already used by another event in this stream',
          );
        }
        throw error;
      }
    });
    return {
      written: true,
      result: { nextExpectedRevision: first + events.length - 1, position: BigInt(position) },
    };
  }

  private currentRevision(streamName: string): CurrentRevision {
    return this.stmt.streamRevision.get(streamName)?.revision ?? NO_STREAM;
  }

  /**
   * A retry is the same batch of ids already sitting, in order, where the
   * caller expected to write it. Only looked for when the plain write cannot
   * go ahead (revision moved on) or cannot be checked (`any`), so the common
   * path costs nothing extra.
   */
  private findRetry(
    streamName: string,
    events: PreparedEvent[],
    expected: ExpectedRevision,
    current: CurrentRevision,
  ): AppendResult | undefined {
    if (current === NO_STREAM || (expected !== ANY && expected === current)) return undefined;
    const firstRevision =
      expected === ANY
        ? this.stmt.revisionOfEventId.get(streamName, events[0].id)?.revision
        : expected === NO_STREAM
          ? 0
          : expected + 1;
    if (firstRevision === undefined) return undefined;
    const stored = this.stmt.idsFrom.all(streamName, firstRevision, events.length);
    const same = stored.length === events.length && stored.every((row, i) => row.event_id === events[i].id);
    if (!same) return undefined;
    const last = stored[stored.length - 1];
    return { nextExpectedRevision: last.revision, position: BigInt(last.position) };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    assertStreamName(streamName);
    assertReadStreamOptions(options);
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    let next = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    if (!backwards && this.pastOwnTail(streamName, next)) return NOTHING;
    return this.pages(
      limit,
      (size) => {
        const rows = backwards
          ? this.stmt.readBackwards.all(streamName, next, size)
          : this.stmt.readForwards.all(streamName, next, size);
        if (rows.length > 0) next = rows[rows.length - 1][REVISION] + (backwards ? -1 : 1);
        return rows;
      },
      () => backwards && next < 0,
    );
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    assertReadAllOptions(options);
    let after = Number(options.after ?? 0n);
    return this.pages(options.maxCount ?? Number.MAX_SAFE_INTEGER, (size) => {
      const rows = this.stmt.readAll.all(after, size);
      if (rows.length > 0) after = rows[rows.length - 1][POSITION];
      return rows;
    });
  }

  /** Reads one page from the log after `after`; the subscription's only query. */
  readPage(after: bigint): RecordedEvent[] {
    this.assertOpen();
    return this.stmt.readAll.all(Number(after), this.pageSize).map(toRecorded);
  }

  private async *pages(
    limit: number,
    fetch: (size: number) => EventRow[],
    exhausted: () => boolean = () => false,
  ): AsyncGenerator<RecordedEvent> {
    let remaining = limit;
    while (remaining > 0 && !exhausted()) {
      this.assertOpen();
      const rows = fetch(Math.min(this.pageSize, remaining));
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < this.pageSize) return;
      await yieldToEventLoop();
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    assertReadAllOptions(options);
    const subscription = new SqliteSubscription(this, options.after, this.pollIntervalMs, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | undefined> {
    this.assertOpen();
    const position = this.stmt.head.get()?.position;
    return position == null ? undefined : BigInt(position);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // What was accepted before the close is written, not dropped.
    this.flush();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
