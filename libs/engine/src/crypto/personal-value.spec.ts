import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  personal,
  personalOfCase,
  personalValuesIn,
  PersonalValue,
  replacePersonalValues,
  WITHHELD,
} from './personal-value';
import { seal } from './sealing';

describe('personal values in answers', () => {
  const key = randomBytes(32);

  it('given a marked field serialised unopened, then it reads [skyddad], never the ciphertext', () => {
    const token = seal(key, 'a', 'AB 6303');
    expect(JSON.stringify({ reference: personal('a', token) })).toBe(`{"reference":"${WITHHELD}"}`);
    expect(personal('a', undefined)).toBeUndefined();
    expect(personal('a', null)).toBeNull();
  });

  it("given a process context, then only this case's sealed values are marked", () => {
    const own = seal(key, 'a', 'Arbetsträning');
    const foreign = seal(key, 'b', 'CD 7104');
    const at = new Date('2026-01-15T09:00:00Z');
    const marked = personalOfCase('a', { plan: { mainGoal: own, pasted: foreign }, at, followUps: 2 }) as {
      plan: { mainGoal: unknown; pasted: unknown };
      at: unknown;
      followUps: number;
    };
    expect(marked.plan.mainGoal).toEqual(new PersonalValue('a', own));
    expect(marked.plan.pasted).toBe(foreign);
    expect(marked.at).toBe(at);
    expect(marked.followUps).toBe(2);
  });

  it('given an answer with marked values, then each is found and replaced where it stands', () => {
    const body = { items: [{ reference: personal('a', 'x') }, { reference: personal('b', 'y') }], n: 2 };
    expect(personalValuesIn(body).map((value) => value.caseId)).toEqual(['a', 'b']);
    expect(replacePersonalValues(body, (value) => `open ${value.caseId}`)).toEqual({
      items: [{ reference: 'open a' }, { reference: 'open b' }],
      n: 2,
    });
  });
});
