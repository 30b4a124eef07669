import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, type Migration } from './sqlite-migrations';

const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = () => join(dir, `m${++files}.sqlite`);

const steps: Migration[] = [
  { description: 'a', up: (db) => db.exec('CREATE TABLE IF NOT EXISTS a (x INTEGER)') },
  { description: 'a.y', up: (db) => db.exec('ALTER TABLE a ADD COLUMN y TEXT') },
  { description: 'b', up: (db) => db.exec('CREATE TABLE b (z INTEGER)') },
];
const version = (db: Database.Database) => db.pragma('user_version', { simple: true });

describe('SQLite schema migrations', () => {
  it.each([0, 1, 2, 3])(
    'given a file at version %i, then it reaches the newest and keeps its rows',
    (from) => {
      const path = file();
      const db = new Database(path);
      if (from > 0) migrate(db, 'test', steps.slice(0, from));
      if (from > 0) db.prepare('INSERT INTO a (x) VALUES (7)').run();
      expect(migrate(db, 'test', steps)).toBe(3);
      expect(version(db)).toBe(3);
      expect(db.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: from > 0 ? 1 : 0 });
      expect(db.prepare("SELECT name FROM pragma_table_info('a')").all()).toEqual([
        { name: 'x' },
        { name: 'y' },
      ]);
      db.close();
    },
  );

  it('given a file from a newer release, then it is refused by name and left as it is', () => {
    const db = new Database(file());
    migrate(db, 'test', steps);
    expect(() => migrate(db, 'the key store', steps.slice(0, 2))).toThrow(
      /the key store is at schema version 3, newer/,
    );
    expect(version(db)).toBe(3);
    db.close();
  });

  it('given a step that fails, then neither it nor its version is kept, and the earlier steps are', () => {
    const db = new Database(file());
    const broken = [
      ...steps.slice(0, 2),
      { description: 'bad', up: (d: { exec(s: string): unknown }) => d.exec('CREATE TABLE a (x)') },
    ];
    expect(() => migrate(db, 'test', broken)).toThrow(/already exists/);
    expect(version(db)).toBe(2);
    db.close();
  });

  it('given two processes opening the file at once, then each step runs once', () => {
    const path = file();
    const one = new Database(path);
    const two = new Database(path);
    migrate(one, 'test', steps.slice(0, 1));
    // The second read its version before the first moved on; the step that adds a column must still run once.
    migrate(one, 'test', steps);
    expect(() => migrate(two, 'test', steps)).not.toThrow();
    expect(version(two)).toBe(3);
    one.close();
    two.close();
  });
});
