import { MAX_TEXT } from './answers';
import type { FieldType, FormField, Options, ReferralForm } from './field-types';

type Schema = Readonly<Record<string, unknown>>;

const choice = (options: Options, title: string): Schema => ({
  type: 'string',
  title,
  enum: Object.keys(options),
  'x-enumLabels': options,
});
const text = (title: string): Schema => ({ type: 'string', title, minLength: 1, maxLength: MAX_TEXT });

function schemaOf(type: FieldType, title: string): Schema {
  switch (type.kind) {
    case 'text':
      return text(title);
    case 'choice':
      return choice(type.options, title);
    case 'choiceAndText':
      return {
        type: 'object',
        title,
        properties: { choice: choice(type.options, 'Svar'), text: text('Beskriv') },
        required: ['choice', 'text'],
      };
    case 'multichoiceAndText':
      return {
        type: 'object',
        title,
        properties: {
          chosen: {
            type: 'array',
            title: 'Välj',
            minItems: 1,
            uniqueItems: true,
            items: choice(type.options, title),
          },
          text: text('Beskriv'),
        },
        required: ['chosen', 'text'],
      };
    case 'yearOrAge':
      return { type: 'string', title, minLength: 1, maxLength: 10 };
    case 'year':
      return { type: 'integer', title, minimum: 1900, maximum: 2100 };
    case 'yearMonth':
      return { type: 'string', title, pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])$' };
    case 'group':
      return { type: 'object', title, ...partsOf(type.parts) };
    case 'entriesAndText':
      return {
        type: 'object',
        title,
        properties: {
          entries: { type: 'array', title: type.entry, items: { type: 'object', ...partsOf(type.parts) } },
          text: text('Beskriv'),
        },
        required: ['entries', 'text'],
      };
  }
}

function partsOf(parts: readonly FormField[]) {
  return {
    properties: Object.fromEntries(parts.map((part) => [part.id, described(part, part.label)])),
    required: parts
      .filter((part) => !(part.type.kind === 'yearMonth' && part.type.optional))
      .map((p) => p.id),
    additionalProperties: false,
  };
}

const described = (field: FormField, title: string): Schema => ({
  ...schemaOf(field.type, title),
  ...(field.help ? { description: field.help } : {}),
  ...(field.startsFrom ? { 'x-startsFrom': field.startsFrom } : {}),
});

/**
 * The form as the JSON Schema a generated form renders (the same shape as
 * a step's payload schema): each field with the seed's prompt as its title,
 * the receiving unit's name in it, and its section named in `x-section`.
 * What it accepts is checked again, in full, by `checkAnswers`.
 */
export function formSchema(form: ReferralForm): Schema {
  const fields = form.sections.flatMap((section) =>
    section.fields.map((field) => [
      field.id,
      { ...described(field, field.label.replaceAll('{unit}', form.unitName)), 'x-section': section.title },
    ]),
  );
  return {
    type: 'object',
    properties: Object.fromEntries(fields),
    required: fields.map(([id]) => id),
    additionalProperties: false,
  };
}
