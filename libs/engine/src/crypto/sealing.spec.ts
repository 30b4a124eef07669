import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ERASED, seal, sealedCaseId, unseal, unsealDeep } from './sealing';

describe('sealing personal values', () => {
  const key = randomBytes(32);

  it('given the case key, then a sealed value opens to what was sealed', () => {
    const token = seal(key, 'case-1', [{ vad: 'Kontakt med vårdcentral' }]);
    expect(token).not.toContain('vårdcentral');
    expect(sealedCaseId(token)).toBe('case-1');
    expect(unseal(key, token)).toEqual([{ vad: 'Kontakt med vårdcentral' }]);
  });

  it('given no key, another key, or a token moved to another case, then it reads [raderad]', () => {
    const token = seal(key, 'case-1', 'AB 6303');
    expect(unseal(undefined, token)).toBe(ERASED);
    expect(unseal(randomBytes(32), token)).toBe(ERASED);
    expect(unseal(key, token.replace('enc:v1:case-1:', 'enc:v1:case-2:'))).toBe(ERASED);
  });

  it('given an answer with values of several cases, then each opens with its own key, once per case', async () => {
    const other = randomBytes(32);
    const lookups: string[] = [];
    const at = new Date('2026-01-15T09:00:00Z');
    const body = {
      at,
      items: [{ reference: seal(key, 'a', 'AB 6303') }, { reference: seal(other, 'b', 'CD 7104') }],
    };
    const opened = await unsealDeep(body, (caseId) => {
      lookups.push(caseId);
      return Promise.resolve(caseId === 'a' ? key : undefined);
    });
    expect(opened).toEqual({ at, items: [{ reference: 'AB 6303' }, { reference: ERASED }] });
    expect((opened as { at: unknown }).at).toBe(at);
    expect(lookups.sort()).toEqual(['a', 'b']);
  });
});
