import Database from 'better-sqlite3';
import { migrate, type Migration } from '@app/common';

/** One table a projection owns: its name and the statements that create it and its indexes. */
export interface TableSpec {
  readonly name: string;
  readonly ddl: readonly string[];
}

export interface Checkpoint {
  /** Position of the last event applied; undefined before the first. */
  readonly position: bigint | undefined;
  readonly eventsApplied: number;
  /** The log the position is in (see `storeIdentity`); undefined before it was first recorded. */
  readonly storeId: string | undefined;
}

/**
 * The read models' own bookkeeping, step by step (`PRAGMA user_version`).
 * The projections' tables are not migrated: when their definitions change
 * they are dropped and rebuilt from the log (see `ensureSchema`).
 */
export const READ_MODEL_MIGRATIONS: readonly Migration[] = [
  {
    description: 'projection_checkpoint: position, events applied, table fingerprint',
    up: (db) =>
      db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        position TEXT,
        events_applied INTEGER NOT NULL,
        schema_fingerprint TEXT NOT NULL)`),
  },
  {
    description: 'projection_checkpoint.store_id: which log the position belongs to',
    up: (db) => db.exec('ALTER TABLE projection_checkpoint ADD COLUMN store_id TEXT'),
  },
];

/**
 * The local SQLite file that holds every read model and their shared
 * checkpoint. Disposable: it can always be rebuilt from the log. WAL with
 * synchronous=NORMAL: a crash may lose the last commits, but rows and
 * checkpoint commit together, so the runner simply replays them.
 */
export class ReadModelDb {
  readonly sqlite: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(filename: string) {
    this.sqlite = new Database(filename);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    migrate(this.sqlite, 'the read models', READ_MODEL_MIGRATIONS);
  }

  /** A prepared statement, compiled once per SQL text. */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  run(sql: string, params: Record<string, unknown> | unknown[] = {}): Database.RunResult {
    return this.statement(sql).run(params);
  }

  all<T>(sql: string, params: Record<string, unknown> | unknown[] = {}): T[] {
    return this.statement(sql).all(params) as T[];
  }

  get<T>(sql: string, params: Record<string, unknown> | unknown[] = {}): T | undefined {
    return this.statement(sql).get(params) as T | undefined;
  }

  transaction<T>(work: () => T): T {
    return this.sqlite.transaction(work)();
  }

  /**
   * Creates the tables; when the table definitions changed since the file
   * was written, drops every read model first so they are rebuilt from the
   * log rather than read through a stale shape.
   */
  ensureSchema(tables: readonly TableSpec[], fingerprint: string): 'kept' | 'created' | 'reset' {
    const row = this.get<{ schema_fingerprint: string }>(
      'SELECT schema_fingerprint FROM projection_checkpoint WHERE id = 1',
    );
    if (row?.schema_fingerprint === fingerprint) return 'kept';
    this.statements.clear();
    this.transaction(() => {
      for (const table of tables) this.sqlite.exec(`DROP TABLE IF EXISTS ${table.name}`);
      for (const table of tables) for (const ddl of table.ddl) this.sqlite.exec(ddl);
      this.sqlite
        .prepare(
          `INSERT INTO projection_checkpoint (id, position, events_applied, schema_fingerprint)
           VALUES (1, NULL, 0, ?)
           ON CONFLICT (id) DO UPDATE SET position = NULL, events_applied = 0, schema_fingerprint = excluded.schema_fingerprint`,
        )
        .run(fingerprint);
    });
    return row ? 'reset' : 'created';
  }

  checkpoint(): Checkpoint {
    const row = this.get<{ position: string | null; events_applied: number; store_id: string | null }>(
      'SELECT position, events_applied, store_id FROM projection_checkpoint WHERE id = 1',
    );
    return {
      position: row?.position != null ? BigInt(row.position) : undefined,
      eventsApplied: row?.events_applied ?? 0,
      storeId: row?.store_id ?? undefined,
    };
  }

  saveStoreId(storeId: string): void {
    this.run('UPDATE projection_checkpoint SET store_id = :storeId WHERE id = 1', { storeId });
  }

  saveCheckpoint(position: bigint, events: number): void {
    this.run(
      'UPDATE projection_checkpoint SET position = :position, events_applied = events_applied + :events WHERE id = 1',
      { position: position.toString(), events },
    );
  }

  /**
   * Empties every read model and the checkpoint in one transaction: the
   * start of a rebuild. The tables are dropped and made again rather than
   * emptied row by row, so the triggers that keep tallies (ADR 0036) do not
   * take back every row that is about to be replayed.
   */
  clear(tables: readonly TableSpec[]): void {
    this.statements.clear();
    this.transaction(() => {
      for (const table of tables) this.sqlite.exec(`DROP TABLE IF EXISTS ${table.name}`);
      for (const table of tables) for (const ddl of table.ddl) this.sqlite.exec(ddl);
      this.run('UPDATE projection_checkpoint SET position = NULL, events_applied = 0 WHERE id = 1');
    });
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}
