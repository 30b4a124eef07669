import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteKeyStore } from './sqlite-key-store';

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
});
