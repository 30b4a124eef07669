import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ERASED, seal, sealedCaseId, unseal } from './sealing';

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

  it('given a case id holding a colon, then its values still name the case and open', () => {
    const token = seal(key, 'old:case:1', 'AB 6303');
    expect(sealedCaseId(token)).toBe('old:case:1');
    expect(unseal(key, token)).toBe('AB 6303');
  });
});
