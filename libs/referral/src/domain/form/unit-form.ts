import { DEFAULT_FORM } from './default-form';
import type { FieldType, FormField, Options, ReferralForm } from './field-types';

/** What a receiving unit configured (referral.md, Form): its name, its form's version, its own choice lists. */
export interface ReceivingUnitForm {
  readonly name: string;
  readonly formVersion: number;
  /** By field id, a part by its field's and its own: `workExperience.kind`. */
  readonly options?: Readonly<Record<string, Options>>;
}

const hasOptions = (type: FieldType): type is Extract<FieldType, { options: Options }> => 'options' in type;

function withOwnOptions(
  field: FormField,
  own: Readonly<Record<string, Options>>,
  path = field.id,
): FormField {
  const type = field.type;
  if (hasOptions(type) && own[path]) return { ...field, type: { ...type, options: own[path] } };
  if (type.kind === 'group' || type.kind === 'entriesAndText')
    return {
      ...field,
      type: {
        ...type,
        parts: type.parts.map((part) => withOwnOptions(part, own, `${path}.${part.id}`)),
      },
    };
  return field;
}

/** The receiving unit's form: the seed's, with its name in the labels and its own choice lists where it has them. */
export function formOf(receivingUnit: string, unit: ReceivingUnitForm): ReferralForm {
  const base = DEFAULT_FORM(receivingUnit, unit.name);
  const own = unit.options ?? {};
  return {
    ...base,
    version: unit.formVersion,
    sections: base.sections.map((section) => ({
      ...section,
      fields: section.fields.map((field) => withOwnOptions(field, own)),
    })),
  };
}

/** The ids of every field of the form with a choice list, parts included: what a unit may give its own list for. */
export function choiceFieldIds(form: ReferralForm): string[] {
  const ids = (field: FormField, path = field.id): string[] => [
    ...(hasOptions(field.type) ? [path] : []),
    ...(field.type.kind === 'group' || field.type.kind === 'entriesAndText'
      ? field.type.parts.flatMap((part) => ids(part, `${path}.${part.id}`))
      : []),
  ];
  return form.sections.flatMap((section) => section.fields.flatMap((field) => ids(field)));
}
