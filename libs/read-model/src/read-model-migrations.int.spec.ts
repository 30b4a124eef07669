import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { READ_MODEL_MIGRATIONS, ReadModelDb } from './read-model-db';

const dir = mkdtempSync(join(tmpdir(), 'read-model-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first release's bookkeeping, as it wrote it: no user_version, no store id. */
const FIRST_RELEASE = `CREATE TABLE projection_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position TEXT,
  events_applied INTEGER NOT NULL, schema_fingerprint TEXT NOT NULL);
  INSERT INTO projection_checkpoint VALUES (1, '42', 42, 'abc');`;

describe('the read models file across releases', () => {
  it.each([...Array(READ_MODEL_MIGRATIONS.length).keys()])(
    'given a file at schema version %i, then it reaches the newest and keeps its checkpoint',
    (from) => {
      const filename = join(dir, `v${from}.sqlite`);
      const old = new Database(filename);
      old.exec(FIRST_RELEASE);
      for (let step = 0; step < from; step++) READ_MODEL_MIGRATIONS[step].up(old);
      old.pragma(`user_version = ${from}`);
      old.close();
      const db = new ReadModelDb(filename);
      expect(db.checkpoint()).toEqual({ position: 42n, eventsApplied: 42, storeId: undefined });
      db.saveStoreId('store-1');
      expect(db.checkpoint().storeId).toBe('store-1');
      expect(db.sqlite.pragma('user_version', { simple: true })).toBe(READ_MODEL_MIGRATIONS.length);
      db.close();
    },
  );
});
