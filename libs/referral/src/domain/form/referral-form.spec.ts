import { describe, expect, it } from 'vitest';
import { COMPLETE_ANSWERS } from '../../testing/answers';
import { birthYearOf, checkAnswers } from './answers';
import { DEFAULT_FORM } from './default-form';
import { checkReferral } from './referral-check';

const FORM = DEFAULT_FORM('alc-1', 'ALC');
const YEAR = 2026;
const check = (answers: Record<string, unknown>) => checkAnswers(FORM, answers, YEAR);
const rulesOf = (answers: Record<string, unknown>) => check(answers).violations.map((v) => [v.field, v.rule]);

describe('the referral form (referral.md, Form: sections and fields)', () => {
  it('has the seed’s sections, with every field the spec lists, in order', () => {
    expect(FORM.sections.map((s) => [s.title, s.fields.map((f) => f.id)])).toEqual([
      ['Allmänt/personligt', ['sex', 'birthYear', 'civilStatus', 'motivation']],
      [
        'Medicinskt',
        [
          'diagnosis',
          'illnessHistory',
          'limitationsAndPossibilities',
          'substanceUse',
          'treatments',
          'medicalNetwork',
        ],
      ],
      ['Socialt', ['housing', 'socialNetwork', 'interests', 'criminalRecord']],
      ['Utbildning', ['compulsorySchool', 'upperSecondary', 'otherEducation', 'schoolSituation']],
      ['Arbete', ['workExperience', 'involvedResources', 'otherAssessments']],
      ['Försörjning', ['income', 'extraSupport']],
      [
        'Din bedömning/uppfattning',
        ['labourMarketView', 'whyThisUnit', 'whyOrdinaryNotEnough', 'criminalBackground'],
      ],
    ]);
  });

  it('given every field answered, then nothing is refused and the age is kept as the birth year', () => {
    const checked = check(COMPLETE_ANSWERS);
    expect(checked.violations).toEqual([]);
    expect(checked.answers.birthYear).toBe(1963);
    expect(checked.answers.housing).toEqual(COMPLETE_ANSWERS.housing);
  });

  it('given an empty text, a missing choice or no option chosen, then each is named as required', () => {
    expect(
      rulesOf({
        ...COMPLETE_ANSWERS,
        diagnosis: '   ',
        civilStatus: undefined,
        substanceUse: { chosen: [], text: 'Inget' },
        housing: { ...COMPLETE_ANSWERS.housing, lss: undefined },
      }),
    ).toEqual([
      ['civilStatus', 'required'],
      ['diagnosis', 'required'],
      ['substanceUse.chosen', 'required'],
      ['housing.lss', 'required'],
    ]);
  });

  it('given "ej känt" or "inget att rapportera", then that is an answer', () => {
    expect(
      rulesOf({
        ...COMPLETE_ANSWERS,
        interests: 'Ej känt',
        criminalRecord: { choice: 'okant', text: 'Ej känt' },
      }),
    ).toEqual([]);
  });

  it('given a choice not on its list, a field the form lacks, or years in the wrong order, then each is named', () => {
    expect(
      rulesOf({
        ...COMPLETE_ANSWERS,
        sex: 'k',
        nickname: 'Lotta',
        workExperience: {
          entries: [{ kind: 'anstallning', sector: 'Lager', from: 2015, to: 2012 }],
          text: 'Kort anställning',
        },
        income: { kind: 'lon', validTo: '2027-13' },
      }),
    ).toEqual([
      ['nickname', 'unknown'],
      ['sex', 'notAnOption'],
      ['workExperience.entries.0.to', 'yearOrder'],
      ['income.validTo', 'yearMonth'],
    ]);
  });

  describe('the age: a birth year or an age in years, never a month or a day', () => {
    it.each([
      ['-63', 1963],
      ['1963', 1963],
      ['-05', 2005],
      ['63 år', 1963],
      ['45 år', 1981],
      ['100', 1926],
      [1970, 1970],
    ])('takes %j as %i', (given, year) => {
      expect(birthYearOf(given, YEAR)).toBe(year);
    });

    it.each(['1963-04', '12 april 1963', '630412', 'april -63', '63', '2030', '7 år'])(
      'refuses %j',
      (given) => {
        expect(rulesOf({ ...COMPLETE_ANSWERS, birthYear: given })).toEqual([['birthYear', 'yearOnly']]);
      },
    );
  });

  it('given a free text anywhere in the form with a phone number, then the referral is refused naming that part', () => {
    const checked = checkReferral(
      FORM,
      {
        ...COMPLETE_ANSWERS,
        workExperience: {
          ...COMPLETE_ANSWERS.workExperience,
          entries: [
            { kind: 'arbetspraktik', sector: 'Lager, chefen nås på 070-123 45 67', from: 2020, to: 2021 },
          ],
        },
      },
      { currentYear: YEAR, clientReference: 'KB 6304' },
    );
    expect(checked.violations).toEqual([]);
    expect(checked.refusals.map((r) => [r.field, r.rule])).toEqual([
      ['workExperience.entries.0.sector', 'phone'],
    ]);
  });

  it('given the whole ordinary answer set, then it may be sent without a warning to confirm', () => {
    const checked = checkReferral(FORM, COMPLETE_ANSWERS, { currentYear: YEAR, clientReference: 'KB 6304' });
    expect([checked.violations, checked.refusals, checked.warnings]).toEqual([[], [], []]);
  });
});
