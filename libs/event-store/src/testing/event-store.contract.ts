import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, EventStoreClosedError, InvalidEventStoreInputError } from '../errors';
import { ANY, NO_STREAM, type EventStore, type NewEvent } from '../event-store.port';
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES } from '../validation';
import { collect, eventsOf, newEvent, newEvents, readStreamIds, receiveUntil, uniqueStream } from './helpers';

/** Opens a connection to one log; calling it again opens a second connection, as another writer would. */
export type Connect = () => Promise<EventStore>;

export interface ContractTarget {
  readonly name: string;
  /** Called before each test: a fresh log (or a shared one; the suite keeps to its own streams). */
  readonly newLog: () => Promise<Connect>;
  /** Why the suite cannot run here; the tests are then reported as skipped. */
  readonly skipReason?: string;
}

/**
 * The behaviour every adapter must have. Each test writes only to streams it
 * names itself, so the suite also runs against a server whose log is shared.
 */
export function eventStoreContract(target: ContractTarget): void {
  const title = target.skipReason
    ? `event store contract: ${target.name} (skipped: ${target.skipReason})`
    : `event store contract: ${target.name}`;

  describe.skipIf(target.skipReason !== undefined)(title, () => {
    let connect: Connect;
    let store: EventStore;
    beforeEach(async () => {
      connect = await target.newLog();
      store = await connect();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('given a new stream', () => {
      it('when two events are appended, then they read back in order with all their fields', async () => {
        const stream = uniqueStream();
        const events = [
          newEvent('CaseOpened', { ref: 'kvinna född -63' }, { actor: 'u1', correlationId: 'c1' }),
          newEvent('ProcessStarted', { process: 'afu' }),
        ];
        const result = await store.appendToStream(stream, events, { expectedRevision: NO_STREAM });

        const read = await collect(store.readStream(stream));
        expect(result.nextExpectedRevision).toBe(1);
        expect(read.map((e) => [e.id, e.type, e.revision, e.streamName])).toEqual([
          [events[0].id, 'CaseOpened', 0, stream],
          [events[1].id, 'ProcessStarted', 1, stream],
        ]);
        expect(read[0].data).toEqual({ ref: 'kvinna född -63' });
        expect(read[0].metadata).toEqual({ actor: 'u1', correlationId: 'c1' });
        expect(read[1].metadata).toEqual({});
        expect(read[0].recordedAt).toBeInstanceOf(Date);
        expect(read[1].position).toBeGreaterThan(read[0].position);
        expect(result.position).toBe(read[1].position);
      });

      it('when it is read, then it yields nothing', async () => {
        expect(await collect(store.readStream(uniqueStream()))).toEqual([]);
        expect(await collect(store.readStream(uniqueStream(), { direction: 'backwards' }))).toEqual([]);
      });

      it('when an exact revision is expected, then the append fails with the stream reported as missing', async () => {
        const stream = uniqueStream();
        const error = await store
          .appendToStream(stream, [newEvent()], { expectedRevision: 0 })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expectedRevision: 0, actualRevision: NO_STREAM, streamName: stream });
        expect(await readStreamIds(store, stream)).toEqual([]);
      });

      it('when any revision is expected, then the append succeeds', async () => {
        const stream = uniqueStream();
        const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: ANY });
        expect(result.nextExpectedRevision).toBe(0);
      });
    });

    describe('given a stream at revision 1', () => {
      let stream: string;
      let first: NewEvent[];
      beforeEach(async () => {
        stream = uniqueStream();
        first = newEvents(2);
        await store.appendToStream(stream, first, { expectedRevision: NO_STREAM });
      });

      it('when no stream is expected, then ConcurrencyError carries expected and actual, and nothing is written', async () => {
        const error = await store
          .appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({
          code: 'EVENT_STORE.CONCURRENCY',
          expectedRevision: NO_STREAM,
          actualRevision: 1,
        });
        expect(await readStreamIds(store, stream)).toEqual(first.map((e) => e.id));
      });

      it('when revision 1 is expected, then the append succeeds at revision 2', async () => {
        const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: 1 });
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('when a stale revision is expected, then ConcurrencyError says 0 was expected and 1 is current', async () => {
        const error = await store
          .appendToStream(stream, [newEvent()], { expectedRevision: 0 })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ expectedRevision: 0, actualRevision: 1 });
        expect(await readStreamIds(store, stream)).toHaveLength(2);
      });

      it('when any revision is expected, then the append lands at the end', async () => {
        const result = await store.appendToStream(stream, newEvents(3), { expectedRevision: ANY });
        expect(result.nextExpectedRevision).toBe(4);
      });
    });

    describe('given an append that already succeeded', () => {
      it('when the same batch is retried with the same expected revision, then the first result returns and nothing is written twice', async () => {
        const stream = uniqueStream();
        const opening = newEvents(2);
        const original = await store.appendToStream(stream, opening, { expectedRevision: NO_STREAM });
        const next = newEvents(2);
        const second = await store.appendToStream(stream, next, { expectedRevision: 1 });

        const retriedOpening = await store.appendToStream(stream, opening, { expectedRevision: NO_STREAM });
        const retriedNext = await store.appendToStream(stream, next, { expectedRevision: 1 });

        expect(retriedOpening).toEqual(original);
        expect(retriedNext).toEqual(second);
        expect(await readStreamIds(store, stream)).toEqual([...opening, ...next].map((e) => e.id));
      });
    });

    describe('given many streams written in turn', () => {
      it('when they are read, then each keeps its own order and the log has one total order', async () => {
        const streams = [uniqueStream(), uniqueStream(), uniqueStream()];
        const written: string[] = [];
        for (let round = 0; round < 10; round++) {
          for (const stream of streams) {
            const event = newEvent('Noted', { round });
            await store.appendToStream(stream, [event], {
              expectedRevision: round === 0 ? NO_STREAM : round - 1,
            });
            written.push(event.id);
          }
        }
        for (const stream of streams) {
          const read = await collect(store.readStream(stream));
          expect(read.map((e) => e.revision)).toEqual([...Array(10).keys()]);
          expect(read.map((e) => e.data)).toEqual([...Array(10).keys()].map((round) => ({ round })));
        }
        const mine = new Set(streams);
        const log = (await collect(store.readAll())).filter((e) => mine.has(e.streamName));
        expect(log.map((e) => e.id)).toEqual(written);
        for (let i = 1; i < log.length; i++) expect(log[i].position).toBeGreaterThan(log[i - 1].position);
      });
    });

    describe('given a stream of ten events', () => {
      let stream: string;
      beforeEach(async () => {
        stream = uniqueStream();
        await store.appendToStream(stream, newEvents(10), { expectedRevision: NO_STREAM });
      });
      const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await collect(store.readStream(stream, options))).map((e) => e.revision);

      it('when read forwards from revision 5, then it yields 5 to 9', async () => {
        expect(await revisions({ fromRevision: 5 })).toEqual([5, 6, 7, 8, 9]);
      });
      it('when read forwards from 2 with a max count of 3, then it yields 2, 3, 4', async () => {
        expect(await revisions({ fromRevision: 2, maxCount: 3 })).toEqual([2, 3, 4]);
      });
      it('when read backwards, then it starts at the newest', async () => {
        expect(await revisions({ direction: 'backwards', maxCount: 3 })).toEqual([9, 8, 7]);
      });
      it('when read backwards from 7 with a max count of 3, then it yields 7, 6, 5', async () => {
        expect(await revisions({ direction: 'backwards', fromRevision: 7, maxCount: 3 })).toEqual([7, 6, 5]);
      });
      it('when read from past the end, then it yields nothing', async () => {
        expect(await revisions({ fromRevision: 10 })).toEqual([]);
      });
      it('when the log is read after the position of revision 4, then it continues at revision 5', async () => {
        const all = await collect(store.readStream(stream));
        const after = all[4].position;
        const rest = (await collect(store.readAll({ after }))).filter((e) => e.streamName === stream);
        expect(rest.map((e) => e.revision)).toEqual([5, 6, 7, 8, 9]);
        const two = await collect(store.readAll({ after, maxCount: 2 }));
        expect(two).toHaveLength(2);
        expect(two[0].position).toBeGreaterThan(after);
      });
      it('when the head position is asked for, then it is at or after the last event', async () => {
        const all = await collect(store.readStream(stream));
        expect(await store.headPosition()).toBeGreaterThanOrEqual(all[9].position);
      });
    });

    describe('given a stream of 10,000 events', () => {
      it('when it is read, then events arrive one by one in order and the read can stop early', async () => {
        const stream = uniqueStream();
        let revision: number | typeof NO_STREAM = NO_STREAM;
        for (let batch = 0; batch < 20; batch++) {
          const result = await store.appendToStream(stream, newEvents(500), { expectedRevision: revision });
          revision = result.nextExpectedRevision;
        }
        const reader = store.readStream(stream);
        expect(Array.isArray(reader)).toBe(false);
        let expected = 0;
        for await (const event of reader) {
          expect(event.revision).toBe(expected++);
        }
        expect(expected).toBe(10_000);

        let seen = 0;
        for await (const event of store.readStream(stream, { direction: 'backwards' })) {
          expect(event.revision).toBe(9_999 - seen);
          if (++seen === 100) break;
        }
        expect(seen).toBe(100);
      }, 120_000);
    });

    describe('given a subscription to the whole log', () => {
      it('when it starts from the beginning, then it delivers the existing events and then reports caught up', async () => {
        const stream = uniqueStream();
        const events = newEvents(5);
        await store.appendToStream(stream, events, { expectedRevision: NO_STREAM });
        const subscription = store.subscribeToAll();
        const messages = await receiveUntil(subscription, (m) => m.some((x) => x.kind === 'caughtUp'));
        await subscription.close();
        expect(eventsOf(messages, new Set([stream])).map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(messages.at(-1)?.kind).toBe('caughtUp');
      });

      it('when it starts from a checkpoint, then it delivers only the events after it', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, newEvents(6), { expectedRevision: NO_STREAM });
        const third = (await collect(store.readStream(stream)))[2];
        const subscription = store.subscribeToAll({ after: third.position });
        const messages = await receiveUntil(subscription, (m) => m.some((x) => x.kind === 'caughtUp'));
        await subscription.close();
        expect(eventsOf(messages, new Set([stream])).map((e) => e.revision)).toEqual([3, 4, 5]);
        for (const m of messages)
          if (m.kind === 'event') expect(m.event.position).toBeGreaterThan(third.position);
      });

      it('when events are appended after it caught up, then they arrive live', async () => {
        const stream = uniqueStream();
        const subscription = store.subscribeToAll({ after: await store.headPosition() });
        const live = newEvents(3);
        const messages = receiveUntil(subscription, (m) => eventsOf(m, new Set([stream])).length === 3);
        await store.appendToStream(stream, live, { expectedRevision: NO_STREAM });
        const received = eventsOf(await messages, new Set([stream]));
        await subscription.close();
        expect(received.map((e) => e.id)).toEqual(live.map((e) => e.id));
      });

      it('when writers keep appending across the catch-up/live boundary, then nothing is lost or delivered twice', async () => {
        const streams = [uniqueStream(), uniqueStream(), uniqueStream()];
        const mine = new Set(streams);
        const total = 300;
        const written: string[] = [];
        const revisions = new Map<string, number>();
        const writeOne = async (i: number) => {
          const stream = streams[i % streams.length];
          const event = newEvent('Noted', { i });
          const before = revisions.get(stream);
          const result = await store.appendToStream(stream, [event], {
            expectedRevision: before ?? NO_STREAM,
          });
          revisions.set(stream, result.nextExpectedRevision);
          written.push(event.id);
        };
        for (let i = 0; i < total / 2; i++) await writeOne(i);

        const subscription = store.subscribeToAll();
        const received = receiveUntil(subscription, (m) => eventsOf(m, mine).length >= total, 60_000);
        for (let i = total / 2; i < total; i++) {
          await writeOne(i);
          if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        const delivered = eventsOf(await received, mine);
        await subscription.close();

        expect(delivered.map((e) => e.id)).toEqual(written);
        expect(new Set(delivered.map((e) => e.id)).size).toBe(total);
        for (let i = 1; i < delivered.length; i++) {
          expect(delivered[i].position).toBeGreaterThan(delivered[i - 1].position);
        }
      }, 90_000);

      it('when it is closed, then iteration ends', async () => {
        const subscription = store.subscribeToAll({ after: await store.headPosition() });
        const done = collect(subscription);
        await subscription.close();
        await expect(done).resolves.toBeDefined();
      });
    });

    describe('given two writers racing on one stream', () => {
      it('when both append at the same revision, then exactly one wins each round', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
        const other = await connect();
        try {
          for (let round = 0; round < 20; round++) {
            const outcomes = await Promise.allSettled([
              store.appendToStream(stream, [newEvent('Noted', { by: 'a' })], { expectedRevision: round }),
              other.appendToStream(stream, [newEvent('Noted', { by: 'b' })], { expectedRevision: round }),
            ]);
            const won = outcomes.filter((o) => o.status === 'fulfilled');
            const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
            expect(won).toHaveLength(1);
            expect(lost).toHaveLength(1);
            expect(lost[0]).toBeInstanceOf(ConcurrencyError);
          }
        } finally {
          await other.close();
        }
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => e.revision)).toEqual([...Array(21).keys()]);
      });
    });

    describe('given bad input', () => {
      const invalid = async (run: (stream: string) => Promise<unknown>, field: string | RegExp) => {
        const stream = uniqueStream();
        const error = await run(stream).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidEventStoreInputError);
        const actual = (error as InvalidEventStoreInputError).field;
        if (typeof field === 'string') expect(actual).toBe(field);
        else expect(actual).toMatch(field);
        expect((error as Error).message.length).toBeGreaterThan(actual.length + 5);
        expect(await readStreamIds(store, stream)).toEqual([]);
      };
      const append =
        (events: unknown, expectedRevision: unknown = ANY) =>
        (stream: string) =>
          store.appendToStream(stream, events as NewEvent[], { expectedRevision } as never);

      it.each([
        ['empty', ''],
        ['system prefix', '$case-1'],
        ['space', 'case 1'],
        ['201 characters', 'c'.repeat(201)],
        ['not a string', 42],
      ])('when the stream name is %s, then it is refused naming streamName', async (_, name) => {
        const error = await store
          .appendToStream(name as string, [newEvent()], { expectedRevision: ANY })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'EVENT_STORE.INVALID_INPUT', field: 'streamName' });
      });

      const circular: Record<string, unknown> = {};
      circular.self = circular;
      it.each([
        ['undefined inside', { a: undefined }],
        ['a function', { f: () => 1 }],
        ['NaN', { n: Number.NaN }],
        ['Infinity', { n: Number.POSITIVE_INFINITY }],
        ['a Date', { at: new Date(0) }],
        ['a bigint', { n: 1n }],
        ['circular', circular],
        ['an array', [1, 2]],
        ['a string', 'text'],
        ['null', null],
      ])('when data holds %s, then it is refused and nothing is written', async (_, data) => {
        await invalid(append([{ ...newEvent(), data }]), /^events\[0\]\.data/);
      });

      it('when metadata is not JSON, then it is refused', async () => {
        await invalid(append([{ ...newEvent(), metadata: { at: new Date(0) } }]), 'events[0].metadata');
      });

      it('when one event is over the size limit, then it is refused', async () => {
        await invalid(append([newEvent('Big', { text: 'x'.repeat(MAX_EVENT_BYTES) })]), 'events[0]');
      });

      it('when the batch is over the size limit, then it is refused whole', async () => {
        const chunk = 'x'.repeat(MAX_EVENT_BYTES / 2);
        const count = Math.ceil(MAX_BATCH_BYTES / (MAX_EVENT_BYTES / 2)) + 1;
        await invalid(append(Array.from({ length: count }, () => newEvent('Big', { chunk }))), 'events');
      });

      it.each([
        ['negative', -1],
        ['not an integer', 1.5],
        ['an unknown word', 'latest'],
      ])('when the expected revision is %s, then it is refused', async (_, expectedRevision) => {
        await invalid(append([newEvent()], expectedRevision), 'expectedRevision');
      });

      it.each([
        ['empty batch', [], 'events'],
        ['id not a UUID', [{ ...newEvent(), id: 'abc' }], 'events[0].id'],
        ['type with a space', [{ ...newEvent(), type: 'Case opened' }], 'events[0].type'],
        ['system type', [{ ...newEvent(), type: '$metadata' }], 'events[0].type'],
      ])('when the batch has %s, then it is refused', async (_, events, field) => {
        await invalid(append(events), field);
      });

      it('when the same id appears twice in a batch, then it is refused', async () => {
        const event = newEvent();
        await invalid(append([event, { ...event, data: { other: true } }]), 'events[1].id');
      });

      it.each([
        ['a negative fromRevision', { fromRevision: -1 }, 'fromRevision'],
        ['a fractional maxCount', { maxCount: 0.5 }, 'maxCount'],
        ['an unknown direction', { direction: 'sideways' }, 'direction'],
      ])('when a stream read has %s, then it is refused', async (_, options, field) => {
        expect(() => store.readStream(uniqueStream(), options as never)).toThrow(
          expect.objectContaining({ field }),
        );
      });

      it('when a checkpoint is negative, then reads and subscriptions refuse it', async () => {
        expect(() => store.readAll({ after: -1n })).toThrow(InvalidEventStoreInputError);
        expect(() => store.subscribeToAll({ after: -1n })).toThrow(InvalidEventStoreInputError);
      });
    });

    describe('given a closed store', () => {
      it('when it is used, then it says it is closed; closing again is harmless', async () => {
        const other = await connect();
        await other.close();
        await other.close();
        await expect(
          other.appendToStream(uniqueStream(), [newEvent()], { expectedRevision: ANY }),
        ).rejects.toBeInstanceOf(EventStoreClosedError);
        expect(() => other.readStream(uniqueStream())).toThrow(EventStoreClosedError);
      });

      it('when a subscription was open, then it ends', async () => {
        const other = await connect();
        const subscription = other.subscribeToAll({ after: await other.headPosition() });
        const done = collect(subscription);
        await other.close();
        await expect(done).resolves.toBeDefined();
      });
    });
  });
}
