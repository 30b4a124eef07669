import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { eventStoreContract } from '../testing';
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
