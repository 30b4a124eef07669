/** The slice of a better-sqlite3 database the migrations need. */
export interface MigratableDatabase {
  pragma(source: string, options: { simple: true }): unknown;
  exec(source: string): unknown;
}

/** One step of a file's schema, from the version before it to its own. */
export interface Migration {
  readonly description: string;
  readonly up: (db: MigratableDatabase) => void;
}

/**
 * Brings a SQLite file to the newest schema, one step at a time. Each step
 * runs in its own IMMEDIATE transaction that first reads the version and
 * then moves `PRAGMA user_version` with the step, so a crash leaves the file
 * at a version it really has and two processes opening it at once never run
 * a step twice. A file from a newer release is refused rather than read
 * through a shape this code does not know. Step 1 of every store also
 * adopts a file from before versions existed (user_version 0, tables there).
 */
export function migrate(db: MigratableDatabase, name: string, migrations: readonly Migration[]): number {
  for (;;) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version > migrations.length) {
        throw new Error(
          `${name} is at schema version ${version}, newer than this release knows (${migrations.length}); run the newer release or restore a backup`,
        );
      }
      if (version === migrations.length) {
        db.exec('COMMIT');
        return version;
      }
      migrations[version].up(db);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
