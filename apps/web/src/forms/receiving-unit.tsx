import { api, ApiError, describeError } from '../api/client';
import type { JsonSchema, ReceivingUnit } from '../api/types';
import { useResource } from '../use-resource';
import { optionLabel } from './messages';

type Values = Record<string, unknown>;

/** The send step's siblings of the receiving unit (referral.md): its form's version and the answers on it. */
const FORM_VERSION = 'formVersion';
const ANSWERS = 'answers';

export interface ReceivingUnitForm {
  /** The schema the form shows now: the units offered by name, and the chosen unit's own form. */
  readonly schema: JsonSchema;
  /** The payload with what the chosen unit gives rather than the user: its form's version. */
  readonly complete: (payload: Values) => Values;
  /** Told of a refusal: a form changed since it was opened is fetched again, so the next try names the new one. */
  readonly refused: (error: unknown) => void;
  /** Why the units could not be offered, when they could not. */
  readonly problem?: string;
}

const staleForm = (error: unknown) =>
  error instanceof ApiError &&
  (error.details.violations ?? []).some((v) => v.field.replace(/^payload\./, '') === FORM_VERSION);

const unitFieldOf = (schema: JsonSchema) =>
  Object.entries(schema.properties ?? {}).find(([, property]) => property['x-receivingUnit'])?.[0];

/** A draft is not checked until it is sent (referral.md, Upprätta): nothing in it is required. */
function optional(schema: JsonSchema): JsonSchema {
  const { required: _required, minItems: _minItems, ...rest } = schema;
  return {
    ...rest,
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [name, optional(property)]),
          ),
        }
      : {}),
    ...(schema.items ? { items: optional(schema.items) } : {}),
  };
}

/**
 * A step that names a receiving unit (`x-receivingUnit`): the city's units
 * offered by name; once one is chosen, the answers are that unit's own form
 * (its labels, its choice lists) and the form's version is the unit's, never
 * typed. Until then the answers are not shown, since their labels name the
 * unit. Any other step's schema is left as it is.
 */
export function useReceivingUnitForm(schema: JsonSchema, values: Values): ReceivingUnitForm {
  const field = unitFieldOf(schema);
  const units = useResource(
    (signal) =>
      field
        ? api<{ items: ReceivingUnit[] }>('/api/referral-units', { signal }).then((answer) => answer.items)
        : Promise.resolve([]),
    [field],
  );
  if (!field) return { schema, complete: (payload) => payload, refused: () => undefined };
  const offered = units.data ?? [];
  const chosen = offered.find((unit) => unit.unit === values[field]);
  const properties = { ...schema.properties };
  properties[field] = {
    ...properties[field],
    ...(units.data
      ? {
          enum: offered.map((unit) => unit.unit),
          'x-enumLabels': Object.fromEntries(offered.map((unit) => [unit.unit, unit.name])),
        }
      : {}),
  };
  const asksVersion = FORM_VERSION in properties;
  delete properties[FORM_VERSION];
  const answers = properties[ANSWERS];
  const answersRequired = schema.required?.includes(ANSWERS) ?? false;
  if (answers && chosen) {
    const own = chosen.schema as JsonSchema;
    properties[ANSWERS] = {
      ...(answersRequired ? own : optional(own)),
      title: answers.title,
      ...(answers.description ? { description: answers.description } : {}),
    };
  } else delete properties[ANSWERS];
  return {
    schema: {
      ...schema,
      properties,
      required: (schema.required ?? []).filter((name) => name in properties),
    },
    complete: (payload) =>
      asksVersion && chosen ? { ...payload, [FORM_VERSION]: chosen.formVersion } : payload,
    refused: (error) => {
      if (staleForm(error)) units.reload();
    },
    ...(units.error !== undefined
      ? { problem: `De mottagande enheterna kunde inte hämtas. ${describeError(units.error)}` }
      : units.data?.length === 0
        ? { problem: 'Ingen enhet tar emot aktualiseringar ännu. Kontakta den som förvaltar systemet.' }
        : {}),
  };
}

/** The receiving unit chosen by its name, as the insats is by the catalogue: never typed as an id. */
export function ReceivingUnitPicker({
  control,
  schema,
  value,
  onChange,
}: {
  readonly control: Readonly<Record<string, unknown>> & { readonly id: string };
  readonly schema: JsonSchema;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}) {
  const units = schema.enum;
  return (
    <select
      {...control}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{units ? 'Välj mottagande enhet…' : 'Hämtar de mottagande enheterna…'}</option>
      {units?.map((unit) => (
        <option key={String(unit)} value={String(unit)}>
          {optionLabel(schema, unit)}
        </option>
      ))}
    </select>
  );
}
