import type { Database } from 'better-sqlite3';
import { migrate, type Migration } from '@app/common';

/**
 * `synchronous = FULL` in WAL mode fsyncs the WAL on every commit: an append
 * that returned survives a killed process *and* a power cut. NORMAL would only
 * survive the former. See docs/adr/0004-sqlite-adapter.md.
 */
export function openPragmas(db: Database, busyTimeoutMs: number): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}

/**
 * The log's schema, step by step (`PRAGMA user_version`). Step 1 is the
 * first release's, written with IF NOT EXISTS so a file from before
 * versions existed is adopted as it is.
 *
 * AUTOINCREMENT, not a plain rowid: positions are never reused, so a
 * checkpoint can never point at a different event later.
 */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    description: 'events, with unique (stream, revision) and (stream, event id)',
    up: (db) =>
      db.exec(`
        CREATE TABLE IF NOT EXISTS events (
          position     INTEGER PRIMARY KEY AUTOINCREMENT,
          stream_name  TEXT    NOT NULL,
          revision     INTEGER NOT NULL,
          event_id     TEXT    NOT NULL,
          type         TEXT    NOT NULL,
          data         TEXT    NOT NULL,
          metadata     TEXT    NOT NULL,
          recorded_at  INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_name, revision);
        CREATE UNIQUE INDEX IF NOT EXISTS events_stream_event_id ON events (stream_name, event_id);
      `),
  },
];

export function createSchema(db: Database): void {
  migrate(db, 'the event store', EVENT_STORE_MIGRATIONS);
}
