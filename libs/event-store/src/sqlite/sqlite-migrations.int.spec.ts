import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../testing';
import { EVENT_STORE_MIGRATIONS } from './sqlite-schema';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'event-store-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first release's file exactly as it wrote it: the tables, no user_version. */
const FIRST_RELEASE_DDL = `
  CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_name TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at INTEGER NOT NULL);
  CREATE UNIQUE INDEX events_stream_revision ON events (stream_name, revision);
  CREATE UNIQUE INDEX events_stream_event_id ON events (stream_name, event_id);
  INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at)
    VALUES ('case-old', 0, '00000000-0000-4000-8000-000000000001', 'CaseOpened', '{"unit":"jarva-1"}', '{}', 0);`;

describe('the event store file across releases', () => {
  it.each([...Array(EVENT_STORE_MIGRATIONS.length).keys()])(
    'given a file at schema version %i, then opening it brings it to the newest with its events intact',
    async (from) => {
      const filename = join(dir, `v${from}.sqlite`);
      const old = new Database(filename);
      old.exec(FIRST_RELEASE_DDL);
      for (let step = 0; step < from; step++) EVENT_STORE_MIGRATIONS[step].up(old);
      old.pragma(`user_version = ${from}`);
      old.close();

      const store = new SqliteEventStore({ filename });
      expect((await collect(store.readStream('case-old'))).map((e) => e.type)).toEqual(['CaseOpened']);
      await store.close();
      const after = new Database(filename, { readonly: true });
      expect(after.pragma('user_version', { simple: true })).toBe(EVENT_STORE_MIGRATIONS.length);
      after.close();
    },
  );

  it('given a file from a newer release, then the store refuses to open it, naming why', () => {
    const filename = join(dir, 'newer.sqlite');
    const newer = new Database(filename);
    newer.pragma(`user_version = ${EVENT_STORE_MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => new SqliteEventStore({ filename })).toThrow(
      /the event store is at schema version \d+, newer/,
    );
  });
});
