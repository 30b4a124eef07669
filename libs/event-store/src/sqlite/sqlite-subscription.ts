import type { RecordedEvent, Subscription, SubscriptionMessage } from '../event-store.port';
import { yieldToEventLoop } from '../yield-to-event-loop';

interface PageSource {
  readPage(after: bigint): RecordedEvent[];
}

/**
 * Catch-up and live are the same loop: "read the page after the last position
 * delivered". Nothing can fall between the two phases or arrive twice,
 * because there is no hand-over, only a wait when a read comes back empty.
 * The wait ends on an in-process append (`notify`) or after the poll
 * interval, which is how appends from other processes on the file are seen.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private started = false;
  /** Set by `notify`; cleared just before each read, so a notify during a read is never lost. */
  private pending = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly source: PageSource,
    private readonly after: bigint | undefined,
    private readonly pollIntervalMs: number,
    private readonly onEnd: () => void,
  ) {}

  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    this.onEnd();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<SubscriptionMessage> {
    let last = this.after;
    let caughtUp = false;
    try {
      while (!this.closed) {
        this.pending = false;
        const page = this.source.readPage(last ?? 0n);
        for (const event of page) {
          if (this.closed) return;
          yield { kind: 'event', event };
          last = event.position;
        }
        if (page.length > 0) {
          await yieldToEventLoop();
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: last };
        }
        if (!this.pending && !this.closed) await this.sleep();
      }
    } finally {
      this.closed = true;
      this.onEnd();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => {
      this.wake = undefined;
    });
  }
}
