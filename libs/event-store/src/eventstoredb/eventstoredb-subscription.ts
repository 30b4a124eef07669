import type { AllStreamSubscription } from '@eventstore/db-client';
import type { Subscription, SubscriptionMessage } from '../event-store.port';
import { isSystemEvent, toRecorded } from './eventstoredb-mapping';
import { translateError } from './translate-error';

const HIGH_WATER = 512;

/**
 * Turns the client's push stream into the port's pull iterator. The client
 * emits `caughtUp` as soon as the server says so, possibly while events it
 * received earlier still sit in the stream's buffer; the marker is therefore
 * queued behind exactly that many events, so it never overtakes them.
 */
export class EventStoreDbSubscription implements Subscription {
  private readonly queue: SubscriptionMessage[] = [];
  private received = 0;
  private caughtUpAfter: number | undefined;
  private caughtUpSent = false;
  private lastPosition: bigint | undefined;
  private failure: Error | undefined;
  private ended = false;
  private started = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly vendor: AllStreamSubscription,
    after: bigint | undefined,
    private readonly onEnd: () => void,
  ) {
    this.lastPosition = after;
    vendor.on('data', (resolved) => {
      this.received++;
      const event = resolved.event;
      if (event && !isSystemEvent(event)) this.queue.push({ kind: 'event', event: toRecorded(event) });
      this.releaseCaughtUp();
      if (this.queue.length >= HIGH_WATER) vendor.pause();
      this.signal();
    });
    vendor.on('caughtUp', () => {
      if (this.caughtUpSent || this.caughtUpAfter !== undefined) return;
      this.caughtUpAfter = this.received + vendor.readableLength;
      this.releaseCaughtUp();
      this.signal();
    });
    vendor.on('error', (error: unknown) => {
      this.failure = translateError(error);
      this.signal();
    });
    vendor.on('end', () => {
      this.ended = true;
      this.signal();
    });
  }

  private releaseCaughtUp(): void {
    if (this.caughtUpAfter === undefined || this.received < this.caughtUpAfter) return;
    this.caughtUpAfter = undefined;
    this.caughtUpSent = true;
    this.queue.push({ kind: 'caughtUp', position: undefined });
  }

  private signal(): void {
    this.wake?.();
  }

  async close(): Promise<void> {
    if (this.ended) return;
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
        if (this.failure) throw this.failure;
        if (this.ended) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      await this.close();
    }
  }
}
