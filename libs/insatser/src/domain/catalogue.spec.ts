import { describe, expect, it } from 'vitest';
import { BusinessRuleError, InvalidPayloadError } from '@app/engine';
import {
  CatalogueVersionConflictError,
  decideCatalogue,
  evolveCatalogue,
  type CatalogueCommand,
  type CatalogueEntryState,
} from './catalogue';
import { ENTRY } from '../testing/entry';

const ID = 'insats-1';

/** Given these commands accepted in order, the entry's state. */
function given(...commands: CatalogueCommand[]): CatalogueEntryState | undefined {
  return commands.reduce<CatalogueEntryState | undefined>(
    (state, command) => decideCatalogue(ID, state, command).reduce(evolveCatalogue, state),
    undefined,
  );
}

const register: CatalogueCommand = { type: 'RegisterInsats', providingUnit: 'järva-1', entry: ENTRY };
const violationsOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error.violations.map((v) => [v.field, v.rule]);
    throw error;
  }
  throw new Error('expected the entry to be refused');
};

describe('the catalogue of insatser', () => {
  it('given a whole entry, when registered, then it is version 1 and active', () => {
    expect(given(register)).toMatchObject({ version: 1, status: 'active', providingUnit: 'järva-1' });
  });

  it('given a field missing or out of range, then every violation is named at once', () => {
    const { name: _none, ...entry } = ENTRY;
    expect(
      violationsOf(() =>
        decideCatalogue(ID, undefined, {
          ...register,
          entry: { ...entry, places: 0, kind: 'dans', cost: { ...ENTRY.cost, period: 'vecka' } },
        } as CatalogueCommand),
      ),
    ).toEqual(
      expect.arrayContaining([
        ['name', 'isString'],
        ['places', 'min'],
        ['kind', 'isIn'],
        ['cost.period', 'isIn'],
      ]),
    );
  });

  it('given an entry open to listed units, then the units and the price for others are required', () => {
    expect(
      violationsOf(() =>
        decideCatalogue(ID, undefined, {
          ...register,
          entry: { ...ENTRY, openTo: 'utvalda_enheter', priceForOtherUnitsSek: undefined },
        }),
      ),
    ).toEqual([
      ['openToUnits', 'requiredWhenListed'],
      ['priceForOtherUnitsSek', 'requiredWhenOpen'],
    ]);
  });

  it('given a validTo before validFrom, then it is refused', () => {
    expect(
      violationsOf(() =>
        decideCatalogue(ID, undefined, { ...register, entry: { ...ENTRY, validTo: '2025-12-31' } }),
      ),
    ).toEqual([['validTo', 'notBeforeValidFrom']]);
  });

  it('given a personnummer in the målgrupp or a criterion, then it is refused: the catalogue names no one', () => {
    expect(
      violationsOf(() =>
        decideCatalogue(ID, undefined, {
          ...register,
          entry: { ...ENTRY, malgrupp: 'Till exempel 19121212-1212', criteria: ['Gäller 191212121212'] },
        }),
      ),
    ).toEqual([
      ['malgrupp', 'noPersonnummer'],
      ['criteria', 'noPersonnummer'],
    ]);
  });

  it('given version 1, when revised against version 1, then it is version 2 with the whole new entry', () => {
    const state = given(register, {
      type: 'ReviseInsats',
      expectedVersion: 1,
      entry: { ...ENTRY, places: 12 },
    });
    expect([state?.version, state?.entry.places]).toEqual([2, 12]);
  });

  it('given version 2, when revised against version 1, then it is a conflict naming the current version', () => {
    const state = given(register, { type: 'ReviseInsats', expectedVersion: 1, entry: ENTRY });
    expect(() =>
      decideCatalogue(ID, state, { type: 'ReviseInsats', expectedVersion: 1, entry: ENTRY }),
    ).toThrow(CatalogueVersionConflictError);
  });

  it('given active placements, when closed, then it is refused and pausing is offered instead', () => {
    const state = given(register);
    expect(() =>
      decideCatalogue(ID, state, { type: 'CloseInsats', closedOn: '2026-03-01', activePlacements: 2 }),
    ).toThrow(/pausa den i stället/);
    expect(given(register, { type: 'PauseInsats', reason: 'Handledaren är föräldraledig' })?.status).toBe(
      'paused',
    );
  });

  it('given a paused entry, then it can be resumed, and a closed one cannot be revised', () => {
    const paused = given(register, { type: 'PauseInsats', reason: 'Renovering' });
    expect(
      given(register, { type: 'PauseInsats', reason: 'Renovering' }, { type: 'ResumeInsats' })?.status,
    ).toBe('active');
    expect(() => decideCatalogue(ID, paused, { type: 'PauseInsats', reason: 'igen' })).toThrow(
      BusinessRuleError,
    );
    const closed = given(register, { type: 'CloseInsats', closedOn: '2026-03-01', activePlacements: 0 });
    expect(() =>
      decideCatalogue(ID, closed, { type: 'ReviseInsats', expectedVersion: 1, entry: ENTRY }),
    ).toThrow(/avslutad/);
  });

  it('given no entry, when it is revised, then it is refused as unknown', () => {
    expect(() => decideCatalogue(ID, undefined, { type: 'ResumeInsats' })).toThrow(/finns inte/);
  });
});
