import { describe, expect, it } from 'vitest';
import { REFERRAL_NUMBER, referralNumberOf } from './referral-number';

describe('a referral’s number', () => {
  it('given the same case and instance, then the same number; another instance or case, another number', () => {
    const caseId = '5b0d3c1e-8a41-4f7e-9a51-0f6f2d1c9b77';
    const number = referralNumberOf(caseId, 'ak-1');
    expect(number).toMatch(REFERRAL_NUMBER);
    expect(referralNumberOf(caseId, 'ak-1')).toBe(number);
    expect(referralNumberOf(caseId, 'ak-2')).not.toBe(number);
    expect(referralNumberOf('5b0d3c1e-8a41-4f7e-9a51-0f6f2d1c9b78', 'ak-1')).not.toBe(number);
  });

  it('given ten thousand referrals, then no two share a number', () => {
    const numbers = new Set(Array.from({ length: 10_000 }, (_, i) => referralNumberOf(`case-${i}`, 'ak')));
    expect(numbers.size).toBe(10_000);
  });
});
