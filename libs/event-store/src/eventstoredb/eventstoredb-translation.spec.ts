import { PassThrough } from 'node:stream';
import {
  AccessDeniedError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as VendorStreamDeletedError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import {
  ConcurrencyError,
  EventStoreAccessDeniedError,
  EventStoreNotLeaderError,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
} from '../errors';
import type { SubscriptionMessage } from '../event-store.port';
import { UNKNOWN_POSITION } from './eventstoredb-mapping';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { translateError } from './translate-error';

/**
 * Runs without a server: the client's own error classes and a real object-mode
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

  it('given a deleted stream, refused credentials or a node that is not the leader, then each has its own code', () => {
    expect(translateError(VendorStreamDeletedError.fromStreamName('case-1'), 'case-1')).toMatchObject({
      code: 'EVENT_STORE.STREAM_DELETED',
      streamName: 'case-1',
    });
    expect(translateError(new AccessDeniedError(new Error('denied') as never))).toBeInstanceOf(
      EventStoreAccessDeniedError,
    );
    const notLeader = new NotLeaderError({
      message: 'not leader',
      metadata: { 'leader-endpoint-host': '10.0.0.2', 'leader-endpoint-port': '2113' },
    } as never);
    expect(translateError(notLeader)).toBeInstanceOf(EventStoreNotLeaderError);
  });

  it('given any other vendor failure, then it is EVENT_STORE.UNAVAILABLE and the vendor class does not leak', () => {
    const error = translateError(new UnavailableError(new Error('connect ECONNREFUSED') as never));
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error).not.toBeInstanceOf(UnavailableError);
  });
});

function vendorEvent(n: number, position = BigInt(n * 100)): AllStreamResolvedEvent {
  return {
    event: {
      streamId: 'case-1',
      id: `id-${n}`,
      type: 'Noted',
      revision: BigInt(n),
      created: new Date(0),
      data: { n },
      metadata: {},
      isJson: true,
      position: { commit: position, prepare: position },
    },
  } as unknown as AllStreamResolvedEvent;
}

function fakeVendor(): PassThrough & AllStreamSubscription {
  const stream = new PassThrough({ objectMode: true, highWaterMark: 4 }) as PassThrough &
    AllStreamSubscription;
  stream.unsubscribe = async () => void stream.destroy();
  return stream;
}

const labels = (messages: SubscriptionMessage[]) =>
  messages.map((m) => (m.kind === 'event' ? m.event.id : `caughtUp@${m.position}`));

async function readUntilCaughtUp(subscription: EventStoreDbSubscription): Promise<SubscriptionMessage[]> {
  const received: SubscriptionMessage[] = [];
  for await (const message of subscription) {
    received.push(message);
    if (message.kind === 'caughtUp') break;
  }
  return received;
}

describe('EventStoreDB subscription', () => {
  it('given the log head when it began, then caughtUp comes right after the event at that head, on any server version', async () => {
    const vendor = fakeVendor();
    const subscription = new EventStoreDbSubscription(
      vendor,
      undefined,
      Promise.resolve(200n),
      '',
      () => undefined,
    );
    for (let n = 1; n <= 3; n++) vendor.write(vendorEvent(n));
    expect(labels(await readUntilCaughtUp(subscription))).toEqual(['id-1', 'id-2', 'caughtUp@200']);
  });

  it('given nothing after the checkpoint, then caughtUp comes at once', async () => {
    const vendor = fakeVendor();
    const subscription = new EventStoreDbSubscription(
      vendor,
      500n,
      Promise.resolve(500n),
      '',
      () => undefined,
    );
    expect(labels(await readUntilCaughtUp(subscription))).toEqual(['caughtUp@500']);
    const empty = new EventStoreDbSubscription(
      fakeVendor(),
      undefined,
      Promise.resolve(undefined),
      '',
      () => undefined,
    );
    expect(labels(await readUntilCaughtUp(empty))).toEqual(['caughtUp@undefined']);
  });

  it('given an event without a known position, then the reader fails instead of checkpointing nowhere', async () => {
    const vendor = fakeVendor();
    const subscription = new EventStoreDbSubscription(
      vendor,
      undefined,
      Promise.resolve(100n),
      '',
      () => undefined,
    );
    vendor.write(vendorEvent(1, UNKNOWN_POSITION));
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
  });

  it('given a consumer that stops reading, then the vendor stream is paused, and resumed when it reads again', async () => {
    const vendor = fakeVendor();
    const subscription = new EventStoreDbSubscription(
      vendor,
      undefined,
      Promise.resolve(60_000n),
      '',
      () => undefined,
    );
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
    const subscription = new EventStoreDbSubscription(
      vendor,
      undefined,
      Promise.resolve(undefined),
      '',
      () => undefined,
    );
    vendor.emit('error', new UnavailableError(new Error('gone') as never));
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
  });

  it('given the server ends the stream unasked, then the reader fails (so it starts again), and closing still lets go of it', async () => {
    const vendor = fakeVendor();
    let released = 0;
    const subscription = new EventStoreDbSubscription(
      vendor,
      undefined,
      Promise.resolve(undefined),
      '',
      () => released++,
    );
    const iterator = subscription[Symbol.asyncIterator]();
    await iterator.next();
    vendor.end();
    await expect(iterator.next()).rejects.toMatchObject({
      message: expect.stringContaining('ended the subscription'),
    });
    await subscription.close();
    expect(released).toBe(1);
  });
});
