import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, type Migration } from '@app/common';
import { decryptBound, encryptBound, type KeyStore } from '@app/engine';
import { localSecret } from './local-secret';

/** The key store's schema, step by step (`PRAGMA user_version`); step 1 adopts a file from before versions. */
export const KEY_STORE_MIGRATIONS: readonly Migration[] = [
  {
    description: 'data_keys: one wrapped key per case, a tombstone once destroyed',
    up: (db) =>
      db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
        case_id TEXT PRIMARY KEY, wrapped BLOB, created_at TEXT NOT NULL, destroyed_at TEXT)`),
  },
];

/** Unwrapped keys kept in memory this long; another node's erasure is honoured within it. */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 10_000;

export const DEV_MASTER_KEY_FILE = 'development-master.key';

/** The master key from the environment, or (development only) one generated into the data directory. */
export function masterKeyFor(dataDir: string, fromEnv: string | undefined): Buffer {
  return fromEnv ? Buffer.from(fromEnv, 'base64') : localSecret(dataDir, DEV_MASTER_KEY_FILE);
}

/**
 * Data keys in their own SQLite file, each wrapped (AES-256-GCM) by a master
 * key that lives outside the data directory in production. Destroying a key
 * overwrites it (secure_delete, no write-ahead log to keep old pages) and
 * leaves a tombstone, so the case never gets a new key.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, { key: Buffer; until: number }>();

  constructor(
    filename: string,
    private readonly masterKey: Buffer,
  ) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.db = new Database(filename);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    migrate(this.db, 'the key store', KEY_STORE_MIGRATIONS);
    this.checkMasterKey();
  }

  /** A wrong master key must stop the start, not turn every later read into an error. */
  private checkMasterKey(): void {
    const probe = '$master-key-check';
    const row = this.db.prepare('SELECT wrapped FROM data_keys WHERE case_id = ?').get(probe) as
      { wrapped: Buffer } | undefined;
    if (!row) {
      this.db
        .prepare('INSERT INTO data_keys (case_id, wrapped, created_at) VALUES (?, ?, ?)')
        .run(probe, this.wrap(probe, randomBytes(32)), new Date().toISOString());
      return;
    }
    try {
      this.unwrap(probe, row.wrapped);
    } catch {
      this.db.close();
      throw new Error(
        'DATA_KEY_MASTER does not open this key store: it is not the master key the keys were wrapped with',
      );
    }
  }

  async dataKey(caseId: string): Promise<Buffer | undefined> {
    const existing = this.read(caseId);
    if (existing !== 'none') return existing;
    const key = randomBytes(32);
    this.db
      .prepare('INSERT OR IGNORE INTO data_keys (case_id, wrapped, created_at) VALUES (?, ?, ?)')
      .run(caseId, this.wrap(caseId, key), new Date().toISOString());
    // Another writer may have won the insert; its key is the one.
    const stored = this.read(caseId);
    return stored === 'none' ? undefined : stored;
  }

  async findKey(caseId: string): Promise<Buffer | undefined> {
    const found = this.read(caseId);
    return found === 'none' ? undefined : found;
  }

  async destroy(caseId: string): Promise<void> {
    this.cache.delete(caseId);
    this.db
      .prepare(
        `INSERT INTO data_keys (case_id, wrapped, created_at, destroyed_at) VALUES (:caseId, NULL, :now, :now)
         ON CONFLICT (case_id) DO UPDATE SET wrapped = NULL, destroyed_at = coalesce(destroyed_at, :now)`,
      )
      .run({ caseId, now: new Date().toISOString() });
  }

  close(): void {
    this.db.close();
  }

  /** The key, undefined when destroyed, 'none' when the case never had one. */
  private read(caseId: string): Buffer | undefined | 'none' {
    const cached = this.cache.get(caseId);
    if (cached && cached.until > Date.now()) return cached.key;
    const row = this.db.prepare('SELECT wrapped FROM data_keys WHERE case_id = ?').get(caseId) as
      { wrapped: Buffer | null } | undefined;
    if (!row) return 'none';
    if (!row.wrapped) return undefined;
    const key = this.unwrap(caseId, row.wrapped);
    this.cache.delete(caseId);
    this.cache.set(caseId, { key, until: Date.now() + CACHE_TTL_MS });
    if (this.cache.size > CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
    return key;
  }

  private wrap(caseId: string, key: Buffer): Buffer {
    return encryptBound(this.masterKey, caseId, key);
  }

  private unwrap(caseId: string, wrapped: Buffer): Buffer {
    return decryptBound(this.masterKey, caseId, wrapped);
  }
}
