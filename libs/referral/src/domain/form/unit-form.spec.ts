import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers';
import { COMPLETE_ANSWERS } from '../../testing/answers';
import { choiceFieldIds, formOf, receivingUnitsProblems } from './unit-form';

describe('a receiving unit’s own form', () => {
  const form = formOf('alc-1', {
    name: 'Arbetslivscenter',
    formVersion: 3,
    options: { 'workExperience.kind': { praktik: 'Praktik' }, sex: { kvinna: 'Kvinna', man: 'Man' } },
  });

  it('given its own lists, then they replace the default’s, a part’s by its field’s id and its own; its name and version are the form’s', () => {
    const fields = form.sections.flatMap((s) => s.fields);
    expect(fields.find((f) => f.id === 'sex')?.type).toEqual({
      kind: 'choice',
      options: { kvinna: 'Kvinna', man: 'Man' },
    });
    const work = fields.find((f) => f.id === 'workExperience')?.type;
    expect(work?.kind === 'entriesAndText' && work.parts.find((p) => p.id === 'kind')?.type).toEqual({
      kind: 'choice',
      options: { praktik: 'Praktik' },
    });
    expect([form.version, form.unitName]).toEqual([3, 'Arbetslivscenter']);
    expect(choiceFieldIds(form)).toEqual(
      expect.arrayContaining(['sex', 'upperSecondary.kind', 'income.kind']),
    );
  });

  it('given an answer the unit’s list lacks, then the form refuses it; one on its list passes', () => {
    const own = formOf('alc-1', {
      name: 'ALC',
      formVersion: 2,
      options: { sex: { kvinna: 'Kvinna', man: 'Man' } },
    });
    const refused = checkAnswers(own, { ...COMPLETE_ANSWERS, sex: 'annat' }, 2026);
    expect(refused.violations.map((v) => [v.field, v.rule])).toEqual([['sex', 'notAnOption']]);
    expect(checkAnswers(own, { ...COMPLETE_ANSWERS, sex: 'man' }, 2026).violations).toEqual([]);
  });

  it.each([
    [[], { alc: { name: 'ALC', formVersion: 1 } }],
    [['must be a JSON object of receiving units by unit id'], ['alc']],
    [
      ["alc.name: must be the unit's name as the form's labels say it"],
      { alc: { name: ' ', formVersion: 1 } },
    ],
    [['alc.formVersion: must be a whole number, 1 or more'], { alc: { name: 'ALC', formVersion: 1.5 } }],
    [
      ['alc.options.diagnosis: no field of the form with a choice list is called so'],
      { alc: { name: 'ALC', formVersion: 1, options: { diagnosis: { a: 'A' } } } },
    ],
    [
      ['alc.keptFor: must be an ISO-8601 duration such as P12M'],
      { alc: { name: 'ALC', formVersion: 1, keptFor: '1 år' } },
    ],
    [
      ["alc.options.sex: must map each choice's key to its label"],
      { alc: { name: 'ALC', formVersion: 1, options: { sex: {} } } },
    ],
  ])('given the configuration, then it is told what is wrong: %j', (problems, value) => {
    expect(receivingUnitsProblems(value)).toEqual(problems);
  });
});
