import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { KEY_STORE_MIGRATIONS, SqliteKeyStore } from './sqlite-key-store';

describe('the SQLite key store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-keys-'));
  const file = join(dir, 'keys.sqlite');
  const master = randomBytes(32);
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one key per case across restarts, wrapped so the file never holds it in the clear', async () => {
    const store = new SqliteKeyStore(file, master);
    const key = await store.dataKey('case-1');
    expect(await store.dataKey('case-1')).toEqual(key);
    store.close();
    expect(readFileSync(file).includes(key as Buffer)).toBe(false);
    const reopened = new SqliteKeyStore(file, master);
    expect(await reopened.findKey('case-1')).toEqual(key);
    expect(await reopened.findKey('case-2')).toBeUndefined();
    reopened.close();
  });

  it('given a destroyed key, then it is gone for good and never replaced', async () => {
    const store = new SqliteKeyStore(file, master);
    await store.dataKey('case-1');
    await store.destroy('case-1');
    expect(await store.findKey('case-1')).toBeUndefined();
    expect(await store.dataKey('case-1')).toBeUndefined();
    store.close();
  });

  it('given the wrong master key, then the store refuses to open, saying why', async () => {
    const store = new SqliteKeyStore(file, master);
    await store.dataKey('case-1');
    store.close();
    expect(() => new SqliteKeyStore(file, randomBytes(32))).toThrow(
      /DATA_KEY_MASTER does not open this key store/,
    );
  });

  it('given a key store written before schema versions existed, then it opens, adopts the schema and keeps its keys', async () => {
    const first = new SqliteKeyStore(file, master);
    const key = await first.dataKey('case-1');
    first.close();
    const legacy = new Database(file);
    legacy.pragma('user_version = 0');
    legacy.close();
    const reopened = new SqliteKeyStore(file, master);
    expect(await reopened.findKey('case-1')).toEqual(key);
    reopened.close();
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(KEY_STORE_MIGRATIONS.length);
    after.close();
  });

  it('given a key store from a newer release, then it refuses to open it, naming why', () => {
    mkdirSync(dir, { recursive: true });
    const newer = new Database(file);
    newer.pragma(`user_version = ${KEY_STORE_MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => new SqliteKeyStore(file, master)).toThrow(/the key store is at schema version \d+, newer/);
  });
});
