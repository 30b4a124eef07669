import { Subject, type Observable } from 'rxjs';
import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_STORE,
  storeIdentity,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import { caseOfStream } from '@app/engine';
import { type Projection, ReadModelDb, type TableSpec, storedTypeOf, toMessage } from '@app/read-model';

export const PROJECTIONS = Symbol('PROJECTIONS');
/** Events per transaction at most; a catch-up page is 500. */
const MAX_BATCH = 500;
export const PROJECTION_RUNNER_OPTIONS = Symbol('PROJECTION_RUNNER_OPTIONS');

export interface ProjectionRunnerOptions {
  /** Start following the log when the app boots; the rebuild CLI starts it itself. */
  readonly autoStart: boolean;
  /** After a projection failed, wait this long before trying the same event again. */
  readonly retryDelayMs: number;
}

export interface RebuildProgress {
  readonly eventsApplied: number;
  /** The log's head when the rebuild began; the rebuild is done when the checkpoint reaches it. */
  readonly target: string | null;
  readonly position: string | null;
  readonly startedAt: string;
}

export interface RunnerStatus {
  readonly state: 'stopped' | 'catchingUp' | 'live' | 'failed' | 'rebuilding';
  readonly position: string | null;
  readonly eventsApplied: number;
  readonly failure?: string;
  readonly rebuild?: RebuildProgress;
}

export interface ReadModelChange {
  readonly position: string;
  readonly caseIds: readonly string[];
}

export class ProjectionFailedError extends Error {
  constructor(event: RecordedEvent, failures: { projection: string; error: unknown }[]) {
    super(
      `projection ${failures.map((f) => f.projection).join(', ')} failed on ${event.type} at position ${event.position}: ` +
        failures.map((f) => (f.error instanceof Error ? f.error.message : String(f.error))).join('; '),
    );
    this.name = 'ProjectionFailedError';
  }
}

/**
 * Feeds every projection from one subscription to the whole log. Each event
 * goes straight to the projections that follow its type (no EventBus, no
 * RxJS fan-out to the ones that would ignore it), inside a SQLite
 * transaction that also moves the checkpoint, so after a crash the runner resumes exactly after the last
 * committed event and applies each event once.
 */
