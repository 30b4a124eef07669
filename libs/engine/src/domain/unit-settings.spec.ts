import { describe, expect, it } from 'vitest';
import { JARVA_SAMVERKAN_CARE_UNITS, samverkanCareUnit, unitSettingsFrom } from './unit-settings';

describe('the care units a unit has fördjupad samverkan with', () => {
  it.each([
    ['Kista vårdcentral', 'Kista vårdcentral'],
    ['kista VC', 'Kista vårdcentral'],
    ['Spånga vårdcentralen', 'Spånga vårdcentral'],
    ['  HUSBY-AKALLA  vårdcentral ', 'Husby-Akalla vårdcentral'],
    ['Husby Akalla VC', 'Husby-Akalla vårdcentral'],
    ['Aleris psykiatri', 'Aleris psykiatri (Kista, Rinkeby, Spånga)'],
    ['Aleris psykiatri, Rinkeby', 'Aleris psykiatri (Kista, Rinkeby, Spånga)'],
  ])('"%s" is %s on Järva\'s list', (typed, entry) => {
    expect(samverkanCareUnit(typed, JARVA_SAMVERKAN_CARE_UNITS)).toBe(entry);
  });

  it.each(['Danderyds vårdcentral', 'Kista', 'Kistamottagningen', 'Aleris', '', '  ', 'VC'])(
    '"%s" is not on Järva\'s list',
    (typed) => {
      expect(samverkanCareUnit(typed, JARVA_SAMVERKAN_CARE_UNITS)).toBeUndefined();
    },
  );

  it("gives each unit its own list, the configured default to the others, and Järva's when nothing is configured", () => {
    const settings = unitSettingsFrom({ default: ['Vårdcentral A'], 'norr-1': ['Vårdcentral B'] });
    expect(settings('norr-1').samverkanCareUnits).toEqual(['Vårdcentral B']);
    expect(settings('syd-1').samverkanCareUnits).toEqual(['Vårdcentral A']);
    expect(unitSettingsFrom({})('syd-1').samverkanCareUnits).toEqual(JARVA_SAMVERKAN_CARE_UNITS);
  });
});
