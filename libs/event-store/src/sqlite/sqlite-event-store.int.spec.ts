import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANY } from '../event-store.port';
import { eventStoreContract, newEvents, readStreamIds, uniqueStream } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

eventStoreContract({
  name: 'SQLite',
  newLog: async () => {
    const filename = join(dir, `log-${++files}.sqlite`);
    return async () => new SqliteEventStore({ filename, pollIntervalMs: 50 });
  },
});

/** Beyond the contract: what this adapter guarantees and KurrentDB does not (docs/adr/0002-event-store-port.md). */
describe('the SQLite adapter, beyond the contract', () => {
  it('given a batch appended with any revision, when it is retried, then it is not written twice', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'any-retry.sqlite') });
    const stream = uniqueStream();
    const batch = newEvents(3);
    const original = await store.appendToStream(stream, batch, { expectedRevision: ANY });
    expect(await store.appendToStream(stream, batch, { expectedRevision: ANY })).toEqual(original);
    expect(await readStreamIds(store, stream)).toHaveLength(3);
    await store.close();
  });
});
