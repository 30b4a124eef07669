import { describe, expect, it } from 'vitest';
import { chainEvents, chainStart, verifyChains } from './hash-chain';
import { NO_STREAM, type NewEvent } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

const event = (n: number): NewEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'Noted',
  data: { n, nested: { b: 1, a: [1, 'x'] } },
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z' },
});

async function storeWith(streams: Record<string, NewEvent[]>) {
  const store = new SqliteEventStore({ filename: ':memory:' });
  for (const [name, events] of Object.entries(streams)) {
    await store.appendToStream(name, events, { expectedRevision: NO_STREAM });
  }
  return store;
}

describe('hash chains', () => {
  it('given chained streams, then every link verifies', async () => {
    const store = await storeWith({
      'case-a': chainEvents('case-a', 0, chainStart('case-a'), [event(1), event(2)]).events,
      'case-b': chainEvents('case-b', 0, chainStart('case-b'), [event(3)]).events,
    });
    expect(await verifyChains(store)).toMatchObject({ ok: true, events: 3, streams: 2 });
    await store.close();
  });

  it('given an event whose data differs from what was hashed, then it is the first break', async () => {
    const [first, second] = chainEvents('case-a', 0, chainStart('case-a'), [event(1), event(2)]).events;
    const store = await storeWith({ 'case-a': [first, { ...second, data: { n: 99 } }] });
    expect((await verifyChains(store)).firstBreak).toMatchObject({ revision: 1, reason: 'hashMismatch' });
    await store.close();
  });

  it('given events copied from another stream, then the stream-bound start exposes them', async () => {
    const store = await storeWith({
      'case-b': chainEvents('case-a', 0, chainStart('case-a'), [event(1)]).events,
    });
    expect((await verifyChains(store)).firstBreak).toMatchObject({
      streamName: 'case-b',
      reason: 'hashMismatch',
    });
    await store.close();
  });

  it('given an event without a hash, then it is reported as missing', async () => {
    const store = await storeWith({ 'case-a': [event(1)] });
    expect((await verifyChains(store)).firstBreak).toMatchObject({ revision: 0, reason: 'missingHash' });
    await store.close();
  });

  it('given key order changed by a store, then the hash does not change', () => {
    const a = chainEvents('s', 0, 'x', [{ id: 'i', type: 't', data: { a: 1, b: 2 } }]).lastHash;
    const b = chainEvents('s', 0, 'x', [{ id: 'i', type: 't', data: { b: 2, a: 1 } }]).lastHash;
    expect(a).toBe(b);
  });
});
