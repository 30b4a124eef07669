import { randomBytes } from 'node:crypto';
import type { KeyStore } from './key-store';

/** Keys in memory, lost at exit: for tests and benches, never for data that must outlive the process. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer | 'destroyed'>();

  dataKey(caseId: string): Promise<Buffer | undefined> {
    const key = this.keys.get(caseId);
    if (key === 'destroyed') return Promise.resolve(undefined);
    if (key) return Promise.resolve(key);
    const created = randomBytes(32);
    this.keys.set(caseId, created);
    return Promise.resolve(created);
  }

  findKey(caseId: string): Promise<Buffer | undefined> {
    const key = this.keys.get(caseId);
    return Promise.resolve(key === 'destroyed' ? undefined : key);
  }

  destroy(caseId: string): Promise<void> {
    this.keys.set(caseId, 'destroyed');
    return Promise.resolve();
  }
}
