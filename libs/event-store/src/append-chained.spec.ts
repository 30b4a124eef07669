import { describe, expect, it } from 'vitest';
import { appendChained } from './append-chained';
import { ConcurrencyError } from './errors';
import { NO_STREAM, type NewEvent } from './event-store.port';
import { verifyStreams } from './hash-chain';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { collect } from './testing';

const event = (n: number): NewEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'Noted',
  data: { n },
});

describe('appending to a hash-chained stream', () => {
  it('given appends each onto the tail the last one returned, then the stream verifies end to end', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    let { tail } = await appendChained(store, 'case-a', { revision: NO_STREAM }, [event(1), event(2)]);
    expect(tail.revision).toBe(1);
    ({ tail } = await appendChained(store, 'case-a', tail, [event(3)]));
    expect(tail.revision).toBe(2);
    expect(await verifyStreams(store, ['case-a'])).toMatchObject({ ok: true, events: 3 });
    await store.close();
  });

  it('given another writer appended first, then the stale tail is refused and nothing of it is written', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    const { tail } = await appendChained(store, 'case-b', { revision: NO_STREAM }, [event(1)]);
    await appendChained(store, 'case-b', tail, [event(2)]);
    await expect(appendChained(store, 'case-b', tail, [event(3)])).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await collect(store.readStream('case-b'))).map((e) => e.data.n)).toEqual([1, 2]);
    expect(await verifyStreams(store, ['case-b'])).toMatchObject({ ok: true });
    await store.close();
  });
});
