import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_STREAM } from '../event-store.port';
import { collect, eventsOf, newEvents, receiveUntil, uniqueStream } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `store-${++files}.sqlite`);

describe('SQLite adapter, beyond the contract', () => {
  it('given a new file, then it runs in WAL mode with full fsync on commit', async () => {
    const filename = newFile();
    const store = new SqliteEventStore({ filename });
    await store.appendToStream(uniqueStream(), newEvents(1), { expectedRevision: NO_STREAM });
    await store.close();
    const raw = new Database(filename);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    // synchronous is per connection; check the adapter's own connection setting through a second store.
    const again = new SqliteEventStore({ filename });
    expect((again as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(
      2,
    );
    await again.close();
  });

  it('given appends sent at once, then they share one commit, and one that fails rolls back alone', async () => {
    const filename = newFile();
    const store = new SqliteEventStore({ filename });
    // Counts the adapter's commits: each group is one IMMEDIATE transaction.
    const internals = store as unknown as { groupTransaction: { immediate: (...a: unknown[]) => unknown } };
    const group = internals.groupTransaction;
    let commits = 0;
    internals.groupTransaction = {
      immediate: (...args: unknown[]) => (commits++, group.immediate(...args)),
    };
    const [a, b, c] = [uniqueStream(), uniqueStream(), uniqueStream()];
    const outcomes = await Promise.allSettled([
      store.appendToStream(a, newEvents(1), { expectedRevision: NO_STREAM }),
      store.appendToStream(b, newEvents(1), { expectedRevision: 5 }),
      store.appendToStream(c, newEvents(2), { expectedRevision: NO_STREAM }),
      // Sees the first append of the same group, as it would one after the other.
      store.appendToStream(a, newEvents(1), { expectedRevision: 0 }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason.code).toBe('EVENT_STORE.CONCURRENCY');
    expect(commits).toBe(1);
    // Acknowledged means on disk: another connection reads it.
    const other = new SqliteEventStore({ filename });
    const lengths = await Promise.all(
      [a, b, c].map(async (s) => (await collect(other.readStream(s))).length),
    );
    expect(lengths).toEqual([2, 0, 2]);
    await other.close();
    await store.close();
  });

  it('given an append not yet committed when the store closes, then it is written, not dropped', async () => {
    const filename = newFile();
    const store = new SqliteEventStore({ filename });
    const stream = uniqueStream();
    const appended = store.appendToStream(stream, newEvents(1), { expectedRevision: NO_STREAM });
    await store.close();
    expect((await appended).nextExpectedRevision).toBe(0);
    const again = new SqliteEventStore({ filename });
    expect(await collect(again.readStream(stream))).toHaveLength(1);
    await again.close();
  });

  it('given a closed store, when the file is opened again, then the events are there and positions keep rising', async () => {
    const filename = newFile();
    const stream = uniqueStream();
    const first = new SqliteEventStore({ filename });
    const written = await first.appendToStream(stream, newEvents(3), { expectedRevision: NO_STREAM });
    await first.close();

    const second = new SqliteEventStore({ filename });
    expect((await collect(second.readStream(stream))).map((e) => e.revision)).toEqual([0, 1, 2]);
    const next = await second.appendToStream(stream, newEvents(1), { expectedRevision: 2 });
    expect(next.position).toBeGreaterThan(written.position);
    await second.close();
  });

  it("given a stream this connection wrote last, when another connection appends to it, then a read past the first one's tail finds the new events", async () => {
    const filename = newFile();
    const one = new SqliteEventStore({ filename });
    const other = new SqliteEventStore({ filename });
    const stream = uniqueStream();
    await one.appendToStream(stream, newEvents(2), { expectedRevision: NO_STREAM });
    // Past its own tail, with no other commit since: nothing, and nothing read.
    expect(await collect(one.readStream(stream, { fromRevision: 2 }))).toEqual([]);
    await other.appendToStream(stream, newEvents(1), { expectedRevision: 1 });
    expect((await collect(one.readStream(stream, { fromRevision: 2 }))).map((e) => e.revision)).toEqual([2]);
    await one.appendToStream(stream, newEvents(1), { expectedRevision: 2 });
    expect((await collect(other.readStream(stream, { fromRevision: 2 }))).map((e) => e.revision)).toEqual([
      2, 3,
    ]);
    await Promise.all([one.close(), other.close()]);
  });

  it('given a subscription on one connection, when another connection appends, then the poll fallback delivers it', async () => {
    const filename = newFile();
    const reader = new SqliteEventStore({ filename, pollIntervalMs: 20 });
    const writer = new SqliteEventStore({ filename });
    const stream = uniqueStream();
    const subscription = reader.subscribeToAll();
    const received = receiveUntil(subscription, (m) => eventsOf(m, new Set([stream])).length === 2);
    await writer.appendToStream(stream, newEvents(2), { expectedRevision: NO_STREAM });
    expect(eventsOf(await received, new Set([stream]))).toHaveLength(2);
    await subscription.close();
    await Promise.all([reader.close(), writer.close()]);
  });

  it('given a long stream, when it is read, then pages are fetched as the reader advances, not up front', async () => {
    const store = new SqliteEventStore({ filename: newFile(), pageSize: 100 });
    const stream = uniqueStream();
    await store.appendToStream(stream, newEvents(1000), { expectedRevision: NO_STREAM });
    let count = 0;
    for await (const event of store.readStream(stream)) {
      // Appended after the read began: an eager read would never see it.
      if (count++ === 0) await store.appendToStream(stream, newEvents(1), { expectedRevision: 999 });
      expect(event.revision).toBe(count - 1);
    }
    expect(count).toBe(1001);
    await store.close();
  });
});
