import { PassThrough } from 'node:stream';
import {
  MaxAppendSizeExceededError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
} from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { ConcurrencyError, EventStoreUnavailableError, InvalidEventStoreInputError } from '../errors';
import type { SubscriptionMessage } from '../event-store.port';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { translateError } from './translate-error';

/**
 * Runs without a server: the vendor's own error classes and a real object-mode
 * stream standing in for the gRPC subscription. The contract suite covers the
 * adapter end to end when EVENTSTOREDB_CONNECTION_STRING is set.
 */
describe('EventStoreDB error translation', () => {
  it('given a wrong expected version on a missing stream, then it is a ConcurrencyError with no_stream', () => {
    const vendor = new WrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 3n,
      current: 'no_stream',
    });
    const error = translateError(vendor, 'case-1', 3);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expectedRevision: 3, actualRevision: 'no_stream' });
  });

  it('given a wrong expected version on an existing stream, then the actual revision is a number', () => {
    const vendor = new WrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 'no_stream',
      current: 7n,
    });
    expect(translateError(vendor, 'case-1', 'no_stream')).toMatchObject({
      expectedRevision: 'no_stream',
      actualRevision: 7,
    });
  });

  it('given the server refuses the batch size, then it is invalid input naming events', () => {
    const error = translateError(new MaxAppendSizeExceededError(undefined, 1_048_576), 'case-1', 'any');
    expect(error).toBeInstanceOf(InvalidEventStoreInputError);
    expect(error).toMatchObject({ field: 'events' });
  });

  it('given any other vendor failure, then it is EVENT_STORE.UNAVAILABLE and the vendor class does not leak', () => {
    const error = translateError(new UnavailableError(new Error('connect ECONNREFUSED') as never));
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error).not.toBeInstanceOf(UnavailableError);
  });
});

function vendorEvent(n: number, type = 'Noted', streamId = 'case-1'): AllStreamResolvedEvent {
  const position = { commit: BigInt(n * 100), prepare: BigInt(n * 100) };
  return {
    event: {
      streamId,
      id: `id-${n}`,
      type,
      revision: BigInt(n),
      created: new Date(0),
      data: { n },
      metadata: {},
      isJson: true,
      position,
    },
  } as unknown as AllStreamResolvedEvent;
}

function fakeVendor(): PassThrough & AllStreamSubscription {
  const stream = new PassThrough({ objectMode: true, highWaterMark: 4 }) as PassThrough &
    AllStreamSubscription;
  stream.unsubscribe = async () => void stream.end();
  return stream;
}

describe('EventStoreDB subscription', () => {
  it('given caughtUp is signalled while events are still buffered, then the marker comes after them', async () => {
    const vendor = fakeVendor();
    vendor.pause();
    for (let n = 1; n <= 3; n++) vendor.write(vendorEvent(n));
    const subscription = new EventStoreDbSubscription(vendor, undefined, () => undefined);
    vendor.emit('caughtUp');
    const received: SubscriptionMessage[] = [];
    const reading = (async () => {
      for await (const message of subscription) {
        received.push(message);
        if (message.kind === 'caughtUp') break;
      }
    })();
    vendor.resume();
    await reading;
    expect(received.map((m) => (m.kind === 'event' ? m.event.id : `caughtUp@${m.position}`))).toEqual([
      'id-1',
      'id-2',
      'id-3',
      'caughtUp@300',
    ]);
  });

  it('given system events in the feed, then they are not delivered', async () => {
    const vendor = fakeVendor();
    const subscription = new EventStoreDbSubscription(vendor, undefined, () => undefined);
    vendor.write(vendorEvent(1, '$metadata'));
    vendor.write(vendorEvent(2, 'Noted', '$stats-127.0.0.1'));
    vendor.write(vendorEvent(3));
    const first = await subscription[Symbol.asyncIterator]().next();
    expect(first.value).toMatchObject({ kind: 'event', event: { id: 'id-3', revision: 3, position: 300n } });
    await subscription.close();
  });

  it('given a consumer that stops reading, then the vendor stream is paused, and resumed when it reads again', async () => {
    const vendor = fakeVendor();
    const subscription = new EventStoreDbSubscription(vendor, undefined, () => undefined);
    for (let n = 1; n <= 600; n++) vendor.write(vendorEvent(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(vendor.isPaused()).toBe(true);
    let count = 0;
    for await (const message of subscription) {
      if (message.kind === 'event' && ++count === 600) break;
    }
    expect(count).toBe(600);
  });

  it('given the server fails the subscription, then the reader gets the translated error', async () => {
    const vendor = fakeVendor();
    const subscription = new EventStoreDbSubscription(vendor, undefined, () => undefined);
    vendor.emit('error', new UnavailableError(new Error('gone') as never));
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
  });
});
