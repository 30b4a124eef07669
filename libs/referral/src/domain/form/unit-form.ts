import { isIsoDuration } from '@app/workflow';
import { DEFAULT_FORM } from './default-form';
import type { FieldType, FormField, Options, ReferralForm } from './field-types';

/** What a receiving unit configured (referral.md, Form): its name, its form's version, its own choice lists. */
export interface ReceivingUnitForm {
  readonly name: string;
  readonly formVersion: number;
  /** By field id, a part by its field's and its own: `workExperience.kind`. */
  readonly options?: Readonly<Record<string, Options>>;
  /** How long the unit keeps a referral after it ended (gallring), as an ISO duration; a year by default. */
  readonly keptFor?: string;
}

/** referral.md, De-identification rule: "default: erased 12 months after the decision". */
export const DEFAULT_KEPT_FOR = 'P12M';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptions = (value: unknown) =>
  isRecord(value) &&
  Object.keys(value).length > 0 &&
  Object.values(value).every((label) => typeof label === 'string' && label.trim() !== '');

/**
 * What is wrong with a configuration of receiving units, each named by its
 * unit: a name, a whole form version of 1 or more, and choice lists only for
 * fields that have one. Said at start, not when a sender first meets it.
 */
export function receivingUnitsProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['must be a JSON object of receiving units by unit id'];
  const choiceFields = new Set(choiceFieldIds(DEFAULT_FORM('', '')));
  return Object.entries(value).flatMap(([unit, settings]): string[] => {
    if (!isRecord(settings)) return [`${unit}: must be an object with name and formVersion`];
    const problems: string[] = [];
    if (typeof settings.name !== 'string' || settings.name.trim() === '')
      problems.push(`${unit}.name: must be the unit's name as the form's labels say it`);
    if (!Number.isInteger(settings.formVersion) || (settings.formVersion as number) < 1)
      problems.push(`${unit}.formVersion: must be a whole number, 1 or more`);
    if (
      settings.keptFor !== undefined &&
      !(typeof settings.keptFor === 'string' && isIsoDuration(settings.keptFor))
    )
      problems.push(`${unit}.keptFor: must be an ISO-8601 duration such as P12M`);
    if (settings.options !== undefined && !isRecord(settings.options))
      problems.push(`${unit}.options: must map field ids to choice lists`);
    for (const [field, options] of Object.entries(isRecord(settings.options) ? settings.options : {})) {
      if (!choiceFields.has(field))
        problems.push(`${unit}.options.${field}: no field of the form with a choice list is called so`);
      else if (!isOptions(options))
        problems.push(`${unit}.options.${field}: must map each choice's key to its label`);
    }
    return problems;
  });
}