@Injectable()
export class ProjectionRunner
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Projections');
  private readonly tables: TableSpec[];
  private subscription?: Subscription;
  private loop?: Promise<void>;
  private live = false;
  private failure?: Error;
  private retryTimer?: NodeJS.Timeout;
  private rebuilding?: { progress: RebuildProgress; done: Promise<RebuildProgress> };
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private stopping = false;
  private pending: RecordedEvent[] = [];
  private readonly changed = new Subject<ReadModelChange>();
  private readonly applied = new Subject<{ readonly events: number; readonly seconds: number }>();
  /** Every batch committed: how many events, in how long. For the metrics. */
  readonly batches: Observable<{ readonly events: number; readonly seconds: number }> =
    this.applied.asObservable();
  /** Cases whose read models just changed, after the commit: what the UI's live updates follow. */
  readonly changes: Observable<ReadModelChange> = this.changed.asObservable();
  private flushSoon?: NodeJS.Immediate;
  /** For each stored type, the projections that follow it, in the order they were given. */
  private readonly followers = new Map<string, Projection[]>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: ReadModelDb,
    @Inject(PROJECTIONS) projections: Projection[],
    @Inject(PROJECTION_RUNNER_OPTIONS) private readonly options: ProjectionRunnerOptions,
  ) {
    this.tables = projections.flatMap((projection) => projection.tables);
    for (const projection of projections) {
      for (const type of projection.handles) {
        this.followers.set(type.storedType, [...(this.followers.get(type.storedType) ?? []), projection]);
      }
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(this.tables)).digest('hex').slice(0, 16);
    const outcome = this.db.ensureSchema(this.tables, fingerprint);
    if (outcome === 'reset')
      this.logger.warn('read model tables changed; rebuilding every read model from the log');
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.autoStart) return;
    await this.followThisStore();
    this.start();
  }

  /**
   * Read models whose checkpoint belongs to another log (another file, a
   * fresh server under the same data directory, EVENT_STORE switched) or
   * lies beyond this log's head (a log restored from an older backup) would
   * be read on from a position that means nothing here: rebuild them instead.
   */
  async followThisStore(): Promise<void> {
    const storeId = await storeIdentity(this.store);
    const checkpoint = this.db.checkpoint();
    const head = await this.store.headPosition();
    const foreign = checkpoint.storeId !== undefined && checkpoint.storeId !== storeId;
    const ahead = checkpoint.position !== undefined && (head === undefined || checkpoint.position > head);
    if (foreign || ahead) {
      this.logger.warn(
        `the read models follow ${foreign ? 'another event store' : 'a log further along than this one'}; rebuilding them from this log`,
      );
      this.db.clear(this.tables);
    }
    this.db.saveStoreId(storeId);
  }

  /** Before the store closes under it: a batch in progress commits, and the subscription is let go of. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.stop();
    this.changed.complete();
    this.applied.complete();
  }

  onApplicationShutdown(): void {
    this.db.close();
  }

  start(): void {
    if (this.loop) return;
    this.failure = undefined;
    this.live = false;
    const after = this.db.checkpoint().position;
    const subscription = this.store.subscribeToAll({ after });
    this.subscription = subscription;
    this.loop = this.consume(subscription).catch((error: unknown) => this.failed(error));
  }

  async stop(): Promise<void> {
    clearTimeout(this.retryTimer);
    clearImmediate(this.flushSoon);
    this.flushSoon = undefined;
    this.pending = [];
    // Forgotten first, so the loop sees its subscription end as asked for, not as a failure.
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
    await this.loop;
    this.loop = undefined;
  }

  private async consume(subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      // After a failure the events behind the failed batch must wait for the retry, or the checkpoint would skip it.
      if (this.subscription !== subscription) return;
      if (message.kind === 'caughtUp') {
        this.flush();
        this.live = true;
        continue;
      }
      this.pending.push(message.event);
      if (this.pending.length >= MAX_BATCH) this.flush();
      else this.flushSoon ??= setImmediate(() => this.flushOrFail(subscription));
    }
    if (this.subscription !== subscription) return;
    this.flush();
    // Nobody asked it to end: following the log silently no more would leave every read model behind.
    throw new Error('the subscription to the log ended unasked; starting it again');
  }

  /**
   * Events that arrive together (a page of catch-up, one append's batch)
   * commit in one transaction: the rows of every projection and the
   * checkpoint of the last event, all or nothing. A live event waits at
   * most one turn of the event loop.
   */
  private flush(): void {
    clearImmediate(this.flushSoon);
    this.flushSoon = undefined;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const started = process.hrtime.bigint();
    this.db.transaction(() => {
      for (const event of batch) {
        const message = toMessage(event);
        for (const projection of this.followers.get(storedTypeOf(message)) ?? []) {
          try {
            projection.apply(this.db, message);
          } catch (error) {
            // Every projection still sees the event, so the failure names each that refused it.
            message.failures.push({ projection: projection.name, error });
          }
        }
        if (message.failures.length > 0) throw new ProjectionFailedError(event, message.failures);
      }
      this.db.saveCheckpoint(batch[batch.length - 1].position, batch.length);
    });
    this.applied.next({ events: batch.length, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    const position = batch[batch.length - 1].position;
    // Only case streams: a read appends to the reader's access stream, and announcing those would make every open screen reload itself forever.
    const caseIds = [
      ...new Set(
        batch
          .map((e) => caseOfStream(e.streamName))
          .filter((caseId): caseId is string => caseId !== undefined),
      ),
    ];
    if (caseIds.length > 0) this.changed.next({ position: position.toString(), caseIds });
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > position) return true;
      waiter.resolve();
      return false;
    });
  }

  private flushOrFail(subscription: Subscription): void {
    if (this.subscription !== subscription) return;
    try {
      this.flush();
    } catch (error) {
      this.pending = [];
      if (this.subscription === subscription) this.failed(error);
    }
  }

  /** Loud, and retried: a failing projection stops the read models (readiness goes down) until it passes. */
  private failed(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    clearImmediate(this.flushSoon);
    this.flushSoon = undefined;
    this.pending = [];
    this.logger.error(`${this.failure.message}; retrying in ${this.options.retryDelayMs} ms`);
    void this.subscription?.close();
    this.subscription = undefined;
    this.loop = undefined;
    if (this.stopping) return;
    this.retryTimer = setTimeout(() => {
      if (!this.rebuilding) this.start();
    }, this.options.retryDelayMs);
  }

  /** Resolves once the read models include the event at `position` (already true when they do). */
  caughtUpTo(position: bigint | undefined): Promise<void> {
    const checkpoint = this.db.checkpoint().position;
    if (position === undefined || (checkpoint !== undefined && checkpoint >= position))
      return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  /**
   * Empties every read model and replays the whole log into them. Returns at
   * once with the progress; `done` settles when the checkpoint reaches the
   * log's head as it was when the rebuild began. A second call while one
   * runs joins it.
   */
  async rebuild(): Promise<{ progress: RebuildProgress; done: Promise<RebuildProgress> }> {
    if (this.rebuilding) return this.rebuilding;
    const progress: RebuildProgress = {
      eventsApplied: 0,
      target: null,
      position: null,
      startedAt: new Date().toISOString(),
    };
    const state = { progress, done: Promise.resolve(progress) };
    this.rebuilding = state;
    await this.stop();
    const head = await this.store.headPosition();
    this.db.clear(this.tables);
    this.db.saveStoreId(await storeIdentity(this.store));
    state.progress = { ...progress, target: head?.toString() ?? null };
    this.logger.log(`rebuilding every read model from the log (head ${head ?? 'empty'})`);
    state.done = this.caughtUpTo(head)
      .then(() => {
        const finished = { ...state.progress, ...this.positionNow() };
        this.logger.log(`rebuild done: ${finished.eventsApplied} events`);
        return finished;
      })
      .finally(() => {
        this.rebuilding = undefined;
      });
    this.start();
    return state;
  }

  private positionNow(): { position: string | null; eventsApplied: number } {
    const checkpoint = this.db.checkpoint();
    return { position: checkpoint.position?.toString() ?? null, eventsApplied: checkpoint.eventsApplied };
  }

  status(): RunnerStatus {
    const now = this.positionNow();
    const state = this.rebuilding
      ? 'rebuilding'
      : this.failure
        ? 'failed'
        : !this.loop
          ? 'stopped'
          : this.live
            ? 'live'
            : 'catchingUp';
    return {
      state,
      ...now,
      ...(this.failure ? { failure: this.failure.message } : {}),
      ...(this.rebuilding ? { rebuild: { ...this.rebuilding.progress, ...now } } : {}),
    };
  }

  /**
   * How many events the read models lack, counted up to `bound + 1` so the
   * cost stays bounded however far behind they are.
   */
  async lag(bound: number): Promise<number> {
    let count = 0;
    for await (const _event of this.store.readAll({
      after: this.db.checkpoint().position,
      maxCount: bound + 1,
    }))
      count++;
    return count;
  }
}
