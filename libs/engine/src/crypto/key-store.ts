/**
 * Where each case's data key lives. The default adapter is a local SQLite
 * table with keys wrapped by a master key; an external KMS fits the same port.
 */
export interface KeyStore {
  /** The case's 32-byte key, created on first use; undefined once destroyed (never re-created). */
  dataKey(caseId: string): Promise<Buffer | undefined>;
  /** The key if it exists, never creating one: for reading. */
  findKey(caseId: string): Promise<Buffer | undefined>;
  /** Destroys the key for good; later calls to `dataKey` answer undefined. Idempotent. */
  destroy(caseId: string): Promise<void>;
}
