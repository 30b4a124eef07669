import { describe, expect, it } from 'vitest';
import type { Placement } from './api/types';
import { bipSuggestion } from './bip-suggestion';

const placement = (phase: string, bipType: string, name = 'Parken'): Placement =>
  ({ phase, insats: { name, bipType } }) as Placement;

describe('the BIP fas suggested from running placements', () => {
  it('given no running placement, then nothing is suggested', () => {
    expect(
      bipSuggestion([placement('avslutad', 'jobbfokuserande'), placement('ko', 'social')]),
    ).toBeUndefined();
  });

  it('given running insatser none of which is job-focused, then fas 1', () => {
    expect(bipSuggestion([placement('pagar', 'social'), placement('pagar', 'halsorelaterad')])).toMatch(
      /^Fas 1/,
    );
  });

  it('given a running job-focused insats, then fas 2–3, naming it', () => {
    expect(
      bipSuggestion([placement('pagar', 'social'), placement('pagar', 'jobbfokuserande', 'Snickeriet')]),
    ).toBe('Fas 2–3: Snickeriet är jobbfokuserande.');
  });
});
