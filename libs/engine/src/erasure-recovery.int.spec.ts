import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { InMemoryKeyStore } from './crypto/in-memory-key-store';
import { EngineHarness } from './testing/engine-harness';

/** A key store whose next `destroy` fails, as a crash or a full disk between the append and the shredding would. */
class KeysThatFailToDestroyOnce extends InMemoryKeyStore {
  failNext = true;

  override destroy(caseId: string): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('disk I/O error'));
    }
    return super.destroy(caseId);
  }
}

describe('erasure when the key is not destroyed in the same go', () => {
  it('given CaseErased was appended but destroying the key failed, when erasure is asked again, then the key is destroyed and the answer is 410-gone, with one CaseErased in the log', async () => {
    const keys = new KeysThatFailToDestroyOnce();
    const h = new EngineHarness(createProcessRegistry().all(), { keys });
    const caseId = await h.openCase();
    const erase = () =>
      h.run('bitradande_enhetschef', {
        type: 'EraseCase',
        caseId,
        reason: 'gallringsbeslut',
        decision: 'SN 2026/0412',
      });

    await expect(erase()).rejects.toThrow('disk I/O error');
    expect((await h.engine.load(caseId)).erased).toBeDefined();
    expect(await keys.findKey(caseId)).toBeDefined();

    await expect(erase()).rejects.toMatchObject({ code: 'CASE.ERASED' });
    expect(await keys.findKey(caseId)).toBeUndefined();
    expect((await h.eventTypes(caseId)).filter((type) => type === 'CaseErased')).toHaveLength(1);
  });
});
