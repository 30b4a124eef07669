import { randomUUID } from 'node:crypto';
import type {
  EventStore,
  NewEvent,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../event-store.port';

/** Unique per test, so suites can share one server's log without seeing each other. */
export function uniqueStream(prefix = 'case'): string {
  return `${prefix}-${randomUUID()}`;
}

export function newEvent(
  type = 'Noted',
  data: NewEvent['data'] = {},
  metadata?: NewEvent['metadata'],
): NewEvent {
  return { id: randomUUID(), type, data, ...(metadata ? { metadata } : {}) };
}

export function newEvents(count: number, type = 'Noted'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: i }));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function readStreamIds(store: EventStore, stream: string): Promise<string[]> {
  return (await collect(store.readStream(stream))).map((e) => e.id);
}

/**
 * Reads a subscription until `done` holds for what was received, or fails
 * after `timeoutMs` with what had arrived, so a hanging subscription is a
 * clear failure rather than a stuck test run.
 */
export async function receiveUntil(
  subscription: Subscription,
  done: (messages: SubscriptionMessage[]) => boolean,
  timeoutMs = 10_000,
): Promise<SubscriptionMessage[]> {
  const messages: SubscriptionMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void subscription.close();
      reject(new Error(`subscription did not deliver in ${timeoutMs} ms; got ${messages.length} messages`));
    }, timeoutMs);
  });
  const read = (async () => {
    for await (const message of subscription) {
      messages.push(message);
      if (done(messages)) break;
    }
    return messages;
  })();
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function eventsOf(messages: SubscriptionMessage[], streams: ReadonlySet<string>): RecordedEvent[] {
  return messages.flatMap((m) => (m.kind === 'event' && streams.has(m.event.streamName) ? [m.event] : []));
}
