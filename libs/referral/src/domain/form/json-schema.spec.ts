import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { COMPLETE_ANSWERS } from '../../testing/answers';
import { DEFAULT_FORM } from './default-form';
import { formSchema } from './json-schema';

const FORM = DEFAULT_FORM('alc-1', 'Arbetslivscenter');
// The web app's generated forms read titles and option names from these keys.
const validator = new Ajv({ allErrors: true, strict: false }).compile(formSchema(FORM));

describe('the referral form as the schema a generated form renders', () => {
  it('lists every field of the form, each with its section and the seed’s prompt, the receiving unit named', () => {
    const schema = formSchema(FORM) as { properties: Record<string, { title: string; 'x-section': string }> };
    expect(Object.keys(schema.properties)).toEqual(FORM.sections.flatMap((s) => s.fields.map((f) => f.id)));
    expect(schema.properties.whyThisUnit).toMatchObject({
      title: 'Varför tror Du att Arbetslivscenter kan vara behjälplig för personen?',
      'x-section': 'Din bedömning/uppfattning',
    });
    expect(schema.properties.sex).toMatchObject({ enum: ['kvinna', 'man', 'annat', 'vill_ej_ange'] });
  });

  it('names the criminal background as starting from the answer under Socialt, by a path the schema has', () => {
    const schema = formSchema(FORM) as {
      properties: Record<string, { 'x-startsFrom'?: string; properties?: Record<string, unknown> }>;
    };
    const from = schema.properties.criminalBackground['x-startsFrom'];
    expect(from).toBe('criminalRecord.text');
    const [field, part] = String(from).split('.');
    expect(schema.properties[field].properties?.[part]).toBeDefined();
  });

  it('accepts the whole answer set the form check accepts, and refuses one with a field missing or unknown', () => {
    expect(validator(COMPLETE_ANSWERS) ? [] : validator.errors).toEqual([]);
    const { diagnosis: _missing, ...incomplete } = COMPLETE_ANSWERS;
    expect(validator(incomplete)).toBe(false);
    expect(validator({ ...COMPLETE_ANSWERS, nickname: 'x' })).toBe(false);
  });
});
