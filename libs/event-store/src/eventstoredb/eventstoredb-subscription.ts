import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../errors';
import type { Subscription, SubscriptionMessage } from '../event-store.port';
import { toRecorded } from './eventstoredb-mapping';
import { translateError } from './translate-error';

const HIGH_WATER = 512;

/**
 * Turns the client's push stream into the port's pull iterator.
 *
 * `caughtUp` is ours, not the server's: it is queued after the event at the
 * log's head as it was when the subscription began (or at once when there
 * is nothing after the checkpoint). Servers before 23.10 never send their
 * own, and the client's arrives while events may still sit in its buffer,
 * so this way it means the same on every server and never overtakes an event.
 *
 * A stream the server ends without being asked is a failure, not an end:
 * the reader must start again, or the read models would stop silently.
 */
export class EventStoreDbSubscription implements Subscription {
  private readonly queue: SubscriptionMessage[] = [];
  private head: bigint | undefined | null = null;
  private caughtUpSent = false;
  private lastPosition: bigint | undefined;
  private failure: Error | undefined;
  private ended = false;
  private closed = false;
  private started = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly vendor: AllStreamSubscription,
    after: bigint | undefined,
    head: Promise<bigint | undefined>,
    private readonly prefix: string,
    private readonly onEnd: () => void,
  ) {
    this.lastPosition = after;
    head.then(
      (position) => {
        this.head = position;
        this.releaseCaughtUp();
        this.signal();
      },
      (error: unknown) => this.fail(error),
    );
    vendor.on('data', (resolved: AllStreamResolvedEvent) => {
      const event = resolved.event;
      if (!event) return;
      try {
        this.queue.push({
          kind: 'event',
          event: toRecorded(event, { positionRequired: true, prefix: this.prefix }),
        });
      } catch (error) {
        return this.fail(error);
      }
      this.releaseCaughtUp();
      if (this.queue.length >= HIGH_WATER) vendor.pause();
      this.signal();
    });
    vendor.on('error', (error: unknown) => this.fail(error));
    vendor.on('end', () => {
      if (!this.closed)
        this.fail(new EventStoreUnavailableError('the server ended the subscription to the log'));
    });
  }

  /** Right after the event at the head known at the start (or at once, when nothing came after the checkpoint). */
  private releaseCaughtUp(): void {
    if (this.caughtUpSent || this.head === null) return;
    const head = this.head;
    const caughtUp = { kind: 'caughtUp' as const, position: undefined };
    if (head === undefined || (this.lastPosition !== undefined && this.lastPosition >= head)) {
      this.caughtUpSent = true;
      this.queue.unshift(caughtUp);
      return;
    }
    const at = this.queue.findIndex((message) => message.kind === 'event' && message.event.position >= head);
    if (at < 0) return;
    this.caughtUpSent = true;
    this.queue.splice(at + 1, 0, caughtUp);
  }

  private fail(error: unknown): void {
    this.failure ??= translateError(error);
    this.signal();
  }

  private signal(): void {
    this.wake?.();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ended = true;
    this.signal();
    this.onEnd();
    await this.vendor.unsubscribe();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<SubscriptionMessage> {
    try {
      for (;;) {
        const message = this.queue.shift();
        if (message) {
          if (this.queue.length < HIGH_WATER / 2 && this.vendor.isPaused()) this.vendor.resume();
          if (message.kind === 'event') this.lastPosition = message.event.position;
          yield message.kind === 'caughtUp' ? { kind: 'caughtUp', position: this.lastPosition } : message;
          continue;
        }
        if (this.ended) return;
        if (this.failure) throw this.failure;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      await this.close();
    }
  }
}
